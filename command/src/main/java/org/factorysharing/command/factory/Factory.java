package org.factorysharing.command.factory;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;
import static org.factorysharing.command.shared.Require.text;
import static org.factorysharing.command.shared.Require.that;
import static org.factorysharing.command.shared.Require.today;
import static org.factorysharing.command.shared.Require.usableDate;
import static org.factorysharing.command.shared.Require.violation;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CommandHandlerInterceptor;
import org.axonframework.serialization.Revision;
import org.axonframework.spring.stereotype.Aggregate;
import org.factorysharing.api.factory.Allocation;
import org.factorysharing.api.factory.FactoryCommands.AssignFactoryStaff;
import org.factorysharing.api.factory.FactoryCommands.CommissionFactory;
import org.factorysharing.api.factory.FactoryCommands.DecommissionFactory;
import org.factorysharing.api.factory.FactoryCommands.EndMachineMaintenance;
import org.factorysharing.api.factory.FactoryCommands.ImportFactoryStaff;
import org.factorysharing.api.factory.FactoryCommands.InstallMachine;
import org.factorysharing.api.factory.FactoryCommands.ProposeFactory;
import org.factorysharing.api.factory.FactoryCommands.RebookMachineTime;
import org.factorysharing.api.factory.FactoryCommands.RecordInspection;
import org.factorysharing.api.factory.FactoryCommands.ReleaseMachineTime;
import org.factorysharing.api.factory.FactoryCommands.ReleaseUnusedMachineTime;
import org.factorysharing.api.factory.FactoryCommands.RemoveFactoryStaff;
import org.factorysharing.api.factory.FactoryCommands.ReservationResult;
import org.factorysharing.api.factory.FactoryCommands.ReserveMachineTime;
import org.factorysharing.api.factory.FactoryCommands.ResumeFactory;
import org.factorysharing.api.factory.FactoryCommands.StartMachineMaintenance;
import org.factorysharing.api.factory.FactoryCommands.SuspendFactory;
import org.factorysharing.api.factory.FactoryEvent.FactoryCommissioned;
import org.factorysharing.api.factory.FactoryEvent.FactoryDecommissioned;
import org.factorysharing.api.factory.FactoryEvent.FactoryInspected;
import org.factorysharing.api.factory.FactoryEvent.FactoryProposed;
import org.factorysharing.api.factory.FactoryEvent.FactoryResumed;
import org.factorysharing.api.factory.FactoryEvent.FactoryStaffAssigned;
import org.factorysharing.api.factory.FactoryEvent.FactoryStaffRemoved;
import org.factorysharing.api.factory.FactoryEvent.FactorySuspended;
import org.factorysharing.api.factory.FactoryEvent.MachineInstalled;
import org.factorysharing.api.factory.FactoryEvent.MachineMaintenanceEnded;
import org.factorysharing.api.factory.FactoryEvent.MachineMaintenanceStarted;
import org.factorysharing.api.factory.FactoryEvent.MachineTimeReleased;
import org.factorysharing.api.factory.FactoryEvent.MachineTimeReservationRejected;
import org.factorysharing.api.factory.FactoryEvent.MachineTimeReserved;
import org.factorysharing.api.factory.FactoryEvent.ReservationFlaggedForRescheduling;
import org.factorysharing.api.factory.FactoryId;
import org.factorysharing.api.factory.FactoryStatus;
import org.factorysharing.api.factory.MachinePlan;
import org.factorysharing.api.factory.ReservationRejection;
import org.factorysharing.api.job.JobId;
import org.factorysharing.api.member.MemberId;
import org.factorysharing.api.region.RegionId;
import org.factorysharing.api.shared.ActorMetaData;
import org.factorysharing.api.shared.BusinessRuleViolation;
import org.factorysharing.api.shared.Codes;
import org.factorysharing.api.shared.Groups;
import org.factorysharing.api.shared.NotPermitted;
import org.factorysharing.command.factory.MachineTimeLedger.MachineCapacity;
import org.factorysharing.command.factory.MachineTimeLedger.Reservation;
import org.factorysharing.command.shared.Acting;

