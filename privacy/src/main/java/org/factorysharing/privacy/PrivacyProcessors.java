package org.factorysharing.privacy;

import org.factorysharing.platform.axon.ProcessorSettings;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** How a forget reaches the key table. */
@Configuration(proxyBeanMethods = false)
class PrivacyProcessors {

    /** In the forgetting command's transaction: the event and the deleted key commit together (never replayed, no dead letters). */
    @Bean
    ProcessorSettings personalDataShredderProcessor() {
        return ProcessorSettings.subscribing(PersonalDataShredder.PROCESSING_GROUP);
    }

    /** The blind index: a read model of keyed hashes, replayable, its poison events parked. */
    @Bean
    ProcessorSettings personalDataIndexProcessor() {
        return ProcessorSettings.readModel(PersonalDataViews.PROCESSING_GROUP);
    }
}
