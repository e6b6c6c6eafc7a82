package org.factorysharing.api.shared;

import java.util.Collection;
import java.util.List;

/**
 * The groups of the one identity store, the only place their names are written in code: the API, the pages, the
 * workflow rules, the command side and the Camunda webapps all use these. A factory's own staff group is
 * {@code factory-<factoryId>-staff} ({@link org.factorysharing.api.factory.FactoryId#staffGroup()}).
 */
public final class Groups {

    public static final String OFFICERS = "officers";
    public static final String SUPERVISORS = "supervisors";
    /** Planning bureau: the second stage of a scale-up approval. */
    public static final String PLANNERS = "planners";
    /** The deputy minister's office: final approval of a scale-up. */
    public static final String EXECUTIVES = "executives";

    public static final String AUDITORS = "auditors";
    public static final String FACTORY_STAFF = "factory-staff";
    public static final String MEMBERS = "members";
    public static final String ADMINS = "admins";

    public static final List<String> ALL =
            List.of(OFFICERS, SUPERVISORS, PLANNERS, EXECUTIVES, AUDITORS, FACTORY_STAFF, MEMBERS, ADMINS);

    /** Groups that see the whole programme's members, factories and jobs. */
    public static final List<String> PROGRAMME_WIDE = List.of(OFFICERS, SUPERVISORS, AUDITORS, ADMINS);

    private static final String STAFF_PREFIX = "factory-";
    private static final String STAFF_SUFFIX = "-staff";

    private Groups() {}

    /** True for a user who sees the whole programme (officers, supervisors, auditors, admins). */
    public static boolean seesEverything(Collection<String> groups) {
        return PROGRAMME_WIDE.stream().anyMatch(groups::contains);
    }

    /** A member's own login and nothing more: it acts only for the member it is linked to. */
    public static boolean actsOnlyForOwnMember(Collection<String> groups) {
        return groups.contains(MEMBERS) && !seesEverything(groups);
    }

    /** The staff group of a factory. */
    public static String staffOf(String factoryId) {
        return STAFF_PREFIX + factoryId + STAFF_SUFFIX;
    }

    /** The factory whose own staff group this is, or null for any other group (also the general factory-staff). */
    public static String factoryOfStaffGroup(String group) {
        if (group.startsWith(STAFF_PREFIX)
                && group.endsWith(STAFF_SUFFIX)
                && group.length() > STAFF_PREFIX.length() + STAFF_SUFFIX.length()) {
            return group.substring(STAFF_PREFIX.length(), group.length() - STAFF_SUFFIX.length());
        }
        return null;
    }

    /** The factories whose own staff groups are among the groups. */
    public static List<String> factoriesStaffedBy(Collection<String> groups) {
        return groups.stream()
                .map(Groups::factoryOfStaffGroup)
                .filter(factory -> factory != null)
                .toList();
    }
}