/**
 * A shared factory: its commissioning, its machines and the machine-time ledger. The ledger lives here
 * because its invariant (booked hours of a machine on a day never exceed its capacity) depends on the
 * machines and their maintenance; one aggregate per factory means bookings on different factories never
 * wait for each other. Snapshotted and cached (see AxonConfiguration): a factory carries a year of bookings.
 */
@Aggregate(snapshotTriggerDefinition = "factorySnapshotTrigger", cache = "factoryCache")
@Revision("3") // snapshots of another revision are ignored and the factory is rebuilt from its events
@JsonAutoDetect(
        fieldVisibility = JsonAutoDetect.Visibility.ANY,
        getterVisibility = JsonAutoDetect.Visibility.NONE,
        isGetterVisibility = JsonAutoDetect.Visibility.NONE)
class Factory {

    static final int MAX_CAPACITY_HOURS_PER_DAY = 24;
    static final int MAX_WINDOW_DAYS = 366;
    /** Who recorded the staff a factory had before staff changes were events. */
    static final String IMPORTED_BY = "system:staff-import";

    @AggregateIdentifier
    private FactoryId factoryId;

    private FactoryStatus status;
    private String province;
    private String regency;
    private String commodityCode;
    /** machine id -> machine, in id order so that allocation is deterministic. */
    private final TreeMap<String, Machine> machines = new TreeMap<>();

    private String lastInspector;
    private boolean lastInspectionPassed;
    private final MachineTimeLedger ledger = new MachineTimeLedger();
    /** The users of the factory's staff group, and whether any staff change was ever recorded as an event. */
    private final TreeSet<String> staff = new TreeSet<>();

    private boolean staffRecorded;

    /** An installed machine. */
    record Machine(String machineType, int capacityHoursPerDay, boolean inMaintenance) {}

    Factory() {
        // for Axon: rebuilt from its events or a snapshot
    }

    @CommandHandler
    Factory(ProposeFactory cmd) {
        String name = text(cmd.name(), "name");
        String commodity = text(cmd.commodity(), "commodity");
        that(cmd.plannedMachines() != null && !cmd.plannedMachines().isEmpty(), "plannedMachines must not be empty");
        Set<String> ids = new HashSet<>();
        List<MachinePlan> plans = new ArrayList<>();
        for (MachinePlan plan : cmd.plannedMachines()) {
            that(plan != null, "plannedMachines must not contain empty entries");
            String machineId = text(plan.machineId(), "plannedMachines.machineId");
            that(ids.add(machineId), "plannedMachines: machine id " + machineId + " appears twice");
            requireCapacity(plan.capacityHoursPerDay());
            plans.add(new MachinePlan(
                    machineId, text(plan.machineType(), "plannedMachines.machineType"), plan.capacityHoursPerDay()));
        }
        usableDate(cmd.installationDueOn(), "installationDueOn");
        apply(new FactoryProposed(
                cmd.factoryId(),
                name,
                text(cmd.province(), "province"),
                text(cmd.regency(), "regency"),
                commodity,
                commodityCode(commodity),
                text(cmd.operator(), "operator"),
                List.copyOf(plans),
                cmd.installationDueOn(),
                cmd.factoryId().staffGroup(),
                cmd.proposedBy()));
    }

    static String commodityCode(String commodity) {
        String code = Codes.of(commodity);
        that(!code.isEmpty(), "commodity must contain letters or digits");
        return code;
    }

    @CommandHandler
    void handle(InstallMachine cmd) {
        String machineId = text(cmd.machineId(), "machineId");
        String machineType = text(cmd.machineType(), "machineType");
        requireCapacity(cmd.capacityHoursPerDay());
        requireNotDecommissioned();
        Machine existing = machines.get(machineId);
        if (existing != null) {
            if (existing.machineType().equals(machineType)
                    && existing.capacityHoursPerDay() == cmd.capacityHoursPerDay()) {
                return; // the same installation reported again (a retried task): nothing new
            }
            throw violation(
                    "machine.id-taken",
                    "machine ids are unique within a factory; " + machineId + " is already installed as a "
                            + existing.machineType());
        }
        if (status == FactoryStatus.INSPECTED) {
            throw violation(
                    "factory.inspected",
                    "an inspected factory takes no new machines before commissioning:"
                            + " they would not be covered by the inspection");
        }
        apply(new MachineInstalled(factoryId, machineId, machineType, cmd.capacityHoursPerDay(), cmd.installedBy()));
    }

