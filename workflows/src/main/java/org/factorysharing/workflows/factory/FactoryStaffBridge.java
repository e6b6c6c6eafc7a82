package org.factorysharing.workflows.factory;

import java.util.Optional;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.queryhandling.QueryHandler;
import org.camunda.bpm.engine.IdentityService;
import org.factorysharing.api.factory.FactoryEvent.FactoryProposed;
import org.factorysharing.api.factory.FactoryEvent.FactoryStaffAssigned;
import org.factorysharing.api.factory.FactoryEvent.FactoryStaffRemoved;
import org.factorysharing.api.factory.FactoryId;
import org.factorysharing.api.factory.FactoryQueries.FactoryStaffView;
import org.factorysharing.api.factory.FactoryQueries.FindFactoryStaff;
import org.factorysharing.api.factory.FactoryQueries.StaffMemberView;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Keeps a factory's Camunda staff group in step with its events: the group (with its Tasklist grants) comes with
 * the proposal, a membership with each assignment and goes with each removal. A subscribing processor: it runs in the
 * transaction of the command that appends the event, so the event and the engine's state commit together, a new
 * member can act at once, and a failure refuses the command instead of leaving the two apart. Every step is
 * idempotent, so an event handled again changes nothing.
 */
@Component
@ProcessingGroup(FactoryStaffBridge.PROCESSING_GROUP)
class FactoryStaffBridge {

    static final String PROCESSING_GROUP = "factory-staff-workflow";

    private static final Logger log = LoggerFactory.getLogger(FactoryStaffBridge.class);

    private final FactoryStaffGroup groups;
    private final IdentityService identity;

    FactoryStaffBridge(FactoryStaffGroup groups, IdentityService identity) {
        this.groups = groups;
        this.identity = identity;
    }

    @EventHandler
    void on(FactoryProposed event) {
        groups.ensure(event.staffGroup(), event.name());
    }

    @EventHandler
    void on(FactoryStaffAssigned event) {
        String group = event.factoryId().staffGroup();
        groups.ensure(group, "factory " + event.factoryId());
        if (identity.createUserQuery().userId(event.userId()).count() == 0) {
            // the user was deleted from the identity store after the assignment; nobody to add
            log.warn(
                    "Staff {} of factory {} is not in the identity store; no membership added",
                    event.userId(),
                    event.factoryId());
            return;
        }
        if (identity.createUserQuery()
                        .userId(event.userId())
                        .memberOfGroup(group)
                        .count()
                == 0) {
            identity.createMembership(event.userId(), group);
        }
    }

    @EventHandler
    void on(FactoryStaffRemoved event) {
        identity.deleteMembership(event.userId(), event.factoryId().staffGroup());
    }

    /** From the group, which follows the events in their own transactions; no group means no such factory. */
    @QueryHandler
    Optional<FactoryStaffView> staff(FindFactoryStaff query) {
        FactoryId factoryId = query.factoryId();
        String group = factoryId.staffGroup();
        if (identity.createGroupQuery().groupId(group).count() == 0) {
            return Optional.empty();
        }
        return Optional.of(new FactoryStaffView(
                factoryId.value(),
                group,
                identity.createUserQuery().memberOfGroup(group).orderByUserId().asc().list().stream()
                        .map(user -> new StaffMemberView(
                                user.getId(), user.getFirstName(), user.getLastName(), user.getEmail()))
                        .toList()));
    }
}
