package org.factorysharing.platform.axon;

import java.time.Duration;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.commandhandling.gateway.DefaultCommandGateway;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.jdbc.PersistenceExceptionResolver;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.EventBusSpanFactory;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventhandling.deadletter.jdbc.DeadLetterSchema;
import org.axonframework.eventhandling.tokenstore.jdbc.TokenSchema;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcSQLErrorCodesResolver;
import org.axonframework.serialization.Serializer;
import org.axonframework.spring.eventsourcing.SpringAggregateSnapshotterFactoryBean;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.DependsOn;

/**
 * Axon on PostgreSQL through JDBC, on the application's DataSource and Spring transaction manager (shared with
 * Camunda). Axon's JDBC auto-configuration builds the token store and dead-letter queue; the event store and its
 * engine are Axon's, built here with the changes their beans describe. The schema beans name the snake_case tables
 * that Flyway owns (V1__axon_infrastructure.sql).
 */
@Configuration(proxyBeanMethods = false)
public class AxonConfiguration {

    /** How often the event store looks for processors that fell behind its cache (Axon's default: ten seconds). */
    private static final Duration CACHE_CLEANUP_INTERVAL = Duration.ofSeconds(1);

    /**
     * Axon's default only logs a failing event handler and moves on, which would silently lose a read-model
     * row or an onboarding. Groups with a dead-letter queue park the failing event; any other group retries.
     */
    @Bean
    ConfigurerModule retryFailedEventHandlers() {
        return configurer -> configurer
                .eventProcessing()
                .registerDefaultListenerInvocationErrorHandler(configuration -> PropagatingErrorHandler.instance());
    }

    @Bean(destroyMethod = "shutdown")
    ConflictRetryScheduler conflictRetryScheduler() {
        return new ConflictRetryScheduler();
    }

    @Bean
    CommandGateway commandGateway(CommandBus commandBus, ConflictRetryScheduler retryScheduler) {
        return DefaultCommandGateway.builder()
                .commandBus(commandBus)
                .retryScheduler(retryScheduler)
                .build();
    }

    @Bean
    @DependsOn("dataSource")
    SnapshotExecutor snapshotExecutor() {
        return new SnapshotExecutor();
    }

    @Bean
    SpringAggregateSnapshotterFactoryBean aggregateSnapshotter(SnapshotExecutor snapshotExecutor) {
        SpringAggregateSnapshotterFactoryBean snapshotter = new SpringAggregateSnapshotterFactoryBean();
        snapshotter.setExecutor(snapshotExecutor);
        return snapshotter;
    }

    /**
     * Axon's auto-configured JDBC engine, with two changes: events are read from the store 1,000 at a time instead of
     * 100, so a processor catching up or replaying (a million events) asks the database a tenth as often; and the
     * event store's shared reader tells {@link EventArrivals} of each event it takes in, to wake idle processors.
     */
    @Bean
    EventStorageEngine eventStorageEngine(
            Serializer defaultSerializer,
            PersistenceExceptionResolver persistenceExceptionResolver,
            @Qualifier("eventSerializer") Serializer eventSerializer,
            org.axonframework.config.Configuration configuration,
            ConnectionProvider connectionProvider,
            TransactionManager transactionManager,
            EventSchema eventSchema,
            EventArrivals arrivals,
            @Value("${fs.event-store.read-batch-size:1000}") int readBatchSize) {
        return new SignallingJdbcEventStorageEngine(
                JdbcEventStorageEngine.builder()
                        .snapshotSerializer(defaultSerializer)
                        .upcasterChain(configuration.upcasterChain())
                        .persistenceExceptionResolver(persistenceExceptionResolver)
                        .eventSerializer(eventSerializer)
                        .snapshotFilter(configuration.snapshotFilter())
                        .connectionProvider(connectionProvider)
                        .transactionManager(transactionManager)
                        .schema(eventSchema)
                        .batchSize(readBatchSize),
                arrivals);
    }

    /**
     * Axon's embedded event store (one reader thread feeding every processor from a shared cache), woken when a
     * transaction around a command commits ({@link AfterTransactionEventStore}). Its reader reads a batch at a time
     * ({@link SignallingJdbcEventStorageEngine}), and its cleaner runs every second instead of every ten: a processor
     * that stops reading from the cache (a replay whose handlers are slower than the reader) keeps every event read
     * after its position in memory until the cleaner moves it to a stream of its own.
     */
    @Bean
    EmbeddedEventStore eventStore(
            EventStorageEngine storageEngine,
            EventArrivals arrivals,
            org.axonframework.config.Configuration configuration) {
        return new AfterTransactionEventStore(
                EmbeddedEventStore.builder()
                        .storageEngine(storageEngine)
                        .messageMonitor(configuration.messageMonitor(EventStore.class, "eventStore"))
                        .spanFactory(configuration.getComponent(EventBusSpanFactory.class))
                        .cleanupDelay(CACHE_CLEANUP_INTERVAL.toMillis()),
                arrivals);
    }

    @Bean
    EventArrivals eventArrivals() {
        return new EventArrivals();
    }

    /** Axon's own resolver (a duplicate key is a concurrent append); its auto-configured one gives way to the store above. */
    @Bean
    PersistenceExceptionResolver persistenceExceptionResolver() {
        return new JdbcSQLErrorCodesResolver();
    }

    @Bean
    EventSchema eventSchema() {
        return EventSchema.builder()
                .eventTable("domain_event_entry")
                .snapshotTable("snapshot_event_entry")
                .globalIndexColumn("global_index")
                .timestampColumn("time_stamp")
                .eventIdentifierColumn("event_identifier")
                .aggregateIdentifierColumn("aggregate_identifier")
                .sequenceNumberColumn("sequence_number")
                .typeColumn("type")
                .payloadTypeColumn("payload_type")
                .payloadRevisionColumn("payload_revision")
                .payloadColumn("payload")
                .metaDataColumn("meta_data")
                .build();
    }

    @Bean
    TokenSchema tokenSchema() {
        return TokenSchema.builder()
                .setTokenTable("token_entry")
                .setProcessorNameColumn("processor_name")
                .setSegmentColumn("segment")
                .setTokenColumn("token")
                .setTokenTypeColumn("token_type")
                .setTimestampColumn("timestamp")
                .setOwnerColumn("owner")
                .build();
    }

    @Bean
    DeadLetterSchema deadLetterSchema() {
        return DeadLetterSchema.builder()
                .deadLetterTable("dead_letter_entry")
                .deadLetterIdentifierColumn("dead_letter_id")
                .processingGroupColumn("processing_group")
                .sequenceIdentifierColumn("sequence_identifier")
                .sequenceIndexColumn("sequence_index")
                .messageTypeColumn("message_type")
                .eventIdentifierColumn("event_identifier")
                .timestampColumn("time_stamp")
                .payloadTypeColumn("payload_type")
                .payloadRevisionColumn("payload_revision")
                .payloadColumn("payload")
                .metaDataColumn("meta_data")
                .aggregateTypeColumn("aggregate_type")
                .aggregateIdentifierColumn("aggregate_identifier")
                .sequenceNumberColumn("sequence_number")
                .tokenTypeColumn("token_type")
                .tokenColumn("token")
                .enqueuedAtColumn("enqueued_at")
                .lastTouchedColumn("last_touched")
                .processingStartedColumn("processing_started")
                .causeTypeColumn("cause_type")
                .causeMessageColumn("cause_message")
                .diagnosticsColumn("diagnostics")
                .build();
    }
}
