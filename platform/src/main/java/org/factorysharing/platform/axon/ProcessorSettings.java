package org.factorysharing.platform.axon;

/**
 * How one processing group runs, declared as a bean beside its projection or bridge (deployment overrides:
 * {@code fs.processors.<group>.batch-size}). Read models and bridges are pooled streaming processors (replayable,
 * split into segments that nodes share) with a dead-letter queue, so a poison event is parked and the rest flows
 * on; a subscribing group runs inside the transaction of the command whose events it handles.
 */
public record ProcessorSettings(String group, Mode mode, int batchSize, int segments, boolean deadLetters) {

    /** How the group's events are delivered. */
    public enum Mode {
        /** From the event store, by a pooled streaming processor with a token per segment. */
        POOLED,
        /** In the publishing command's unit of work and transaction. */
        SUBSCRIBING
    }

    /**
     * Segments of a new pooled processor: as many as its worker threads (Axon's default pool of 4). Axon's own
     * default of 16 costs more than it gives: the coordinator hands every event to every segment's queue and counts
     * the entries of every queue (node by node) before each event it reads, so with full queues (a replay, a group
     * behind a burst) reading cost grew with the segment count; and 16 segments on 4 threads do not run more at
     * once than 4.
     */
    public static final int DEFAULT_SEGMENTS = 4;

    /** A read model: batches of 100 events, {@link #DEFAULT_SEGMENTS} segments, poison events parked. */
    public static ProcessorSettings readModel(String group) {
        return new ProcessorSettings(group, Mode.POOLED, 100, DEFAULT_SEGMENTS, true);
    }

    /** An event-to-process bridge or a command-side policy: small batches, poison events parked. */
    public static ProcessorSettings bridge(String group, int batchSize) {
        return new ProcessorSettings(group, Mode.POOLED, batchSize, DEFAULT_SEGMENTS, true);
    }

    /** Handled in the transaction of the command whose events it handles: no token, no dead letters. */
    public static ProcessorSettings subscribing(String group) {
        return new ProcessorSettings(group, Mode.SUBSCRIBING, 1, 1, false);
    }

    /** The same settings with another number of segments (one segment: every event in store order). */
    public ProcessorSettings withSegments(int count) {
        return new ProcessorSettings(group, mode, batchSize, count, deadLetters);
    }
}
