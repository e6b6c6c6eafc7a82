package org.factorysharing.workflows.factory;

import org.factorysharing.platform.axon.ProcessorSettings;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** How factory events reach the commissioning process and the staff groups. */
@Configuration(proxyBeanMethods = false)
class FactoryBridgeProcessors {

    /** One event per transaction: a thread holds at most one factory's lock at a time (a batch spanning two factories could deadlock with another segment's). */
    @Bean
    ProcessorSettings factoryCommissioningBridgeProcessor() {
        return ProcessorSettings.bridge(FactoryCommissioningBridge.PROCESSING_GROUP, 1);
    }

    /** In the command's transaction: the staff group changes with the event that records it. */
    @Bean
    ProcessorSettings factoryStaffBridgeProcessor() {
        return ProcessorSettings.subscribing(FactoryStaffBridge.PROCESSING_GROUP);
    }
}
