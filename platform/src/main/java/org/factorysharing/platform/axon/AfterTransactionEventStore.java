package org.factorysharing.platform.axon;

import java.util.List;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.TrackingEventStream;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Axon's embedded event store, waking its readers when the events are really committed, and handing out streams that
 * call their processor back when an event arrives ({@link EventArrivals}). Axon wakes the store's
 * reader thread when the unit of work that appended them commits; a command sent inside a transaction that Axon
 * does not own (a workflow task completed in Camunda, a delegate of a process started by a web request) commits its
 * unit of work before the surrounding transaction, so the reader looked, found nothing yet, and slept until its next
 * poll (a second): a job completed through the task list reached the job board 0.3-1 s late. Here the wake-up waits
 * for the surrounding transaction to end.
 */
final class AfterTransactionEventStore extends EmbeddedEventStore {

    private final EventArrivals arrivals;

    AfterTransactionEventStore(Builder builder, EventArrivals arrivals) {
        super(builder);
        this.arrivals = arrivals;
    }

    @Override
    public TrackingEventStream openStream(TrackingToken trackingToken) {
        return arrivals.watch(super.openStream(trackingToken));
    }

    @Override
    protected void afterCommit(List<? extends EventMessage<?>> events) {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            // a transaction is still open around the unit of work: its end is when readers can see the events
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    AfterTransactionEventStore.super.afterCommit(events);
                }
            });
        } else {
            super.afterCommit(events);
        }
    }
}