    @CommandHandler
    void handle(RecordInspection cmd) {
        requireNotDecommissioned();
        if (status != FactoryStatus.INSTALLING && status != FactoryStatus.INSPECTED) {
            throw violation(
                    "factory.not-installing",
                    "only a factory with installed machines that is not yet"
                            + " commissioned can be inspected; this factory is " + status);
        }
        String findings = cmd.findings() == null || cmd.findings().isBlank()
                ? null
                : cmd.findings().strip();
        that(cmd.passed() || findings != null, "findings are required when the inspection fails");
        apply(new FactoryInspected(factoryId, cmd.passed(), findings, text(cmd.inspectedBy(), "inspectedBy")));
    }

    @CommandHandler
    void handle(CommissionFactory cmd) {
        String signedOffBy = text(cmd.signedOffBy(), "signedOffBy");
        if (status == FactoryStatus.COMMISSIONED) {
            return;
        }
        requireNotDecommissioned();
        if (machines.isEmpty()) {
            throw violation("factory.no-machines", "a factory cannot be commissioned without at least one machine");
        }
        if (status != FactoryStatus.INSPECTED || !lastInspectionPassed) {
            throw violation(
                    "factory.not-inspected",
                    "a factory cannot be commissioned without a passed inspection;" + " this factory is " + status);
        }
        if (signedOffBy.equals(lastInspector)) {
            throw violation(
                    "factory.four-eyes",
                    "the commissioning sign-off must be by an officer other than the" + " inspector (" + lastInspector
                            + ")");
        }
        apply(new FactoryCommissioned(factoryId, signedOffBy, lastInspector));
    }

    @CommandHandler
    void handle(SuspendFactory cmd) {
        String reason = text(cmd.reason(), "reason");
        switch (status) {
            case SUSPENDED -> {}
            case COMMISSIONED -> apply(new FactorySuspended(factoryId, reason, cmd.suspendedBy()));
            case DECOMMISSIONED -> throw decommissioned();
            default ->
                throw violation(
                        "factory.not-commissioned",
                        "only a commissioned factory can be suspended; this factory is " + status);
        }
    }

    @CommandHandler
    void handle(ResumeFactory cmd) {
        switch (status) {
            case COMMISSIONED -> {}
            case SUSPENDED -> apply(new FactoryResumed(factoryId, cmd.resumedBy()));
            case DECOMMISSIONED -> throw decommissioned();
            default ->
                throw violation(
                        "factory.not-suspended", "only a suspended factory can be resumed; this factory is " + status);
        }
    }

    @CommandHandler
    void handle(DecommissionFactory cmd) {
        String reason = text(cmd.reason(), "reason");
        if (status == FactoryStatus.DECOMMISSIONED) {
            return;
        }
        List<String> holding = ledger.jobsHolding(a -> true, today());
        if (!holding.isEmpty()) {
            throw violation(
                    "factory.jobs-booked",
                    holding.size() + " job(s) still hold machine time from today on;"
                            + " cancel or move them before the factory is decommissioned");
        }
        apply(new FactoryDecommissioned(factoryId, reason, cmd.decommissionedBy()));
    }

    @CommandHandler
    void handle(StartMachineMaintenance cmd) {
        String reason = text(cmd.reason(), "reason");
        requireNotDecommissioned();
        String machineId = text(cmd.machineId(), "machineId");
        if (installed(machineId).inMaintenance()) {
            return;
        }
        LocalDate from = today();
        List<String> affected = ledger.jobsHolding(a -> a.machineId().equals(machineId), from);
        apply(new MachineMaintenanceStarted(
                factoryId,
                machineId,
                reason,
                from,
                affected.stream().map(JobId::new).toList(),
                cmd.startedBy()));
        for (String jobId : affected) {
            apply(new ReservationFlaggedForRescheduling(
                    factoryId,
                    new JobId(jobId),
                    machineId,
                    ledger.futureAllocationsOf(jobId, from).stream()
                            .filter(a -> a.machineId().equals(machineId))
                            .toList()));
        }
    }

