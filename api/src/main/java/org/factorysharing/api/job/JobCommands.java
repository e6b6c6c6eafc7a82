package org.factorysharing.api.job;

import java.time.LocalDate;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.factorysharing.api.factory.Allocation;
import org.factorysharing.api.factory.FactoryId;
import org.factorysharing.api.factory.ReservationRejection;
import org.factorysharing.api.member.MemberId;

/** Commands of the production job feature. */
public final class JobCommands {

    private JobCommands() {}

    /**
     * A member asks for machine time: whole machine-hours on a machine type between two days (inclusive).
     * The member's eligibility is checked at once; capacity is reserved by the production_job process.
     */
    public record RequestProductionJob(
            @TargetAggregateIdentifier JobId jobId,
            MemberId memberId,
            FactoryId factoryId,
            String machineType,
            String product,
            int quantity,
            int machineHours,
            LocalDate earliestStart,
            LocalDate deadline,
            String requestedBy) {}

    /** Answer of RequestProductionJob: REQUESTED, or REJECTED at once with the reason (shown to the member). */
    public record JobRequestOutcome(JobStatus status, ReservationRejection rejection, String reason) {}

    /** Machine time was reserved (or moved, when the job is rescheduled). */
    public record ScheduleProductionJob(
            @TargetAggregateIdentifier JobId jobId, List<Allocation> allocations) {}

    /** The factory turned the request down. */
    public record RejectProductionJob(
            @TargetAggregateIdentifier JobId jobId, ReservationRejection rejection, String reason) {}

    public record StartProductionJob(
            @TargetAggregateIdentifier JobId jobId, String startedBy) {}

    /** Output of a run (or a rework run): good and rejected units. */
    public record RecordJobOutput(
            @TargetAggregateIdentifier JobId jobId, int goodUnits, int rejectedUnits, String recordedBy) {}

    public record PassQualityInspection(
            @TargetAggregateIdentifier JobId jobId, String notes, String inspectedBy) {}

    /** Inspection found faults: the job goes to rework; notes say what to fix. */
    public record SendJobToRework(@TargetAggregateIdentifier JobId jobId, String notes, String inspectedBy) {}

    /** By the member or an officer while the job is not completed; its machine time is released. */
    public record CancelProductionJob(
            @TargetAggregateIdentifier JobId jobId, String reason, String cancelledBy) {}
}
