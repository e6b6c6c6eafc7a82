package org.factorysharing.operations.deadletter;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.stream.StreamSupport;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.deadletter.Cause;
import org.axonframework.messaging.deadletter.DeadLetter;
import org.axonframework.messaging.deadletter.SequencedDeadLetterQueue;
import org.axonframework.queryhandling.QueryHandler;
import org.factorysharing.api.operations.OperationsCommands.EvictDeadLetter;
import org.factorysharing.api.operations.OperationsCommands.EvictDeadLetterSequence;
import org.factorysharing.api.operations.OperationsCommands.RetryDeadLetters;
import org.factorysharing.api.operations.OperationsCommands.RetryResult;
import org.factorysharing.api.operations.OperationsQueries.DeadLetterSequenceView;
import org.factorysharing.api.operations.OperationsQueries.DeadLetterView;
import org.factorysharing.api.operations.OperationsQueries.FindDeadLetters;
import org.factorysharing.api.shared.NotFound;
import org.factorysharing.platform.axon.ParkedSequences;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The dead-letter queues of the processing groups (Axon's sequenced queue in dead_letter_entry). A sequence is the
 * events of one sequencing key (an aggregate, or a job on the job board) parked behind the first one that failed.
 */
@Component
class DeadLetterAdmin {

    private final EventProcessingConfiguration processing;
    private final TransactionTemplate transactions;
    private final TransactionTemplate outsideTransactions;

    DeadLetterAdmin(EventProcessingConfiguration processing, PlatformTransactionManager transactionManager) {
        this.processing = processing;
        this.transactions = new TransactionTemplate(transactionManager);
        this.outsideTransactions = new TransactionTemplate(transactionManager);
        this.outsideTransactions.setPropagationBehavior(TransactionDefinition.PROPAGATION_NOT_SUPPORTED);
    }

    /** The parked sequences of one group, or of every group with a queue when {@code group} is null. */
    @QueryHandler
    List<DeadLetterSequenceView> sequences(FindDeadLetters query) {
        return sequences(query.processingGroup());
    }

    /** Outside the command's transaction: each sequence commits or fails in a transaction of its own. */
    @CommandHandler
    RetryResult retry(RetryDeadLetters command) {
        return outsideTransactions.execute(tx -> retry(command.processingGroup()));
    }

    @CommandHandler
    void evict(EvictDeadLetterSequence command) {
        evictSequence(command.processingGroup(), command.sequenceIdentifier());
    }

    @CommandHandler
    void evict(EvictDeadLetter command) {
        evictLetter(command.processingGroup(), command.letterId());
    }

    List<DeadLetterSequenceView> sequences(String group) {
        List<String> groups = group != null
                ? List.of(group)
                : processing.eventProcessors().keySet().stream()
                        .filter(name -> processing.deadLetterQueue(name).isPresent())
                        .sorted()
                        .toList();
        return transactions.execute(tx -> groups.stream()
                .flatMap(name -> StreamSupport.stream(queue(name).deadLetters().spliterator(), false)
                        .map(sequence -> sequence(name, list(sequence))))
                .toList());
    }

    /**
     * Hands every parked sequence to the group's handlers again, oldest letter first. A sequence leaves the queue
     * when all its letters succeed; otherwise it stays, with the new cause, from the first letter that failed.
     * Each sequence runs in its own transaction (Axon's processor opens it), so a failure keeps the others' work.
     */
    RetryResult retry(String group) {
        queue(group);
        List<String> parked = ParkedSequences.sequences(processing, group, letter -> true);
        int succeeded = 0;
        for (String sequenceIdentifier : parked) {
            if (ParkedSequences.retry(processing, group, sequenceIdentifier)) {
                succeeded++;
            }
        }
        return new RetryResult(group, parked.size(), succeeded, parked.size() - succeeded);
    }

    /** Gives up a whole sequence: its events are never handled by this group (a replay would deliver them again). */
    void evictSequence(String group, String sequenceIdentifier) {
        transactions.executeWithoutResult(tx -> {
            SequencedDeadLetterQueue<EventMessage<?>> queue = queue(group);
            List<DeadLetter<? extends EventMessage<?>>> letters = list(queue.deadLetterSequence(sequenceIdentifier));
            if (letters.isEmpty()) {
                throw new NotFound("dead-letter sequence " + sequenceIdentifier);
            }
            letters.forEach(queue::evict);
        });
    }

    /** Gives up one letter; the rest of its sequence stays parked until a retry. */
    void evictLetter(String group, String letterId) {
        transactions.executeWithoutResult(tx -> {
            SequencedDeadLetterQueue<EventMessage<?>> queue = queue(group);
            DeadLetter<? extends EventMessage<?>> letter = StreamSupport.stream(
                            queue.deadLetters().spliterator(), false)
                    .flatMap(sequence -> StreamSupport.stream(sequence.spliterator(), false))
                    .filter(candidate -> ParkedSequences.jdbcLetter(candidate)
                            .getIdentifier()
                            .equals(letterId))
                    .findFirst()
                    .orElseThrow(() -> new NotFound("dead letter " + letterId));
            queue.evict(letter);
        });
    }

    private SequencedDeadLetterQueue<EventMessage<?>> queue(String group) {
        return processing.deadLetterQueue(group).orElseThrow(() -> new NotFound("dead-letter queue " + group));
    }

    private static DeadLetterSequenceView sequence(String group, List<DeadLetter<? extends EventMessage<?>>> letters) {
        return new DeadLetterSequenceView(
                group,
                ParkedSequences.sequenceIdentifier(letters.get(0)),
                letters.stream().map(DeadLetterAdmin::letter).toList());
    }

    private static DeadLetterView letter(DeadLetter<? extends EventMessage<?>> letter) {
        EventMessage<?> event = letter.message();
        DomainEventMessage<?> domainEvent = event instanceof DomainEventMessage<?> d ? d : null;
        return new DeadLetterView(
                ParkedSequences.jdbcLetter(letter).getIdentifier(),
                event.getIdentifier(),
                event.getPayloadType().getName(),
                domainEvent == null ? null : domainEvent.getType(),
                domainEvent == null ? null : domainEvent.getAggregateIdentifier(),
                domainEvent == null ? null : domainEvent.getSequenceNumber(),
                letter.cause().map(Cause::type).orElse(null),
                letter.cause().map(Cause::message).orElse(null),
                letter.enqueuedAt(),
                letter.lastTouched(),
                new LinkedHashMap<>(letter.diagnostics()));
    }

    private static List<DeadLetter<? extends EventMessage<?>>> list(
            Iterable<DeadLetter<? extends EventMessage<?>>> letters) {
        List<DeadLetter<? extends EventMessage<?>>> all = new ArrayList<>();
        letters.forEach(all::add);
        return all;
    }
}
