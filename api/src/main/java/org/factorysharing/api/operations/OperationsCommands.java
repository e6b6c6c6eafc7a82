package org.factorysharing.api.operations;

/** What admins do to the event processors and their dead letters. */
public final class OperationsCommands {

    private OperationsCommands() {}

    /** Clear a read model and rebuild it from the first event; answers the processor's progress. */
    public record ReplayProjection(String name) {}

    /** Hand every parked sequence of the group to its handlers again; answers how many succeeded. */
    public record RetryDeadLetters(String processingGroup) {}

    /** The outcome of processing a group's parked sequences again. */
    public record RetryResult(String processingGroup, int sequences, int succeeded, int stillParked) {}

    /** Give up a whole parked sequence: its events are never handled by this group (a replay delivers them again). */
    public record EvictDeadLetterSequence(String processingGroup, String sequenceIdentifier) {}

    /** Give up one letter; the rest of its sequence stays parked until a retry. */
    public record EvictDeadLetter(String processingGroup, String letterId) {}
}
