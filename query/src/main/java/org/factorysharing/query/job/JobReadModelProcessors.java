package org.factorysharing.query.job;

import org.factorysharing.platform.axon.ProcessorSettings;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** How the job board is fed. */
@Configuration(proxyBeanMethods = false)
class JobReadModelProcessors {

    @Bean
    ProcessorSettings jobBoardProcessor() {
        return ProcessorSettings.readModel(JobBoardProjection.PROCESSING_GROUP);
    }
}
