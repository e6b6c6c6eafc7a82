package org.factorysharing.platform.axon;

import java.time.Duration;
import java.util.List;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.deadletter.jdbc.DeadLetterSchema;
import org.axonframework.eventhandling.deadletter.jdbc.JdbcSequencedDeadLetterQueue;
import org.axonframework.serialization.Serializer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * Registers every processing group from the {@link ProcessorSettings} beans the features declare: its processor
 * kind, batch size and segments, and for groups with dead letters Axon's JDBC queue (on the shared DataSource and
 * transaction manager), the diagnostics of each parked event, the isolation of a batch that fails at commit, and
 * the automatic retry of events parked for a transient reason.
 */
@Configuration(proxyBeanMethods = false)
class EventProcessorsConfiguration {

    @Bean
    ProcessorHealth processorHealth() {
        return new ProcessorHealth();
    }

    @Bean
    ConfigurerModule eventProcessors(
            List<ProcessorSettings> settings,
            Environment environment,
            ConnectionProvider connectionProvider,
            TransactionManager transactionManager,
            DeadLetterSchema deadLetterSchema,
            @Qualifier("eventSerializer") Serializer eventSerializer,
            Serializer genericSerializer,
            ObjectProvider<EventProcessingConfiguration> processing,
            ProcessorHealth health) {
        BatchIsolatingErrorHandler isolation = new BatchIsolatingErrorHandler(processing::getObject, health);
        DeadLetterDiagnostics diagnostics = new DeadLetterDiagnostics();
        return configurer -> {
            var eventProcessing = configurer.eventProcessing();
            for (ProcessorSettings group : settings) {
                String name = group.group();
                if (group.mode() == ProcessorSettings.Mode.SUBSCRIBING) {
                    eventProcessing.registerSubscribingEventProcessor(name);
                    continue;
                }
                int batchSize = environment.getProperty(
                        "fs.processors." + name + ".batch-size", Integer.class, group.batchSize());
                eventProcessing.registerPooledStreamingEventProcessor(
                        name,
                        configuration -> configuration.eventStore(),
                        (configuration, builder) -> builder.batchSize(batchSize).initialSegmentCount(group.segments()));
                if (group.deadLetters()) {
                    eventProcessing
                            .registerDeadLetterQueue(
                                    name,
                                    configuration -> JdbcSequencedDeadLetterQueue.builder()
                                            .processingGroup(name)
                                            .connectionProvider(connectionProvider)
                                            .transactionManager(transactionManager)
                                            .schema(deadLetterSchema)
                                            .genericSerializer(genericSerializer)
                                            .eventSerializer(eventSerializer)
                                            .build())
                            // without the cache the invoker asks the queue "is this sequence parked?" for every event
                            .registerDeadLetteringEventHandlerInvokerConfiguration(
                                    name, (configuration, invoker) -> invoker.enableSequenceIdentifierCache())
                            .registerDeadLetterPolicy(name, configuration -> diagnostics)
                            .registerErrorHandler(name, configuration -> isolation)
                            .registerHandlerInterceptor(name, configuration -> isolation.segmentCapture(name));
                }
            }
        };
    }

    @Bean(destroyMethod = "close")
    TransientLetterRetrier transientLetterRetrier(
            List<ProcessorSettings> settings,
            ObjectProvider<EventProcessingConfiguration> processing,
            @Value("${fs.processors.dead-letters.automatic-retries:5}") int automaticRetries,
            @Value("${fs.processors.dead-letters.retry-every:1m}") Duration every) {
        List<String> groups = settings.stream()
                .filter(ProcessorSettings::deadLetters)
                .map(ProcessorSettings::group)
                .toList();
        return new TransientLetterRetrier(processing::getObject, groups, automaticRetries, every);
    }
}
