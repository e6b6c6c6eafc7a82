package org.factorysharing.platform.axon;

import java.time.Instant;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.StreamSupport;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.deadletter.jdbc.JdbcDeadLetter;
import org.axonframework.messaging.IllegalPayloadAccessException;
import org.axonframework.messaging.deadletter.DeadLetter;
import org.axonframework.messaging.deadletter.SequencedDeadLetterQueue;

/**
 * Retrying parked sequences, the same way for the node's automatic retries and an admin's: one sequence at a time, in
 * a transaction of its own, and a retry whose handler passed but whose transaction failed at flush or commit still
 * counts as a failed retry. Axon rolls such a retry back and leaves the letter untouched, so without this the letter
 * would keep its old cause and back-off and be retried at every round, forever.
 */
public final class ParkedSequences {

    private ParkedSequences() {}

    /** The sequence identifiers of a group's parked sequences whose first letter passes {@code firstLetter}. */
    public static List<String> sequences(
            EventProcessingConfiguration processing,
            String group,
            Predicate<DeadLetter<? extends EventMessage<?>>> firstLetter) {
        SequencedDeadLetterQueue<EventMessage<?>> queue = queue(processing, group);
        return processing
                .transactionManager(group)
                .fetchInTransaction(
                        () -> StreamSupport.stream(queue.deadLetters().spliterator(), false)
                                .map(sequence -> sequence.iterator().next())
                                .filter(firstLetter)
                                .map(ParkedSequences::sequenceIdentifier)
                                .toList());
    }

    /** Hands one parked sequence to the group's handlers again; true when all its letters succeeded. */
    public static boolean retry(EventProcessingConfiguration processing, String group, String sequenceIdentifier) {
        var processor = processing
                .sequencedDeadLetterProcessor(group)
                .orElseThrow(() -> new IllegalArgumentException("no dead-letter queue for " + group));
        try {
            return processor.process(letter -> sequenceIdentifier(letter).equals(sequenceIdentifier));
        } catch (RuntimeException failedAtCommit) {
            recordFailedRetry(processing, group, sequenceIdentifier, failedAtCommit);
            return false;
        }
    }

    /** The queues are Axon's JDBC queue (EventProcessorsConfiguration): its letters carry their id and sequence. */
    public static JdbcDeadLetter<?> jdbcLetter(DeadLetter<? extends EventMessage<?>> letter) {
        if (letter instanceof JdbcDeadLetter<?> jdbc) {
            return jdbc;
        }
        throw new IllegalStateException(
                "not a JDBC dead letter: " + letter.getClass().getName());
    }

    public static String sequenceIdentifier(DeadLetter<? extends EventMessage<?>> letter) {
        return jdbcLetter(letter).getSequenceIdentifier();
    }

    private static void recordFailedRetry(
            EventProcessingConfiguration processing,
            String group,
            String sequenceIdentifier,
            RuntimeException failure) {
        Throwable cause = failure instanceof IllegalPayloadAccessException && failure.getCause() != null
                ? failure.getCause()
                : failure;
        SequencedDeadLetterQueue<EventMessage<?>> queue = queue(processing, group);
        processing.transactionManager(group).executeInTransaction(() -> {
            var letters = queue.deadLetterSequence(sequenceIdentifier).iterator();
            if (letters.hasNext()) {
                var letter = letters.next();
                queue.requeue(
                        letter,
                        parked -> parked.withCause(cause)
                                .withDiagnostics(DeadLetterDiagnostics.afterFailedRetry(parked.diagnostics(), cause)
                                        .and("retryFailedAt", Instant.now().toString())));
            }
        });
    }

    private static SequencedDeadLetterQueue<EventMessage<?>> queue(
            EventProcessingConfiguration processing, String group) {
        return processing
                .deadLetterQueue(group)
                .orElseThrow(() -> new IllegalArgumentException("no dead-letter queue for " + group));
    }
}
