package org.factorysharing.platform.axon;

import java.util.stream.Stream;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;

/**
 * Axon's JDBC storage whose blocking reads (the event store's shared reader) tell {@link EventArrivals} of each event
 * they deliver, and end after one read batch. The shared reader keeps the first event of each of its reads reachable
 * until the read ends, and a read ran to the head of the store: when a replay made it read a million events at once,
 * all of them stayed in memory (a 512 MB heap ran out). Ended after a batch, the reader simply reads again. Reads of
 * an aggregate and the processors' own catch-up reads are Axon's, unchanged.
 */
final class SignallingJdbcEventStorageEngine extends JdbcEventStorageEngine {

    private final EventArrivals arrivals;

    SignallingJdbcEventStorageEngine(Builder builder, EventArrivals arrivals) {
        super(builder);
        this.arrivals = arrivals;
    }

    @Override
    public Stream<? extends TrackedEventMessage<?>> readEvents(TrackingToken trackingToken, boolean mayBlock) {
        Stream<? extends TrackedEventMessage<?>> events = super.readEvents(trackingToken, mayBlock);
        return mayBlock ? arrivals.signalling(events.limit(batchSize())) : events;
    }
}
