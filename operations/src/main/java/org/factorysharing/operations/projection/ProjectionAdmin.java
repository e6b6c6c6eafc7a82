package org.factorysharing.operations.projection;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.stream.Stream;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.AbstractEventProcessor;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventHandlerInvoker;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.MultiEventHandlerInvoker;
import org.axonframework.eventhandling.ReplayToken;
import org.axonframework.eventhandling.SimpleEventHandlerInvoker;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.tokenstore.UnableToClaimTokenException;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.StreamableMessageSource;
import org.axonframework.messaging.deadletter.SequencedDeadLetterQueue;
import org.axonframework.queryhandling.QueryHandler;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.factorysharing.api.operations.OperationsCommands.ReplayProjection;
import org.factorysharing.api.operations.OperationsQueries.FindProcessor;
import org.factorysharing.api.operations.OperationsQueries.FindProcessors;
import org.factorysharing.api.operations.OperationsQueries.ProcessorKind;
import org.factorysharing.api.operations.OperationsQueries.ProcessorView;
import org.factorysharing.api.operations.OperationsQueries.SegmentView;
import org.factorysharing.api.shared.BusinessRuleViolation;
import org.factorysharing.api.shared.NotFound;
import org.factorysharing.platform.axon.Failures;
import org.factorysharing.platform.axon.ProcessorHealth;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.ClassUtils;
import org.springframework.util.ReflectionUtils;

/**
 * Status and replay of the streaming event processors. Positions are read from the token store, so a node reports
 * the progress of every segment, also of those another node processes.
 */
@Component
class ProjectionAdmin {

    private final EventProcessingConfiguration processing;
    private final ProcessorHealth health;
    private final EventStore eventStore;
    private final JdbcTemplate jdbc;
    private final Serializer serializer;
    private final TransactionTemplate transactions;
    private final TransactionTemplate outsideTransactions;

    ProjectionAdmin(
            EventProcessingConfiguration processing,
            ProcessorHealth health,
            EventStore eventStore,
            JdbcTemplate jdbc,
            Serializer serializer,
            PlatformTransactionManager transactionManager) {
        this.processing = processing;
        this.health = health;
        this.eventStore = eventStore;
        this.jdbc = jdbc;
        this.serializer = serializer;
        this.transactions = new TransactionTemplate(transactionManager);
        this.outsideTransactions = new TransactionTemplate(transactionManager);
        this.outsideTransactions.setPropagationBehavior(TransactionDefinition.PROPAGATION_NOT_SUPPORTED);
    }

    @QueryHandler
    List<ProcessorView> processors(FindProcessors query) {
        return processors();
    }

    @QueryHandler
    Optional<ProcessorView> processor(FindProcessor query) {
        return processing
                .eventProcessor(query.name(), StreamingEventProcessor.class)
                .map(processor -> view(processor, headPosition()));
    }

    /**
     * Replays on this node and answers the processor's progress. Outside the command's transaction: the reset must
     * commit before the processor starts again.
     */
    @CommandHandler
    ProcessorView replay(ReplayProjection command) {
        return outsideTransactions.execute(tx -> {
            replay(command.name());
            return processor(command.name());
        });
    }

    List<ProcessorView> processors() {
        long head = headPosition();
        return processing.eventProcessors().values().stream()
                .filter(StreamingEventProcessor.class::isInstance)
                .map(StreamingEventProcessor.class::cast)
                .map(processor -> view(processor, head))
                .sorted(Comparator.comparing(ProcessorView::name))
                .toList();
    }

    ProcessorView processor(String name) {
        return view(streaming(name), headPosition());
    }

    /**
     * Rebuilds a projection from the first event while the server runs: this node's instance stops (releasing its
     * claims), then one transaction claims every segment, lets the @ResetHandlers clear the tables, puts the tokens
     * back to the tail and empties the group's dead-letter queue (the replay parks a poison event again; an old
     * letter would also hold back the events of its sequence that had been handled). The instance then restarts.
     * If another node holds a claim, Axon cannot claim it and nothing changes: the caller gets a 409.
     */
    synchronized void replay(String name) {
        StreamingEventProcessor processor = streaming(name);
        if (kindOf(processor) == ProcessorKind.WORKFLOW_BRIDGE || !processor.supportsReset()) {
            throw new BusinessRuleViolation(
                    "projection.not-replayable",
                    name + " is a workflow bridge: its handlers "
                            + "skip replayed events (@DisallowReplay) so that no process starts or command is sent twice; "
                            + "a replay would rebuild nothing");
        }
        processor.shutDown();
        try {
            transactions.executeWithoutResult(tx -> {
                processor.resetTokens(StreamableMessageSource::createTailToken);
                processing.deadLetterQueue(name).ifPresent(SequencedDeadLetterQueue::clear);
            });
        } catch (RuntimeException e) {
            if (isClaimedElsewhere(e)) {
                throw new BusinessRuleViolation(
                        "projection.claimed-elsewhere",
                        "another node is processing " + name
                                + "; a replay needs every segment unclaimed: stop that node's instance first");
            }
            throw e;
        } finally {
            processor.start();
        }
    }

