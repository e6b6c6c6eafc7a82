package org.factorysharing.query.factory;

import org.factorysharing.platform.axon.ProcessorSettings;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** How the factory read models are fed. */
@Configuration(proxyBeanMethods = false)
class FactoryReadModelProcessors {

    @Bean
    ProcessorSettings factoryRegistryProcessor() {
        return ProcessorSettings.readModel(FactoryRegistryProjection.PROCESSING_GROUP);
    }

    @Bean
    ProcessorSettings capacityCalendarProcessor() {
        return ProcessorSettings.readModel(CapacityCalendarProjection.PROCESSING_GROUP);
    }

    @Bean
    ProcessorSettings factoryTimelineProcessor() {
        return ProcessorSettings.readModel(FactoryTimelineProjection.PROCESSING_GROUP);
    }
}