    @CommandHandler
    void handle(EndMachineMaintenance cmd) {
        requireNotDecommissioned();
        String machineId = text(cmd.machineId(), "machineId");
        if (installed(machineId).inMaintenance()) {
            apply(new MachineMaintenanceEnded(factoryId, machineId, today(), cmd.endedBy()));
        }
    }

    /**
     * Books whole machine-hours on operational machines of the type, earliest days first. A refusal the member
     * should see is recorded as an event and answered, not thrown. A repeated request for the same job answers
     * what it already holds.
     */
    @CommandHandler
    ReservationResult handle(ReserveMachineTime cmd) {
        that(cmd.jobId() != null && cmd.memberId() != null, "jobId and memberId are required");
        String machineType = text(cmd.machineType(), "machineType");
        that(cmd.hours() > 0, "hours must be at least 1");
        usableDate(cmd.earliestStart(), "earliestStart");
        usableDate(cmd.deadline(), "deadline");
        that(!cmd.deadline().isBefore(cmd.earliestStart()), "deadline must not be before earliestStart");
        that(
                !cmd.deadline().isAfter(cmd.earliestStart().plusDays(MAX_WINDOW_DAYS)),
                "the booking window must not exceed " + MAX_WINDOW_DAYS + " days");
        Reservation existing = ledger.reservationOf(cmd.jobId().value());
        if (existing != null) {
            return ReservationResult.reserved(existing.allocations());
        }
        ReservationResult outcome = allocate(machineType, cmd.hours(), cmd.earliestStart(), cmd.deadline(), null);
        if (outcome.reserved()) {
            apply(new MachineTimeReserved(
                    factoryId,
                    cmd.jobId(),
                    cmd.memberId(),
                    machineType,
                    cmd.hours(),
                    cmd.earliestStart(),
                    cmd.deadline(),
                    outcome.allocations()));
        } else {
            apply(new MachineTimeReservationRejected(
                    factoryId,
                    cmd.jobId(),
                    cmd.memberId(),
                    machineType,
                    cmd.hours(),
                    outcome.rejection(),
                    outcome.reason()));
        }
        return outcome;
    }

    @CommandHandler
    void handle(ReleaseMachineTime cmd) {
        String reason = text(cmd.reason(), "reason");
        List<Allocation> future = ledger.futureAllocationsOf(cmd.jobId().value(), today());
        if (!future.isEmpty()) {
            apply(new MachineTimeReleased(factoryId, cmd.jobId(), future, reason));
        }
    }

    @CommandHandler
    void handle(ReleaseUnusedMachineTime cmd) {
        List<Allocation> unused = ledger.futureAllocationsOf(cmd.jobId().value(), today().plusDays(1));
        if (!unused.isEmpty()) {
            apply(new MachineTimeReleased(factoryId, cmd.jobId(), unused, "completed"));
        }
    }

    /** Moves a job's future time within its original window; when it does not fit, the job keeps what it has. */
    @CommandHandler
    ReservationResult handle(RebookMachineTime cmd) {
        String jobId = cmd.jobId().value();
        Reservation reservation = ledger.reservationOf(jobId);
        if (reservation == null) {
            throw violation("reservation.unknown", "job " + jobId + " holds no machine time in this factory");
        }
        LocalDate today = today();
        List<Allocation> future = ledger.futureAllocationsOf(jobId, today);
        int hours = future.stream().mapToInt(Allocation::hours).sum();
        if (hours == 0) {
            return ReservationResult.reserved(reservation.allocations());
        }
        ReservationResult outcome =
                allocate(reservation.machineType(), hours, reservation.earliestStart(), reservation.deadline(), jobId);
        if (!outcome.reserved()) {
            apply(new MachineTimeReservationRejected(
                    factoryId,
                    cmd.jobId(),
                    new MemberId(reservation.memberId()),
                    reservation.machineType(),
                    hours,
                    outcome.rejection(),
                    "rebooking: " + outcome.reason()));
            return outcome;
        }
        if (!outcome.allocations().equals(future)) {
            apply(new MachineTimeReleased(factoryId, cmd.jobId(), future, "rescheduled"));
            apply(new MachineTimeReserved(
                    factoryId,
                    cmd.jobId(),
                    new MemberId(reservation.memberId()),
                    reservation.machineType(),
                    hours,
                    reservation.earliestStart(),
                    reservation.deadline(),
                    outcome.allocations()));
        }
        return ReservationResult.reserved(ledger.reservationOf(jobId).allocations());
    }

