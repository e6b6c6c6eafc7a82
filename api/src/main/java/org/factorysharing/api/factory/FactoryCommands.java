package org.factorysharing.api.factory;

import java.time.LocalDate;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.factorysharing.api.job.JobId;
import org.factorysharing.api.member.MemberId;

/** Commands of the factory feature: commissioning, operation and the machine-time ledger. */
public final class FactoryCommands {

    private FactoryCommands() {}

    /** Every command addressed to a factory; lets infrastructure treat them alike (see the server's cache guard). */
    public sealed interface FactoryCommand {
        FactoryId factoryId();
    }

    /**
     * Propose a factory for a region with a commodity focus (free text, normalised to a code) and the
     * machines planned for it; installation is due by {@code installationDueOn}.
     */
    public record ProposeFactory(
            @TargetAggregateIdentifier FactoryId factoryId,
            String name,
            String province,
            String regency,
            String commodity,
            String operator,
            List<MachinePlan> plannedMachines,
            LocalDate installationDueOn,
            String proposedBy)
            implements FactoryCommand {}

    /** A machine was installed; before commissioning only a PROPOSED or INSTALLING factory takes machines. */
    public record InstallMachine(
            @TargetAggregateIdentifier FactoryId factoryId,
            String machineId,
            String machineType,
            int capacityHoursPerDay,
            String installedBy)
            implements FactoryCommand {}

    /** Safety and quality inspection result; findings are required when it fails. */
    public record RecordInspection(
            @TargetAggregateIdentifier FactoryId factoryId, boolean passed, String findings, String inspectedBy)
            implements FactoryCommand {}

    /** Sign-off by an officer who is not the inspector (four-eyes). */
    public record CommissionFactory(
            @TargetAggregateIdentifier FactoryId factoryId, String signedOffBy) implements FactoryCommand {}

    public record SuspendFactory(@TargetAggregateIdentifier FactoryId factoryId, String reason, String suspendedBy)
            implements FactoryCommand {}

    public record ResumeFactory(@TargetAggregateIdentifier FactoryId factoryId, String resumedBy)
            implements FactoryCommand {}

    /** Final: a decommissioned factory accepts nothing; refused while jobs still hold future machine time. */
    public record DecommissionFactory(
            @TargetAggregateIdentifier FactoryId factoryId, String reason, String decommissionedBy)
            implements FactoryCommand {}

    /** Takes a machine out of service; jobs holding its future time are flagged for rescheduling. */
    public record StartMachineMaintenance(
            @TargetAggregateIdentifier FactoryId factoryId, String machineId, String reason, String startedBy)
            implements FactoryCommand {}

    public record EndMachineMaintenance(
            @TargetAggregateIdentifier FactoryId factoryId, String machineId, String endedBy)
            implements FactoryCommand {}

    /**
     * Reserve {@code hours} machine-hours on machines of a type between {@code earliestStart} and
     * {@code deadline} (inclusive) for a job. Answers a {@link ReservationResult}; a refusal is an event too.
     */
    public record ReserveMachineTime(
            @TargetAggregateIdentifier FactoryId factoryId,
            JobId jobId,
            MemberId memberId,
            String machineType,
            int hours,
            LocalDate earliestStart,
            LocalDate deadline)
            implements FactoryCommand {}

    /** Give back a job's machine time from today on (days already past stay booked: they were used). */
    public record ReleaseMachineTime(
            @TargetAggregateIdentifier FactoryId factoryId, JobId jobId, String reason) implements FactoryCommand {}

    /** A finished job gives back its days after today (today's hours were used and stay booked). */
    public record ReleaseUnusedMachineTime(
            @TargetAggregateIdentifier FactoryId factoryId, JobId jobId) implements FactoryCommand {}

    /** Move a job's future machine time to machines that are available, within its original window. */
    public record RebookMachineTime(
            @TargetAggregateIdentifier FactoryId factoryId, JobId jobId, String requestedBy)
            implements FactoryCommand {}

    /** Answer of ReserveMachineTime and RebookMachineTime: the allocations, or why there are none. */
    public record ReservationResult(
            boolean reserved, List<Allocation> allocations, ReservationRejection rejection, String reason) {

        public static ReservationResult reserved(List<Allocation> allocations) {
            return new ReservationResult(true, List.copyOf(allocations), null, null);
        }

        public static ReservationResult rejected(ReservationRejection rejection, String reason) {
            return new ReservationResult(false, List.of(), rejection, reason);
        }
    }

    /** Make a user one of the factory's staff (idempotent); they work on its tasks and operate its machines. */
    public record AssignFactoryStaff(
            @TargetAggregateIdentifier FactoryId factoryId, String userId, String reason, String assignedBy)
            implements FactoryCommand {}

    /** Take a user off the factory's staff (idempotent). */
    public record RemoveFactoryStaff(
            @TargetAggregateIdentifier FactoryId factoryId, String userId, String reason, String removedBy)
            implements FactoryCommand {}

    /**
     * Record, once, the staff a factory had before staff changes were events (its Camunda group's members): a no-op
     * for a factory whose staff changes are recorded already.
     */
    public record ImportFactoryStaff(
            @TargetAggregateIdentifier FactoryId factoryId, List<String> userIds) implements FactoryCommand {}
}