    private StreamingEventProcessor streaming(String name) {
        return processing
                .eventProcessor(name, StreamingEventProcessor.class)
                .orElseThrow(() -> new NotFound("processor " + name));
    }

    private ProcessorView view(StreamingEventProcessor processor, long head) {
        ProcessorKind kind = kindOf(processor);
        Map<Integer, EventTrackerStatus> local = processor.processingStatus();
        List<SegmentView> segments = jdbc.query(
                """
                        SELECT segment, owner, token, token_type FROM token_entry
                        WHERE processor_name = ? ORDER BY segment""",
                (row, i) -> segment(
                        processor.getName(),
                        row.getInt("segment"),
                        row.getString("owner"),
                        token(row.getBytes("token"), row.getString("token_type")),
                        local),
                processor.getName());
        int percentage = segments.stream()
                .mapToInt(s -> percentage(s.position(), s.replaying() ? s.resetPosition() : head))
                .min()
                .orElse(0);
        return new ProcessorView(
                processor.getName(),
                kind,
                kind == ProcessorKind.PROJECTION && processor.supportsReset(),
                processor.isRunning(),
                processor.isError() || health.anyFailure(processor.getName()),
                segments.stream().anyMatch(SegmentView::replaying),
                head,
                percentage,
                segments);
    }

    /**
     * Axon keeps a replay token until an event newer than the reset point arrives; a segment counts as replaying
     * here only until it has handled everything up to that point. A segment whose batches keep failing (and are
     * retried by Axon with back-off) shows since when, how often, at which position and why.
     */
    private SegmentView segment(
            String processor, int segment, String owner, TrackingToken token, Map<Integer, EventTrackerStatus> local) {
        long position = token == null ? 0 : token.position().orElse(0);
        OptionalLong resetAt = token == null ? OptionalLong.empty() : ReplayToken.getTokenAtReset(token);
        boolean replaying = resetAt.isPresent() && position < resetAt.getAsLong();
        EventTrackerStatus status = local.get(segment);
        String error = status != null && status.isErrorState() && status.getError() != null
                ? Failures.rootCause(status.getError())
                : health.failure(processor, segment)
                        .map(failure -> "retrying since %s (%d attempts) at position %s: %s"
                                .formatted(failure.since(), failure.attempts(), failure.position(), failure.cause()))
                        .orElse(null);
        return new SegmentView(segment, owner, position, replaying ? resetAt.getAsLong() : null, replaying, error);
    }

    private static int percentage(long position, long target) {
        return target <= 0 ? 100 : (int) (Math.min(position, target) * 100 / target);
    }

    private TrackingToken token(byte[] token, String type) {
        return token == null
                ? null
                : serializer.deserialize(new SimpleSerializedObject<>(token, byte[].class, type, null));
    }

    private long headPosition() {
        TrackingToken head = eventStore.createHeadToken();
        return head == null ? 0 : head.position().orElse(0);
    }

    /** A processor whose event handlers all skip replays feeds workflows, not a read model. */
    private static ProcessorKind kindOf(StreamingEventProcessor processor) {
        if (!(processor instanceof AbstractEventProcessor abstractProcessor)) {
            return ProcessorKind.PROJECTION;
        }
        boolean anyReplayedHandler =
                handlerTypes(abstractProcessor.eventHandlerInvoker()).anyMatch(ProjectionAdmin::handlesReplays);
        return anyReplayedHandler ? ProcessorKind.PROJECTION : ProcessorKind.WORKFLOW_BRIDGE;
    }

    private static Stream<Class<?>> handlerTypes(EventHandlerInvoker invoker) {
        if (invoker instanceof MultiEventHandlerInvoker multi) {
            return multi.delegates().stream().flatMap(ProjectionAdmin::handlerTypes);
        }
        if (invoker instanceof SimpleEventHandlerInvoker simple) {
            return simple.eventHandlers().stream()
                    .filter(AnnotationEventHandlerAdapter.class::isInstance)
                    .map(handler -> ClassUtils.getUserClass(((AnnotationEventHandlerAdapter) handler).getTargetType()));
        }
        return Stream.empty();
    }

    private static boolean handlesReplays(Class<?> handlerType) {
        if (AnnotatedElementUtils.hasAnnotation(handlerType, DisallowReplay.class)) {
            return false;
        }
        return Arrays.stream(ReflectionUtils.getAllDeclaredMethods(handlerType))
                .filter(method -> AnnotatedElementUtils.hasAnnotation(method, EventHandler.class))
                .anyMatch(method -> !AnnotatedElementUtils.hasAnnotation(method, DisallowReplay.class));
    }

    private static boolean isClaimedElsewhere(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof UnableToClaimTokenException) {
                return true;
            }
        }
        return false;
    }
}
