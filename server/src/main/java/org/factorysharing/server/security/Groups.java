package org.factorysharing.server.security;

import java.util.List;

/** The groups of the one identity store (Camunda's), used by the API and the Camunda webapps alike. */
public final class Groups {

    public static final String OFFICERS = "officers";
    public static final String SUPERVISORS = "supervisors";
    public static final String AUDITORS = "auditors";
    public static final String FACTORY_STAFF = "factory-staff";
    public static final String MEMBERS = "members";
    public static final String ADMINS = "admins";
    /** Planning review of scale-up proposals (issue 4). */
    public static final String PLANNERS = "planners";
    /** Final approval of scale-up proposals (issue 4). */
    public static final String EXECUTIVES = "executives";

    public static final List<String> ALL = List.of(OFFICERS, SUPERVISORS, AUDITORS, FACTORY_STAFF, MEMBERS, ADMINS, PLANNERS,
            EXECUTIVES);

    private Groups() {
    }

    /** Spring Security authority of a group. */
    public static String authority(String group) {
        return "GROUP_" + group;
    }
}
