package org.factorysharing.server.admin;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** What the admin API shows of the dead-letter queues. */
final class DeadLetterViews {

    private DeadLetterViews() {
    }

    /** The parked events of one sequence (by default one aggregate), oldest first; only the first one failed. */
    record SequenceView(String processingGroup, String sequenceIdentifier, List<LetterView> letters) {
    }

    /** One parked event and why it was parked. */
    record LetterView(String letterId, String eventId, String eventType, String aggregateType, String aggregateId,
                      Long aggregateSequenceNumber, String causeType, String causeMessage, Instant enqueuedAt,
                      Instant lastTouched, Map<String, Object> diagnostics) {
    }

    /** The outcome of processing a group's parked sequences again. */
    record RetryResult(String processingGroup, int sequences, int succeeded, int stillParked) {
    }
}
