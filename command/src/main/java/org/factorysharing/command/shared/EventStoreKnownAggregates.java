package org.factorysharing.command.shared;

import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.stereotype.Component;

/**
 * Reads only the first event of the stream (from sequence 0, so no snapshot is involved): an id of another
 * kind of aggregate, such as a member's id given as a factory id, is not mistaken for one.
 */
@Component
class EventStoreKnownAggregates implements KnownAggregates {

    private final EventStore eventStore;

    EventStoreKnownAggregates(EventStore eventStore) {
        this.eventStore = eventStore;
    }

    @Override
    public boolean startsWith(String aggregateId, Class<?> creationEvent) {
        DomainEventStream events = eventStore.readEvents(aggregateId, 0);
        return events.hasNext() && creationEvent.isInstance(events.next().getPayload());
    }
}
