package org.factorysharing.platform.axon;

import java.util.List;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.deadletter.jdbc.DeadLetterSchema;
import org.axonframework.eventhandling.deadletter.jdbc.JdbcSequencedDeadLetterQueue;
import org.axonframework.serialization.Serializer;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * Registers every processing group from the {@link ProcessorSettings} beans the features declare: its processor
 * kind, batch size and segments, and its JDBC dead-letter queue (Axon's table, on the shared DataSource and
 * transaction manager).
 */
@Configuration(proxyBeanMethods = false)
class EventProcessorsConfiguration {

    @Bean
    ConfigurerModule eventProcessors(
            List<ProcessorSettings> settings,
            Environment environment,
            ConnectionProvider connectionProvider,
            TransactionManager transactionManager,
            DeadLetterSchema deadLetterSchema,
            @Qualifier("eventSerializer") Serializer eventSerializer,
            Serializer genericSerializer) {
        return configurer -> {
            var processing = configurer.eventProcessing();
            for (ProcessorSettings group : settings) {
                String name = group.group();
                if (group.mode() == ProcessorSettings.Mode.SUBSCRIBING) {
                    processing.registerSubscribingEventProcessor(name);
                    continue;
                }
                int batchSize = environment.getProperty(
                        "fs.processors." + name + ".batch-size", Integer.class, group.batchSize());
                processing.registerPooledStreamingEventProcessor(
                        name,
                        configuration -> configuration.eventStore(),
                        (configuration, builder) -> builder.batchSize(batchSize).initialSegmentCount(group.segments()));
                if (group.deadLetters()) {
                    processing.registerDeadLetterQueue(
                            name,
                            configuration -> JdbcSequencedDeadLetterQueue.builder()
                                    .processingGroup(name)
                                    .connectionProvider(connectionProvider)
                                    .transactionManager(transactionManager)
                                    .schema(deadLetterSchema)
                                    .genericSerializer(genericSerializer)
                                    .eventSerializer(eventSerializer)
                                    .build());
                }
            }
        };
    }
}
