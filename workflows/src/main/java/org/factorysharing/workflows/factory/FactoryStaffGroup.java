package org.factorysharing.workflows.factory;

import org.factorysharing.workflows.shared.WorkGroups;
import org.springframework.stereotype.Component;

/** A factory's own staff group (factory-&lt;id&gt;-staff), able to work in Tasklist. Idempotent. */
@Component
class FactoryStaffGroup {

    static final String TYPE = WorkGroups.TYPE;

    private final WorkGroups groups;

    FactoryStaffGroup(WorkGroups groups) {
        this.groups = groups;
    }

    void ensure(String groupId, String factoryName) {
        groups.ensureGroup(groupId, "Staff of " + factoryName);
        groups.grantTaskWork(groupId);
    }
}
