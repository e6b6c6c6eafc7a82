package org.factorysharing.audit.metadata;

import org.axonframework.config.Configurer;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.stereotype.Component;

/**
 * Puts the event processor's name into the unit of work of each event it handles, so a command sent by an
 * event handler (an event-to-process bridge) says which processor sent it.
 */
@Component
class EventProcessorNames implements ConfigurerModule {

    static final String RESOURCE = EventProcessorNames.class.getName() + ".processor";

    @Override
    public void configureModule(Configurer configurer) {
        configurer
                .eventProcessing()
                .registerDefaultHandlerInterceptor((configuration, processorName) -> new Named(processorName));
    }

    private record Named(String processorName) implements MessageHandlerInterceptor<EventMessage<?>> {

        @Override
        public Object handle(UnitOfWork<? extends EventMessage<?>> unitOfWork, InterceptorChain chain)
                throws Exception {
            unitOfWork.resources().put(RESOURCE, processorName);
            return chain.proceed();
        }
    }
}
