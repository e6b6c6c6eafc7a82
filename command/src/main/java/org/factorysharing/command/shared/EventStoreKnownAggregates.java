package org.factorysharing.command.shared;

import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.stereotype.Component;

/** Asks the event store for the aggregate's last sequence number: one indexed lookup. */
@Component
class EventStoreKnownAggregates implements KnownAggregates {

    private final EventStore eventStore;

    EventStoreKnownAggregates(EventStore eventStore) {
        this.eventStore = eventStore;
    }

    @Override
    public boolean exists(String aggregateId) {
        return eventStore.lastSequenceNumberFor(aggregateId).isPresent();
    }
}
