package org.factorysharing.api.factory;

import java.time.LocalDate;
import java.util.List;
import org.axonframework.serialization.Revision;
import org.factorysharing.api.job.JobId;
import org.factorysharing.api.member.MemberId;

/** Everything that can happen to a factory and its machine-time ledger; sealed so a switch is checked. */
public sealed interface FactoryEvent {

    FactoryId factoryId();

    /** Proposed for a region; {@code staffGroup} is the Camunda group of its own staff. */
    @Revision("1")
    record FactoryProposed(
            FactoryId factoryId,
            String name,
            String province,
            String regency,
            String commodity,
            String commodityCode,
            String operator,
            List<MachinePlan> plannedMachines,
            LocalDate installationDueOn,
            String staffGroup,
            String proposedBy)
            implements FactoryEvent {}

    @Revision("1")
    record MachineInstalled(
            FactoryId factoryId, String machineId, String machineType, int capacityHoursPerDay, String installedBy)
            implements FactoryEvent {}

    /** Inspection result; a failed one carries the findings to resolve. */
    @Revision("1")
    record FactoryInspected(FactoryId factoryId, boolean passed, String findings, String inspectedBy)
            implements FactoryEvent {}

    @Revision("1")
    record FactoryCommissioned(FactoryId factoryId, String signedOffBy, String inspectedBy) implements FactoryEvent {}

    @Revision("1")
    record FactorySuspended(FactoryId factoryId, String reason, String suspendedBy) implements FactoryEvent {}

    @Revision("1")
    record FactoryResumed(FactoryId factoryId, String resumedBy) implements FactoryEvent {}

    @Revision("1")
    record FactoryDecommissioned(FactoryId factoryId, String reason, String decommissionedBy) implements FactoryEvent {}

    /** A machine went into maintenance on {@code from}; the jobs holding its time then are listed. */
    @Revision("1")
    record MachineMaintenanceStarted(
            FactoryId factoryId,
            String machineId,
            String reason,
            LocalDate from,
            List<JobId> affectedJobs,
            String startedBy)
            implements FactoryEvent {}

    @Revision("1")
    record MachineMaintenanceEnded(FactoryId factoryId, String machineId, LocalDate from, String endedBy)
            implements FactoryEvent {}

    /** One per affected job when its machine goes into maintenance: the allocations it can no longer use. */
    @Revision("1")
    record ReservationFlaggedForRescheduling(
            FactoryId factoryId, JobId jobId, String machineId, List<Allocation> affected) implements FactoryEvent {}

    /** Machine time held for a job; the window it asked for is kept so the time can be moved within it. */
    @Revision("1")
    record MachineTimeReserved(
            FactoryId factoryId,
            JobId jobId,
            MemberId memberId,
            String machineType,
            int hours,
            LocalDate earliestStart,
            LocalDate deadline,
            List<Allocation> allocations)
            implements FactoryEvent {}

    /** A business-relevant refusal, kept on record and shown to the member. */
    @Revision("1")
    record MachineTimeReservationRejected(
            FactoryId factoryId,
            JobId jobId,
            MemberId memberId,
            String machineType,
            int hours,
            ReservationRejection rejection,
            String reason)
            implements FactoryEvent {}

    /** Machine time given back; {@code released} lists exactly what was freed. */
    @Revision("1")
    record MachineTimeReleased(FactoryId factoryId, JobId jobId, List<Allocation> released, String reason)
            implements FactoryEvent {}

    /** The user joined the factory's staff group: they work on its tasks and operate its machines. */
    @Revision("1")
    record FactoryStaffAssigned(FactoryId factoryId, String userId, String reason, String assignedBy)
            implements FactoryEvent {}

    /** The user left the factory's staff group. */
    @Revision("1")
    record FactoryStaffRemoved(FactoryId factoryId, String userId, String reason, String removedBy)
            implements FactoryEvent {}
}
