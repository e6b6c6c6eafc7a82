package org.factorysharing.server.factory;

import java.util.List;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.factorysharing.api.factory.FactoryEvent.FactoryProposed;
import org.factorysharing.api.factory.FactoryId;
import org.factorysharing.server.web.NotFound;
import org.factorysharing.workflows.commissioning.FactoryStaffGroup;
import org.springframework.stereotype.Component;

/**
 * Membership of a factory's staff group ({@code factory-<factoryId>-staff}) in Camunda's identity store,
 * the one that both the API and the workflow tasks check.
 */
@Component
class FactoryStaff {

    private final IdentityService identity;
    private final EventStore eventStore;
    private final FactoryStaffGroup staffGroup;

    FactoryStaff(IdentityService identity, EventStore eventStore, FactoryStaffGroup staffGroup) {
        this.identity = identity;
        this.eventStore = eventStore;
        this.staffGroup = staffGroup;
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
        // the bridge creates the group moments after the proposal; staff may be named before that
        staffGroup.ensure(factory.staffGroup(), factory.name());
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
