package org.factorysharing.workflows.member;

import org.factorysharing.platform.axon.ProcessorSettings;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** How member events reach the onboarding process. */
@Configuration(proxyBeanMethods = false)
class MemberBridgeProcessors {

    /** Each registration starts a process: small batches, so a slow one does not hold many back. */
    @Bean
    ProcessorSettings memberOnboardingBridgeProcessor() {
        return ProcessorSettings.bridge(MemberOnboardingBridge.PROCESSING_GROUP, 5);
    }
}
