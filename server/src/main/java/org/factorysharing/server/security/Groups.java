package org.factorysharing.server.security;

import java.util.List;

/** The groups of the one identity store (Camunda's), used by the API and the Camunda webapps alike. */
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

    public static final List<String> ALL = List.of(OFFICERS, SUPERVISORS, PLANNERS, EXECUTIVES, AUDITORS,
            FACTORY_STAFF, MEMBERS,
            ADMINS);

    private Groups() {
    }

    /** Spring Security authority of a group. */
    public static String authority(String group) {
        return "GROUP_" + group;
    }
}
