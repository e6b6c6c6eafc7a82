package org.factorysharing.audit.log;

import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import com.fasterxml.jackson.annotation.PropertyAccessor;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.axonframework.config.AggregateConfiguration;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.EventSourcedAggregate;
import org.axonframework.eventsourcing.NoSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.modelling.command.inspection.AggregateModel;
import org.axonframework.modelling.command.inspection.AnnotatedAggregateMetaModelFactory;
import org.springframework.stereotype.Component;

/**
 * An aggregate as it was at an instant: its own class, taken from Axon's configuration (so the server
 * never names a command-side class), fed its events up to that instant by its own event sourcing
 * handlers. Snapshots are ignored, they may be younger than the instant; nothing is published or stored.
 */
@Component
class AggregateStates {

    /** The state after applying events up to and including {@code version}. */
    record State(long version, JsonNode state) {}

    private final org.axonframework.config.Configuration axon;
    private final EventStorageEngine events;
    private final ObjectMapper fields;
    private final Map<String, Optional<Replayer<?>>> replayers = new ConcurrentHashMap<>();

    AggregateStates(org.axonframework.config.Configuration axon, EventStorageEngine events, ObjectMapper json) {
        this.axon = axon;
        this.events = events;
        // aggregates keep private fields and offer no getters: the state is exactly their fields
        this.fields = json.copy()
                .setVisibility(PropertyAccessor.ALL, Visibility.NONE)
                .setVisibility(PropertyAccessor.FIELD, Visibility.ANY);
    }

    /** True if Axon knows an aggregate of this type (the `type` column of the event store). */
    boolean knows(String aggregateType) {
        return replayer(aggregateType).isPresent();
    }

    /** Empty when the aggregate has no event at or before {@code at} (it did not exist yet). */
    Optional<State> at(String aggregateType, String aggregateId, Instant at) {
        return replayer(aggregateType).flatMap(replayer -> replayer.replay(aggregateId, at));
    }

    private Optional<Replayer<?>> replayer(String aggregateType) {
        return replayers.computeIfAbsent(
                aggregateType,
                type -> axon.findModules(AggregateConfiguration.class).stream()
                        .map(this::replayer)
                        .filter(replayer -> replayer.model.type().equals(type))
                        .<Replayer<?>>map(replayer -> replayer)
                        .findFirst());
    }

    private <A> Replayer<A> replayer(AggregateConfiguration<A> configuration) {
        Class<A> type = configuration.aggregateType();
        AggregateModel<A> model = AnnotatedAggregateMetaModelFactory.inspectAggregate(
                type, axon.parameterResolverFactory(), axon.handlerDefinition(type));
        return new Replayer<>(configuration, model);
    }

    /** Rebuilds one aggregate type the way its repository does, but from a stream cut at an instant. */
    private final class Replayer<A> {

        private final AggregateConfiguration<A> configuration;
        private final AggregateModel<A> model;

        Replayer(AggregateConfiguration<A> configuration, AggregateModel<A> model) {
            this.configuration = configuration;
            this.model = model;
        }

        Optional<State> replay(String aggregateId, Instant at) {
            // stop at the first later event: applying a later one without its predecessor is no state at all
            DomainEventStream upToAt = DomainEventStream.of(events.readEvents(aggregateId, 0)
                    .asStream()
                    .takeWhile(event -> !event.getTimestamp().isAfter(at)));
            if (!upToAt.hasNext()) {
                return Optional.empty();
            }
            DomainEventMessage<?> first = upToAt.peek();
            A root = configuration.aggregateFactory().createAggregateRoot(aggregateId, first);
            EventSourcedAggregate<A> aggregate =
                    EventSourcedAggregate.initialize(root, model, null, NoSnapshotTriggerDefinition.TRIGGER);
            aggregate.initializeState(upToAt);
            return Optional.of(new State(aggregate.version(), fields.valueToTree(aggregate.getAggregateRoot())));
        }
    }
}
