package org.factorysharing.testing;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.StreamableMessageSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * For read-model tests that feed events straight into the store: appending an aggregate's events, waiting for a
 * processing group to catch up, stopping it and rewinding its tokens to replay from a position.
 */
@Component
public class EventFeed {

    private final EventStore eventStore;
    private final EventProcessingConfiguration processing;
    private final TokenStore tokenStore;
    private final JdbcTemplate jdbc;
    private final PlatformTransactionManager transactionManager;

    public EventFeed(
            EventStore eventStore,
            EventProcessingConfiguration processing,
            TokenStore tokenStore,
            JdbcTemplate jdbc,
            PlatformTransactionManager transactionManager) {
        this.eventStore = eventStore;
        this.processing = processing;
        this.tokenStore = tokenStore;
        this.jdbc = jdbc;
        this.transactionManager = transactionManager;
    }

    /** The events of one aggregate, appended with the next sequence numbers as the command side does. */
    public Aggregate aggregate(String type, String id) {
        return aggregate(type, id, 0);
    }

    /** Continues an aggregate's events from {@code nextSequence} (its earlier events are stored already). */
    public Aggregate aggregate(String type, String id, long nextSequence) {
        Aggregate aggregate = new Aggregate(type, id);
        aggregate.sequence = nextSequence;
        return aggregate;
    }

    public final class Aggregate {

        private final String type;
        private final String id;
        private long sequence;

        private Aggregate(String type, String id) {
            this.type = type;
            this.id = id;
        }

        public String id() {
            return id;
        }

        /** Publishes the event and answers its identifier. */
        public String publish(Instant timestamp, Object payload) {
            String eventId = UUID.randomUUID().toString();
            eventStore.publish(new GenericDomainEventMessage<>(
                    type, id, sequence++, payload, MetaData.emptyInstance(), eventId, timestamp));
            return eventId;
        }
    }

    /**
     * Stops the workflow bridges (the processing groups ending in "-workflow"), for tests whose hand-made events
     * belong to aggregates that do not exist: the bridges must not run processes for them.
     */
    public void pauseWorkflowBridges() {
        workflowBridges().forEach(StreamingEventProcessor::shutDown);
    }

    /** Restarts the workflow bridges at the head of the store: they skip the hand-made events. */
    public void resumeWorkflowBridgesAtHead() {
        workflowBridges().forEach(bridge -> {
            bridge.resetTokens(StreamableMessageSource::createHeadToken);
            bridge.start();
        });
    }

    private List<StreamingEventProcessor> workflowBridges() {
        return processing.eventProcessors().values().stream()
                .filter(StreamingEventProcessor.class::isInstance)
                .map(StreamingEventProcessor.class::cast)
                .filter(processor -> processor.getName().endsWith("-workflow"))
                .toList();
    }

    public StreamingEventProcessor processor(String group) {
        return processing.eventProcessor(group, StreamingEventProcessor.class).orElseThrow();
    }

    /**
     * Waits until every segment of the group has handled (or skipped) every event stored so far. A replay counts
     * as caught up at the head too: Axon ends the replay state only when an event newer than the reset arrives.
     */
    public void awaitCaughtUp(String group) {
        long head = jdbc.queryForObject("SELECT coalesce(max(global_index), 0) FROM domain_event_entry", Long.class);
        StreamingEventProcessor processor = processor(group);
        await().atMost(Duration.ofSeconds(60)).until(() -> {
            int segments = tokenStore.fetchSegments(group).length;
            Map<Integer, EventTrackerStatus> status = processor.processingStatus();
            return segments > 0
                    && status.size() == segments
                    && status.values().stream()
                            .allMatch(s ->
                                    !s.isErrorState() && s.getCurrentPosition().orElse(-1) >= head);
        });
    }

    /** Stops the processor; its segments' old statuses are gone, so a later wait sees the restarted ones. */
    public void stop(StreamingEventProcessor processor) {
        processor.shutDown();
        await().atMost(Duration.ofSeconds(10))
                .until(() -> processor.processingStatus().isEmpty());
    }

    /** Puts every segment of a stopped processor back to {@code position}: later events are delivered again. */
    public void rewind(String group, long position) {
        new TransactionTemplate(transactionManager).executeWithoutResult(tx -> {
            for (int segment : tokenStore.fetchSegments(group)) {
                tokenStore.fetchToken(group, segment);
                tokenStore.storeToken(GapAwareTrackingToken.newInstance(position, List.of()), group, segment);
                tokenStore.releaseClaim(group, segment);
            }
        });
    }

    public long globalIndexOf(String eventId) {
        return jdbc.queryForObject(
                "SELECT global_index FROM domain_event_entry WHERE event_identifier = ?", Long.class, eventId);
    }
}
