package org.factorysharing.workflows.job;

import org.factorysharing.platform.axon.ProcessorSettings;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** How job and factory events reach the production job processes. */
@Configuration(proxyBeanMethods = false)
class JobBridgeProcessors {

    /** One event per transaction: its process step sends factory commands (see the commissioning bridge). */
    @Bean
    ProcessorSettings productionJobBridgeProcessor() {
        return ProcessorSettings.bridge(ProductionJobBridge.PROCESSING_GROUP, 1);
    }
}
