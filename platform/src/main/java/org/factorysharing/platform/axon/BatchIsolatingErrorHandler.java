package org.factorysharing.platform.axon;

import java.util.function.Supplier;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.AbstractEventProcessor;
import org.axonframework.eventhandling.ErrorContext;
import org.axonframework.eventhandling.ErrorHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventhandling.Segment;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.messaging.DefaultInterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.ResultMessage;
import org.axonframework.messaging.deadletter.DeadLetter;
import org.axonframework.messaging.deadletter.EnqueueDecision;
import org.axonframework.messaging.deadletter.GenericDeadLetter;
import org.axonframework.messaging.deadletter.SequencedDeadLetterQueue;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps one bad event from stalling a processing group that has a dead-letter queue, also when the failure comes at
 * flush or commit, where the dead-lettering invoker cannot see it (the database refuses a row only when the batch's
 * transaction commits, and then the whole batch rolls back). Such a batch is run again one event per transaction; an
 * event whose own transaction still fails is parked with its token in a fresh transaction, and the segment carries
 * on. Transient failures (a lost connection, a deadlock, a busy node) are left to Axon's retry with back-off, and
 * recorded in {@link ProcessorHealth} so that the admin API shows them.
 */
final class BatchIsolatingErrorHandler implements ErrorHandler {

    private static final Logger log = LoggerFactory.getLogger(BatchIsolatingErrorHandler.class);
    /** The segment of the batch this worker thread runs, remembered by the interceptor below. */
    private static final ThreadLocal<Integer> SEGMENT = new ThreadLocal<>();

    private final Supplier<EventProcessingConfiguration> processing;
    private final ProcessorHealth health;

    BatchIsolatingErrorHandler(Supplier<EventProcessingConfiguration> processing, ProcessorHealth health) {
        this.processing = processing;
        this.health = health;
    }

    /**
     * A processor-level interceptor: remembers the segment of the batch (the work package puts it into the batch's
     * unit of work) and clears the segment's recorded failure once a batch of it commits.
     */
    MessageHandlerInterceptor<EventMessage<?>> segmentCapture(String processorName) {
        String key = "Processor[" + processorName + "]/SegmentId";
        return (unitOfWork, chain) -> {
            Integer segment = unitOfWork.getResource(key);
            if (segment != null) {
                SEGMENT.set(segment);
                if (unitOfWork.root().resources().putIfAbsent(BatchIsolatingErrorHandler.class.getName(), segment)
                        == null) {
                    unitOfWork.root().afterCommit(u -> health.succeeded(processorName, segment));
                }
            }
            return chain.proceed();
        };
    }

    @Override
    public void handleError(ErrorContext context) throws Exception {
        Integer segmentId = SEGMENT.get();
        SEGMENT.remove();
        if (segmentId == null || Failures.isTransient(context.error())) {
            if (segmentId != null) {
                health.failed(context.eventProcessor(), segmentId, position(context), context.error());
            }
            PropagatingErrorHandler.instance().handleError(context); // Axon releases the segment and retries later
            return;
        }
        log.warn(
                "{}: a batch of {} events failed ({}); handling it again one event at a time",
                context.eventProcessor(),
                context.failedEvents().size(),
                Failures.rootCause(context.error()));
        for (EventMessage<?> event : context.failedEvents()) {
            handleAlone(context.eventProcessor(), segmentId, event);
        }
    }

    private void handleAlone(String group, int segmentId, EventMessage<?> event) throws Exception {
        EventProcessingConfiguration configuration = processing.get();
        AbstractEventProcessor processor = configuration
                .eventProcessor(group, AbstractEventProcessor.class)
                .orElseThrow();
        TransactionManager transactions = configuration.transactionManager(group);
        TokenStore tokens = configuration.tokenStore(group);
        TrackingToken token = ((TrackedEventMessage<?>) event).trackingToken();
        Segment segment = segmentOf(processor, segmentId);

        UnitOfWork<EventMessage<?>> unitOfWork = DefaultUnitOfWork.startAndGet(event);
        unitOfWork.attachTransaction(transactions);
        // the event's effects and the segment's position commit together, as in a batch
        unitOfWork.onPrepareCommit(u -> tokens.storeToken(token, group, segmentId));
        ResultMessage<?> result = unitOfWork.executeWithResult(() -> new DefaultInterceptorChain<>(
                        unitOfWork, processor.getHandlerInterceptors(), message -> {
                            processor.eventHandlerInvoker().handle(message, segment);
                            return null;
                        })
                .proceed());
        if (!result.isExceptional()) {
            return;
        }
        Throwable cause = result.exceptionResult();
        if (Failures.isTransient(cause)) {
            health.failed(group, segmentId, token.position().orElse(0), cause);
            throw cause instanceof Exception exception ? exception : new IllegalStateException(cause);
        }
        park(configuration, group, segmentId, event, token, cause, transactions, tokens);
        // parked here, not by the invoker: its cache of the sequences it knows are not parked must forget this
        // segment, so that the sequence's later events queue behind the parked one
        processor.eventHandlerInvoker().segmentReleased(segment);
    }

    private static void park(
            EventProcessingConfiguration configuration,
            String group,
            int segmentId,
            EventMessage<?> event,
            TrackingToken token,
            Throwable cause,
            TransactionManager transactions,
            TokenStore tokens) {
        SequencedDeadLetterQueue<EventMessage<?>> queue =
                configuration.deadLetterQueue(group).orElseThrow();
        Object sequence = configuration.sequencingPolicy(group).getSequenceIdentifierFor(event);
        Object sequenceId = sequence != null ? sequence : event.getIdentifier();
        DeadLetter<EventMessage<?>> letter = new GenericDeadLetter<>(sequenceId, event, cause);
        EnqueueDecision<EventMessage<?>> decision =
                configuration.deadLetterPolicy(group).orElseThrow().decide(letter, cause);
        transactions.executeInTransaction(() -> {
            if (decision.shouldEnqueue()) {
                queue.enqueue(
                        sequenceId,
                        decision.withDiagnostics(
                                letter.withCause(decision.enqueueCause().orElse(cause))));
            }
            tokens.storeToken(token, group, segmentId);
        });
        log.warn(
                "{}: parked event {} ({}) whose own transaction failed: {}",
                group,
                event.getIdentifier(),
                event.getPayloadType().getSimpleName(),
                Failures.rootCause(cause));
    }

    private static Segment segmentOf(AbstractEventProcessor processor, int segmentId) {
        if (processor instanceof StreamingEventProcessor streaming) {
            EventTrackerStatus status = streaming.processingStatus().get(segmentId);
            if (status != null) {
                return status.getSegment();
            }
        }
        return Segment.ROOT_SEGMENT;
    }

    private static Long position(ErrorContext context) {
        return context.failedEvents().stream()
                .filter(TrackedEventMessage.class::isInstance)
                .map(event -> ((TrackedEventMessage<?>) event)
                        .trackingToken()
                        .position()
                        .orElse(0))
                .findFirst()
                .orElse(null);
    }
}
