package org.factorysharing.query.programme;

import org.factorysharing.platform.axon.ProcessorSettings;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** How the programme read models are fed. */
@Configuration(proxyBeanMethods = false)
class ProgrammeReadModelProcessors {

    /** One segment, so events are applied in the event store's order and the position the projection records (its eventPosition) means: every event up to here is in the figures. */
    @Bean
    ProcessorSettings programmeKpiProcessor() {
        return ProcessorSettings.readModel(ProgrammeKpiProjection.PROCESSING_GROUP)
                .withSegments(1);
    }

    @Bean
    ProcessorSettings programmeDashboardProcessor() {
        return ProcessorSettings.readModel(ProgrammeDashboardProjection.PROCESSING_GROUP);
    }
}
