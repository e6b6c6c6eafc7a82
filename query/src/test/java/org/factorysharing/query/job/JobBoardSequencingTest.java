package org.factorysharing.query.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.factorysharing.api.factory.Allocation;
import org.factorysharing.api.factory.FactoryEvent.MachineMaintenanceEnded;
import org.factorysharing.api.factory.FactoryEvent.ReservationFlaggedForRescheduling;
import org.factorysharing.api.factory.FactoryId;
import org.factorysharing.api.job.JobEvent.ProductionJobStarted;
import org.factorysharing.api.job.JobId;
import org.junit.jupiter.api.Test;

class JobBoardSequencingTest {

    private static final FactoryId FACTORY = new FactoryId("factory-1");
    private static final JobId JOB = new JobId("job-1");

    @Test
    void aJobsOwnEventsAreSequencedByTheJob() {
        EventMessage<?> started = new GenericDomainEventMessage<>(
                "ProductionJob", JOB.value(), 3, new ProductionJobStarted(JOB, "staff-1"));

        assertThat(JobBoardSequencing.PER_JOB.getSequenceIdentifierFor(started)).isEqualTo(JOB.value());
    }

    @Test
    void aFactorysReschedulingFlagIsSequencedWithTheJobItConcerns() {
        EventMessage<?> flagged = new GenericDomainEventMessage<>(
                "Factory",
                FACTORY.value(),
                9,
                new ReservationFlaggedForRescheduling(
                        FACTORY, JOB, "press-1", List.of(new Allocation("press-1", LocalDate.of(2025, 7, 7), 4))));

        assertThat(JobBoardSequencing.PER_JOB.getSequenceIdentifierFor(flagged)).isEqualTo(JOB.value());
    }

    @Test
    void otherEventsKeepTheirAggregatesOrder() {
        EventMessage<?> ended = new GenericDomainEventMessage<>(
                "Factory",
                FACTORY.value(),
                10,
                new MachineMaintenanceEnded(FACTORY, "press-1", LocalDate.of(2025, 7, 8), "staff-1"));

        assertThat(JobBoardSequencing.PER_JOB.getSequenceIdentifierFor(ended)).isEqualTo(FACTORY.value());
    }
}
