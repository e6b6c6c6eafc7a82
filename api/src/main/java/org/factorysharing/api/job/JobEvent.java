package org.factorysharing.api.job;

import java.time.LocalDate;
import java.util.List;
import org.axonframework.serialization.Revision;
import org.factorysharing.api.factory.Allocation;
import org.factorysharing.api.factory.FactoryId;
import org.factorysharing.api.factory.ReservationRejection;
import org.factorysharing.api.member.MemberId;

/** Everything that can happen to a production job; sealed so that a switch over job events is checked. */
public sealed interface JobEvent {

    JobId jobId();

    /** An eligible member's request; the production_job process starts from it. */
    @Revision("1")
    record ProductionJobRequested(
            JobId jobId,
            MemberId memberId,
            FactoryId factoryId,
            String machineType,
            String product,
            int quantity,
            int machineHours,
            LocalDate earliestStart,
            LocalDate deadline,
            String requestedBy)
            implements JobEvent {}

    /** A request refused at once because the member may not book (not verified, not qualified). */
    @Revision("1")
    record ProductionJobRequestRefused(
            JobId jobId,
            MemberId memberId,
            FactoryId factoryId,
            String machineType,
            String product,
            int quantity,
            int machineHours,
            LocalDate earliestStart,
            LocalDate deadline,
            String requestedBy,
            ReservationRejection rejection,
            String reason)
            implements JobEvent {}

    /** The factory could not reserve the machine time. */
    @Revision("1")
    record ProductionJobRejected(JobId jobId, ReservationRejection rejection, String reason) implements JobEvent {}

    @Revision("1")
    record ProductionJobScheduled(
            JobId jobId, List<Allocation> allocations, LocalDate plannedStart, LocalDate plannedEnd)
            implements JobEvent {}

    /** Its machine time moved (a machine went into maintenance). */
    @Revision("1")
    record ProductionJobRescheduled(
            JobId jobId, List<Allocation> allocations, LocalDate plannedStart, LocalDate plannedEnd)
            implements JobEvent {}

    @Revision("1")
    record ProductionJobStarted(JobId jobId, String startedBy) implements JobEvent {}

    @Revision("1")
    record JobOutputRecorded(JobId jobId, int goodUnits, int rejectedUnits, String recordedBy) implements JobEvent {}

    @Revision("1")
    record ProductionJobSentToRework(JobId jobId, String notes, String inspectedBy) implements JobEvent {}

    /** Inspection passed; carries the accepted output. */
    @Revision("1")
    record ProductionJobCompleted(JobId jobId, int goodUnits, int rejectedUnits, String notes, String inspectedBy)
            implements JobEvent {}

    @Revision("1")
    record ProductionJobCancelled(
            JobId jobId, FactoryId factoryId, JobStatus previousStatus, String reason, String cancelledBy)
            implements JobEvent {}
}
