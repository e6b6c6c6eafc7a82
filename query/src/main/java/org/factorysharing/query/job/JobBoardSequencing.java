package org.factorysharing.query.job;

import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.async.SequencingPolicy;
import org.axonframework.eventhandling.async.SequentialPerAggregatePolicy;
import org.factorysharing.api.factory.FactoryEvent.ReservationFlaggedForRescheduling;
import org.factorysharing.api.job.JobEvent;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Orders the job board's events per job. By default events are ordered per aggregate, so the factory's
 * ReservationFlaggedForRescheduling could be handled in another segment before the job's request, or after
 * the ProductionJobRescheduled that answered it, and the flag would be wrong. Keying both by job id keeps them
 * in event-store order.
 */
@Configuration(proxyBeanMethods = false)
class JobBoardSequencing {

    static final SequencingPolicy<EventMessage<?>> PER_JOB = JobBoardSequencing::jobOf;

    @Bean
    ConfigurerModule jobBoardSequencingPolicy() {
        return configurer -> configurer
                .eventProcessing()
                .registerSequencingPolicy(JobBoardProjection.PROCESSING_GROUP, configuration -> PER_JOB);
    }

    static Object jobOf(EventMessage<?> event) {
        // the payload type is checked first so that events of other types are not deserialised here
        Class<?> type = event.getPayloadType();
        if (JobEvent.class.isAssignableFrom(type)) {
            return ((JobEvent) event.getPayload()).jobId().value();
        }
        if (ReservationFlaggedForRescheduling.class.equals(type)) {
            return ((ReservationFlaggedForRescheduling) event.getPayload())
                    .jobId()
                    .value();
        }
        return SequentialPerAggregatePolicy.instance().getSequenceIdentifierFor(event);
    }
}
