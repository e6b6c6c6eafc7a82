package org.factorysharing.workflows.factory;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.factorysharing.api.shared.Groups;
import org.factorysharing.workflows.shared.TasklistFilters;
import org.factorysharing.workflows.shared.WorkGroups;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * A factory's own staff group (factory-&lt;id&gt;-staff), able to work in Tasklist through a filter of its own
 * factory's tasks. Idempotent; at start-up the groups made before the filters existed get theirs.
 */
@Component
class FactoryStaffGroup {

    static final String TYPE = WorkGroups.TYPE;

    private static final String NAME_PREFIX = "Staff of ";

    private final WorkGroups groups;
    private final TasklistFilters filters;
    private final IdentityService identity;

    FactoryStaffGroup(WorkGroups groups, TasklistFilters filters, IdentityService identity) {
        this.groups = groups;
        this.filters = filters;
        this.identity = identity;
    }

    void ensure(String groupId, String factoryName) {
        String name = groups.ensureGroup(groupId, NAME_PREFIX + factoryName);
        groups.grantTaskWork(groupId);
        filters.ensureStaffFilter(groupId, name.startsWith(NAME_PREFIX) ? name.substring(NAME_PREFIX.length()) : name);
    }

    @EventListener(ApplicationStartedEvent.class)
    @Order(1)
    @Transactional
    public void everyStaffGroupHasItsFilter() {
        for (Group group : identity.createGroupQuery().groupType(TYPE).list()) {
            if (Groups.factoryOfStaffGroup(group.getId()) != null) {
                ensure(group.getId(), group.getName());
            }
        }
    }
}
