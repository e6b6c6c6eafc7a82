package org.factorysharing.query.region;

import org.factorysharing.platform.axon.ProcessorSettings;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** How the regions read model is fed. */
@Configuration(proxyBeanMethods = false)
class RegionReadModelProcessors {

    @Bean
    ProcessorSettings regionPotentialProcessor() {
        return ProcessorSettings.readModel(RegionProjection.PROCESSING_GROUP);
    }
}
