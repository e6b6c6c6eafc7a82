package org.factorysharing.server.factory;

import java.util.List;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.factorysharing.api.factory.FactoryEvent.FactoryProposed;
import org.factorysharing.api.factory.FactoryId;
import org.factorysharing.server.web.NotFound;
import org.springframework.stereotype.Component;

/**
 * Membership of a factory's staff group ({@code factory-<factoryId>-staff}) in Camunda's identity store,
 * the one that both the API and the workflow tasks check.
 */
@Component
class FactoryStaff {

    /** Same type as the programme's other groups (IdentitySetup), so Camunda Admin lists them together. */
    static final String GROUP_TYPE = "WORKFLOW";

    private final IdentityService identity;
    private final EventStore eventStore;

    FactoryStaff(IdentityService identity, EventStore eventStore) {
        this.identity = identity;
        this.eventStore = eventStore;
    }

    /** One person of a factory's staff. */
    record StaffMemberView(String userId, String firstName, String lastName, String email) {
    }

    List<StaffMemberView> of(FactoryId factoryId) {
        requireFactory(factoryId);
        return identity.createUserQuery().memberOfGroup(factoryId.staffGroup()).orderByUserId().asc().list().stream()
                .map(user -> new StaffMemberView(user.getId(), user.getFirstName(), user.getLastName(),
                        user.getEmail()))
                .toList();
    }

    /** Idempotent: adding someone who is staff already changes nothing. */
    void add(FactoryId factoryId, String userId) {
        FactoryProposed factory = requireFactory(factoryId);
        requireUser(userId);
        ensureGroup(factory);
        if (identity.createUserQuery().userId(userId).memberOfGroup(factoryId.staffGroup()).count() == 0) {
            identity.createMembership(userId, factoryId.staffGroup());
        }
    }

    /** Idempotent: removing someone who is not staff changes nothing. */
    void remove(FactoryId factoryId, String userId) {
        requireFactory(factoryId);
        requireUser(userId);
        identity.deleteMembership(userId, factoryId.staffGroup());
    }

    /**
     * The workflow bridge (CommissioningProcessStarter) creates the group when it handles FactoryProposed,
     * moments after the proposal was stored; staff can be named in between, so the group is created here too
     * if it is still missing, with the same id, name and type. The bridge adds the group's Tasklist grants
     * whether or not it found the group already; whoever comes second finds the group.
     */
    private void ensureGroup(FactoryProposed factory) {
        String groupId = factory.staffGroup();
        if (identity.createGroupQuery().groupId(groupId).count() > 0) {
            return;
        }
        Group group = identity.newGroup(groupId);
        group.setName("Staff of " + factory.name());
        group.setType(GROUP_TYPE);
        try {
            identity.saveGroup(group);
        } catch (RuntimeException raceWithTheBridge) {
            if (identity.createGroupQuery().groupId(groupId).count() == 0) {
                throw raceWithTheBridge;
            }
        }
    }

    /**
     * A factory exists when its event stream starts with FactoryProposed. The event store, not the registry,
     * answers this: the registry is a projection and may lag the proposal by moments.
     */
    private FactoryProposed requireFactory(FactoryId factoryId) {
        DomainEventStream events = eventStore.readEvents(factoryId.value(), 0);
        if (events.hasNext() && events.next().getPayload() instanceof FactoryProposed proposed) {
            return proposed;
        }
        throw new NotFound("factory " + factoryId);
    }

    private void requireUser(String userId) {
        User user = identity.createUserQuery().userId(userId).singleResult();
        if (user == null) {
            throw new NotFound("user " + userId);
        }
    }
}
