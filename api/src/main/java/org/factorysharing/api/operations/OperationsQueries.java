package org.factorysharing.api.operations;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** What admins ask about the event processors (read models and workflow bridges) and their dead letters. */
public final class OperationsQueries {

    private OperationsQueries() {}

    /** Every streaming event processor with its segments' positions against the head. */
    public record FindProcessors() {}

    /** One processor, or nothing when no processor has that name. */
    public record FindProcessor(String name) {}

    /** A read-model projection is rebuilt by a replay; a workflow bridge skips replayed events. */
    public enum ProcessorKind {
        PROJECTION,
        WORKFLOW_BRIDGE
    }

    /**
     * One processor. {@code running} and {@code error} describe this node's instance; the segments come from the
     * token store and so cover the whole cluster. {@code percentage} is how far the slowest segment is towards its
     * target: the position it was reset from while replaying, otherwise the head of the event store.
     */
    public record ProcessorView(
            String name,
            ProcessorKind kind,
            boolean replayable,
            boolean running,
            boolean error,
            boolean replaying,
            long headPosition,
            int percentage,
            List<SegmentView> segments) {}

    /**
     * One segment: its owner (the node holding the claim, none when unclaimed), the last position it handled, and
     * while replaying the position it is replaying up to. {@code error} is this node's failure on it, if any.
     */
    public record SegmentView(
            int segment, String owner, long position, Long resetPosition, boolean replaying, String error) {}

    /** The parked sequences of one processing group, or of every group with a queue when the group is null. */
    public record FindDeadLetters(String processingGroup) {}

    /** The parked events of one sequence (by default one aggregate), oldest first; only the first one failed. */
    public record DeadLetterSequenceView(
            String processingGroup, String sequenceIdentifier, List<DeadLetterView> letters) {}

    /** One parked event and why it was parked. */
    public record DeadLetterView(
            String letterId,
            String eventId,
            String eventType,
            String aggregateType,
            String aggregateId,
            Long aggregateSequenceNumber,
            String causeType,
            String causeMessage,
            Instant enqueuedAt,
            Instant lastTouched,
            Map<String, Object> diagnostics) {}
}
