package org.factorysharing.query.member;

import org.factorysharing.platform.axon.ProcessorSettings;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** How the member read models are fed. */
@Configuration(proxyBeanMethods = false)
class MemberReadModelProcessors {

    @Bean
    ProcessorSettings memberDirectoryProcessor() {
        return ProcessorSettings.readModel(MemberProjection.PROCESSING_GROUP);
    }
}