    private ReservationResult allocate(
            String machineType, int hours, LocalDate earliestStart, LocalDate deadline, String movingJob) {
        if (status != FactoryStatus.COMMISSIONED) {
            return ReservationResult.rejected(
                    ReservationRejection.FACTORY_NOT_OPERATIONAL, "the factory is " + status + ", not commissioned");
        }
        List<MachineCapacity> candidates = machines.entrySet().stream()
                .filter(e -> e.getValue().machineType().equals(machineType)
                        && !e.getValue().inMaintenance())
                .map(e -> new MachineCapacity(e.getKey(), e.getValue().capacityHoursPerDay()))
                .toList();
        if (candidates.isEmpty()) {
            return ReservationResult.rejected(
                    ReservationRejection.NO_MACHINE_OF_TYPE, "the factory has no " + machineType + " in operation");
        }
        LocalDate from = earliestStart.isBefore(today()) ? today() : earliestStart;
        if (from.isAfter(deadline)) {
            return ReservationResult.rejected(
                    ReservationRejection.NO_CAPACITY,
                    "the window ended on " + deadline + " before the time could be reserved");
        }
        List<Allocation> allocations = ledger.allocate(candidates, from, deadline, hours, movingJob);
        if (allocations.isEmpty()) {
            return ReservationResult.rejected(
                    ReservationRejection.NO_CAPACITY,
                    "not enough free " + machineType + " time between " + from + " and " + deadline + " for " + hours
                            + " machine-hours");
        }
        return ReservationResult.reserved(allocations);
    }

    /** What a programme wave records about the factory when enrolling it. */
    FactoryProfiles.FactoryProfile profile() {
        return new FactoryProfiles.FactoryProfile(factoryId, status, RegionId.of(province, regency), commodityCode);
    }

    private Machine installed(String machineId) {
        Machine machine = machines.get(text(machineId, "machineId"));
        if (machine == null) {
            throw violation("machine.unknown", "the factory has no installed machine " + machineId);
        }
        return machine;
    }

    /**
     * Machines are operated only by officers, admins and the factory's own staff (the system, a bridge or a timer,
     * may always), whichever door the command came through.
     */
    @CommandHandlerInterceptor
    Object checkOperator(CommandMessage<?> command, InterceptorChain chain) throws Exception {
        Object payload = command.getPayload();
        if (payload instanceof InstallMachine
                || payload instanceof StartMachineMaintenance
                || payload instanceof EndMachineMaintenance) {
            Acting acting = Acting.of(
                    (String) command.getMetaData().get(ActorMetaData.USER_ID),
                    groupsOf(command.getMetaData().get(ActorMetaData.GROUPS)));
            if (acting.userId() != null
                    && !acting.groups().contains(Groups.OFFICERS)
                    && !acting.groups().contains(Groups.ADMINS)
                    && !acting.groups().contains(factoryId.staffGroup())) {
                throw new NotPermitted(
                        "only officers, admins and the staff of factory " + factoryId + " operate its machines");
            }
        }
        return chain.proceed();
    }

    @SuppressWarnings("unchecked")
    private static List<String> groupsOf(Object groups) {
        return groups instanceof List<?> list ? (List<String>) list : List.of();
    }

