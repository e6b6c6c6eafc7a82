package org.factorysharing.audit.metadata;

import org.axonframework.eventhandling.EventBus;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.messaging.correlation.MessageOriginProvider;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Who did what, on every message. Axon registers all CorrelationDataProvider beans on the command bus and the
 * event processors; a message created while another is handled takes their data. Declaring them replaces
 * Axon's default MessageOriginProvider, which is declared here again under the names used by Axon 5 and most
 * event stores: correlationId for the root of the chain, causationId for the message handled.
 */
@Configuration(proxyBeanMethods = false)
class AuditMetadataConfiguration {

    @Bean
    CorrelationDataProvider messageOriginProvider() {
        return new MessageOriginProvider(AuditMetadata.CAUSATION_ID, AuditMetadata.CORRELATION_ID);
    }

    @Bean
    CorrelationDataProvider commandOriginProvider() {
        return new CommandOriginProvider();
    }

    /** On the event bus itself, not the event gateway (where Axon puts dispatch-interceptor beans): aggregates publish there. */
    @Bean
    InitializingBean eventMetadataOnTheEventBus(EventBus eventBus, CurrentActor actor) {
        return () -> eventBus.registerDispatchInterceptor(new EventMetadataInterceptor(actor));
    }
}
