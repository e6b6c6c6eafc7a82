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

    /** Axon's default number of segments of a new pooled processor. */
    public static final int DEFAULT_SEGMENTS = 16;

    /** A read model: batches of 100 events, 16 segments, poison events parked. */
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
