package org.factorysharing.command.programme;

import org.factorysharing.platform.axon.ProcessorSettings;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** How commissioned factories are counted in their waves. */
@Configuration(proxyBeanMethods = false)
class WavePolicyProcessors {

    /** A command-side policy that sends wave commands: one event per transaction. */
    @Bean
    ProcessorSettings waveCommissioningProcessor() {
        return ProcessorSettings.bridge(WaveCommissioning.PROCESSING_GROUP, 1);
    }
}
