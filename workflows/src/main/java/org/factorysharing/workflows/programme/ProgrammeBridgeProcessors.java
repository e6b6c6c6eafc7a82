package org.factorysharing.workflows.programme;

import org.factorysharing.platform.axon.ProcessorSettings;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** How wave events reach the pilot rollout processes. */
@Configuration(proxyBeanMethods = false)
class ProgrammeBridgeProcessors {

    /** Few events: one per transaction, so a failing correlation rolls back only its own event before it is parked. */
    @Bean
    ProcessorSettings pilotRolloutBridgeProcessor() {
        return ProcessorSettings.bridge(PilotRolloutBridge.PROCESSING_GROUP, 1);
    }
}