    @CommandHandler
    void handle(AssignFactoryStaff cmd) {
        String userId = text(cmd.userId(), "userId");
        String assignedBy = text(cmd.assignedBy(), "assignedBy");
        if (staff.contains(userId)) {
            return;
        }
        requireNotDecommissioned();
        apply(new FactoryStaffAssigned(factoryId, userId, stripped(cmd.reason()), assignedBy));
    }

    @CommandHandler
    void handle(RemoveFactoryStaff cmd) {
        String userId = text(cmd.userId(), "userId");
        String removedBy = text(cmd.removedBy(), "removedBy");
        if (staff.contains(userId)) {
            apply(new FactoryStaffRemoved(factoryId, userId, stripped(cmd.reason()), removedBy));
        }
    }

    @CommandHandler
    void handle(ImportFactoryStaff cmd) {
        that(cmd.userIds() != null, "userIds is required");
        if (staffRecorded) {
            return;
        }
        TreeSet<String> users = new TreeSet<>();
        cmd.userIds().forEach(userId -> users.add(text(userId, "userIds")));
        users.forEach(userId -> apply(new FactoryStaffAssigned(
                factoryId, userId, "staff member before staff changes were recorded", IMPORTED_BY)));
    }

    private static String stripped(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    private void requireNotDecommissioned() {
        if (status == FactoryStatus.DECOMMISSIONED) {
            throw decommissioned();
        }
    }

    private static BusinessRuleViolation decommissioned() {
        return violation("factory.decommissioned", "a decommissioned factory accepts nothing");
    }

    private static void requireCapacity(int hours) {
        that(
                hours >= 1 && hours <= MAX_CAPACITY_HOURS_PER_DAY,
                "capacityHoursPerDay must be between 1 and " + MAX_CAPACITY_HOURS_PER_DAY);
    }

    @EventSourcingHandler
    void on(FactoryStaffAssigned event) {
        staff.add(event.userId());
        staffRecorded = true;
    }

    @EventSourcingHandler
    void on(FactoryStaffRemoved event) {
        staff.remove(event.userId());
        staffRecorded = true;
    }

    @EventSourcingHandler
    void on(FactoryProposed event) {
        factoryId = event.factoryId();
        status = FactoryStatus.PROPOSED;
        province = event.province();
        regency = event.regency();
        commodityCode = event.commodityCode();
    }

    @EventSourcingHandler
    void on(MachineInstalled event) {
        machines.put(event.machineId(), new Machine(event.machineType(), event.capacityHoursPerDay(), false));
        if (status == FactoryStatus.PROPOSED) {
            status = FactoryStatus.INSTALLING;
        }
    }

    @EventSourcingHandler
    void on(FactoryInspected event) {
        lastInspector = event.inspectedBy();
        lastInspectionPassed = event.passed();
        status = event.passed() ? FactoryStatus.INSPECTED : FactoryStatus.INSTALLING;
    }

    @EventSourcingHandler
    void on(FactoryCommissioned event) {
        status = FactoryStatus.COMMISSIONED;
    }

    @EventSourcingHandler
    void on(FactorySuspended event) {
        status = FactoryStatus.SUSPENDED;
    }

    @EventSourcingHandler
    void on(FactoryResumed event) {
        status = FactoryStatus.COMMISSIONED;
    }

    @EventSourcingHandler
    void on(FactoryDecommissioned event) {
        status = FactoryStatus.DECOMMISSIONED;
    }

    @EventSourcingHandler
    void on(MachineMaintenanceStarted event) {
        machines.computeIfPresent(
                event.machineId(), (id, m) -> new Machine(m.machineType(), m.capacityHoursPerDay(), true));
    }

    @EventSourcingHandler
    void on(MachineMaintenanceEnded event) {
        machines.computeIfPresent(
                event.machineId(), (id, m) -> new Machine(m.machineType(), m.capacityHoursPerDay(), false));
    }

    @EventSourcingHandler
    void on(MachineTimeReserved event) {
        ledger.reserve(
                event.jobId().value(),
                event.memberId().value(),
                event.machineType(),
                event.earliestStart(),
                event.deadline(),
                event.allocations());
    }

    @EventSourcingHandler
    void on(MachineTimeReleased event) {
        ledger.release(event.jobId().value(), event.released());
    }
}
