package org.factorysharing.server.factory;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.factorysharing.api.factory.FactoryCommands.AssignFactoryStaff;
import org.factorysharing.api.factory.FactoryCommands.DecommissionFactory;
import org.factorysharing.api.factory.FactoryCommands.EndMachineMaintenance;
import org.factorysharing.api.factory.FactoryCommands.InstallMachine;
import org.factorysharing.api.factory.FactoryCommands.ProposeFactory;
import org.factorysharing.api.factory.FactoryCommands.RemoveFactoryStaff;
import org.factorysharing.api.factory.FactoryCommands.ResumeFactory;
import org.factorysharing.api.factory.FactoryCommands.StartMachineMaintenance;
import org.factorysharing.api.factory.FactoryCommands.SuspendFactory;
import org.factorysharing.api.factory.FactoryId;
import org.factorysharing.api.factory.FactoryQueries.CapacityCalendarView;
import org.factorysharing.api.factory.FactoryQueries.FactoryPage;
import org.factorysharing.api.factory.FactoryQueries.FactoryStaffView;
import org.factorysharing.api.factory.FactoryQueries.FactoryTimelineView;
import org.factorysharing.api.factory.FactoryQueries.FactoryView;
import org.factorysharing.api.factory.FactoryQueries.FindCapacityCalendar;
import org.factorysharing.api.factory.FactoryQueries.FindFactories;
import org.factorysharing.api.factory.FactoryQueries.FindFactory;
import org.factorysharing.api.factory.FactoryQueries.FindFactoryStaff;
import org.factorysharing.api.factory.FactoryQueries.FindFactoryTimeline;
import org.factorysharing.api.factory.FactoryQueries.FindMonthlyUtilisation;
import org.factorysharing.api.factory.FactoryQueries.FindUtilisation;
import org.factorysharing.api.factory.FactoryQueries.MonthlyUtilisationView;
import org.factorysharing.api.factory.FactoryQueries.StaffMemberView;
import org.factorysharing.api.factory.FactoryQueries.UtilisationView;
import org.factorysharing.api.factory.FactoryStatus;
import org.factorysharing.api.shared.IdentityQueries.FindUser;
import org.factorysharing.api.shared.IdentityQueries.UserView;
import org.factorysharing.api.shared.InvalidField;
import org.factorysharing.api.shared.NotFound;
import org.factorysharing.api.shared.ProgrammeTime;
import org.factorysharing.server.factory.FactoryRequests.MachineRequest;
import org.factorysharing.server.factory.FactoryRequests.ProposeFactoryRequest;
import org.factorysharing.server.web.DateWindow;
import org.factorysharing.server.web.MachineTypeCode;
import org.factorysharing.server.web.PlainText;
import org.factorysharing.server.web.ProgrammeDate;
import org.factorysharing.server.web.ReasonRequest;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Shared factories: propose, install machines, suspend, resume and decommission, machine maintenance, the
 * capacity calendar, utilisation and the staff group. Inspection and sign-off are workflow tasks (/api/tasks).
 * Commands answer as soon as the events are stored; the registry follows within moments.
 */
@RestController
@RequestMapping("/api/factories")
@Validated
@Tag(name = "Factories", description = "Shared factories (Rumah Produksi Bersama), their machines and capacity")
class FactoryController {

    /** A calendar or utilisation period spans at most a year (a leap year included). */
    static final int MAX_PERIOD_DAYS = 366;

    private final CommandGateway commands;
    private final QueryGateway queries;

    FactoryController(CommandGateway commands, QueryGateway queries) {
        this.commands = commands;
        this.queries = queries;
    }

    @PostMapping
    @Operation(
            summary = "Propose a factory with its planned machines (starts commissioning)",
            description = "Creates the factory's staff group; installation is due by installationDueOn.")
    @ResponseStatus(HttpStatus.CREATED)
    ResponseEntity<FactoryProposedView> propose(
            @Valid @RequestBody ProposeFactoryRequest request, Authentication user) {
        if (!request.installationDueOn().isAfter(DateWindow.today())) {
            throw new InvalidField("installationDueOn", "must be after today (" + ProgrammeTime.ZONE + ")");
        }
        requireUniqueMachineIds(request.plannedMachines());
        FactoryId factoryId = FactoryId.newId();
        commands.sendAndWait(new ProposeFactory(
                factoryId,
                request.name(),
                request.province(),
                request.regency(),
                request.commodity(),
                request.operator(),
                request.plannedMachines().stream().map(MachineRequest::toPlan).toList(),
                request.installationDueOn(),
                user.getName()));
        return ResponseEntity.created(URI.create("/api/factories/" + factoryId.value()))
                .body(new FactoryProposedView(factoryId.value(), FactoryStatus.PROPOSED, factoryId.staffGroup()));
    }

    @GetMapping
    @Operation(summary = "Factory registry: filter by status, province and commodity code; ordered by name")
    FactoryPage list(
            @RequestParam(required = false) FactoryStatus status,
            @RequestParam(required = false) @PlainText @Size(max = 100) String province,
            @RequestParam(required = false) @PlainText @Size(max = 100) String commodityCode,
            @RequestParam(defaultValue = "0") @Min(0) @Max(1_000_000) int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(200) int size) {
        return queries.query(
                        new FindFactories(status, blankToNull(province), blankToNull(commodityCode), page, size),
                        FactoryPage.class)
                .join();
    }

    @GetMapping("/{factoryId}")
    @Operation(summary = "Factory detail with its machines and last inspection")
    FactoryView get(@PathVariable String factoryId) {
        return queries.query(
                        new FindFactory(new FactoryId(factoryId)), ResponseTypes.optionalInstanceOf(FactoryView.class))
                .join()
                .orElseThrow(() -> new NotFound("factory " + factoryId));
    }

    @PostMapping("/{factoryId}/machines")
    @Operation(
            summary = "Install a machine directly (e.g. an extra machine for a commissioned factory)",
            description = "Officers, admins and the factory's own staff. 409 when the factory takes no machines.")
    ResponseEntity<Void> install(
            @PathVariable String factoryId, @Valid @RequestBody MachineRequest request, Authentication user) {
        FactoryId id = new FactoryId(factoryId);
        commands.sendAndWait(new InstallMachine(
                id, request.machineId(), request.machineType(), request.capacityHoursPerDay(), user.getName()));
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/{factoryId}/suspension")
    @Operation(summary = "Suspend a commissioned factory")
    ResponseEntity<Void> suspend(
            @PathVariable String factoryId, @Valid @RequestBody ReasonRequest request, Authentication user) {
        commands.sendAndWait(new SuspendFactory(new FactoryId(factoryId), request.reason(), user.getName()));
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/{factoryId}/resumption")
    @Operation(summary = "Resume a suspended factory")
    ResponseEntity<Void> resume(@PathVariable String factoryId, Authentication user) {
        commands.sendAndWait(new ResumeFactory(new FactoryId(factoryId), user.getName()));
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/{factoryId}/decommissioning")
    @Operation(
            summary = "Decommission a factory for good",
            description = "409 while jobs still hold future machine time.")
    ResponseEntity<Void> decommission(
            @PathVariable String factoryId, @Valid @RequestBody ReasonRequest request, Authentication user) {
        commands.sendAndWait(new DecommissionFactory(new FactoryId(factoryId), request.reason(), user.getName()));
        return ResponseEntity.noContent().build();
    }

    @PutMapping("/{factoryId}/machines/{machineId}/maintenance")
    @Operation(
            summary = "Put a machine into maintenance",
            description = "Jobs holding its future time are flagged for rescheduling.")
    ResponseEntity<Void> startMaintenance(
            @PathVariable String factoryId,
            @PathVariable String machineId,
            @Valid @RequestBody ReasonRequest request,
            Authentication user) {
        FactoryId id = new FactoryId(factoryId);
        commands.sendAndWait(new StartMachineMaintenance(id, machineId, request.reason(), user.getName()));
        return ResponseEntity.noContent().build();
    }

    @DeleteMapping("/{factoryId}/machines/{machineId}/maintenance")
    @Operation(summary = "Bring a machine back from maintenance")
    ResponseEntity<Void> endMaintenance(
            @PathVariable String factoryId, @PathVariable String machineId, Authentication user) {
        FactoryId id = new FactoryId(factoryId);
        commands.sendAndWait(new EndMachineMaintenance(id, machineId, user.getName()));
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/{factoryId}/calendar")
    @Operation(
            summary = "Capacity calendar: per machine per day capacity, booked and free hours",
            description = "from..to inclusive, at most 366 days; machineType narrows it to one type.")
    CapacityCalendarView calendar(
            @PathVariable String factoryId,
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @ProgrammeDate LocalDate from,
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @ProgrammeDate LocalDate to,
            @RequestParam(required = false) @MachineTypeCode String machineType) {
        DateWindow.require("from", from, "to", to, MAX_PERIOD_DAYS);
        return queries.query(
                        new FindCapacityCalendar(new FactoryId(factoryId), from, to, machineType),
                        ResponseTypes.optionalInstanceOf(CapacityCalendarView.class))
                .join()
                .orElseThrow(() -> new NotFound("factory " + factoryId));
    }

    @GetMapping("/{factoryId}/utilisation")
    @Operation(
            summary = "Booked against available machine-hours, per factory and machine",
            description = "from..to inclusive, at most 366 days.")
    UtilisationView utilisation(
            @PathVariable String factoryId,
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @ProgrammeDate LocalDate from,
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @ProgrammeDate LocalDate to) {
        DateWindow.require("from", from, "to", to, MAX_PERIOD_DAYS);
        return queries.query(
                        new FindUtilisation(new FactoryId(factoryId), from, to),
                        ResponseTypes.optionalInstanceOf(UtilisationView.class))
                .join()
                .orElseThrow(() -> new NotFound("factory " + factoryId));
    }

    @GetMapping("/{factoryId}/utilisation/months")
    @Operation(
            summary = "Booked against available machine-hours of the factory per calendar month",
            description =
                    "Every month that from..to (inclusive, at most 366 days) touches, each clipped to the period.")
    MonthlyUtilisationView monthlyUtilisation(
            @PathVariable String factoryId,
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @ProgrammeDate LocalDate from,
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @ProgrammeDate LocalDate to) {
        DateWindow.require("from", from, "to", to, MAX_PERIOD_DAYS);
        return queries.query(
                        new FindMonthlyUtilisation(new FactoryId(factoryId), from, to),
                        ResponseTypes.optionalInstanceOf(MonthlyUtilisationView.class))
                .join()
                .orElseThrow(() -> new NotFound("factory " + factoryId));
    }

    @GetMapping("/{factoryId}/timeline")
    @Operation(
            summary = "What happened to the factory, oldest first",
            description = "Proposal, installations, inspections, commissioning, maintenance, status and staff changes:"
                    + " who and when.")
    FactoryTimelineView timeline(@PathVariable String factoryId) {
        return queries.query(
                        new FindFactoryTimeline(new FactoryId(factoryId)),
                        ResponseTypes.optionalInstanceOf(FactoryTimelineView.class))
                .join()
                .orElseThrow(() -> new NotFound("factory " + factoryId));
    }

    @GetMapping("/{factoryId}/staff")
    @Operation(summary = "The factory's staff (members of its group factory-<factoryId>-staff)")
    List<StaffMemberView> staff(@PathVariable String factoryId) {
        return queries.query(
                        new FindFactoryStaff(new FactoryId(factoryId)),
                        ResponseTypes.optionalInstanceOf(FactoryStaffView.class))
                .join()
                .orElseThrow(() -> new NotFound("factory " + factoryId))
                .staff();
    }

    @PutMapping("/{factoryId}/staff/{userId}")
    @Operation(
            summary = "Add a user to the factory's staff (idempotent)",
            description = "Staff see and complete the factory's workflow tasks and operate its machines. Recorded as "
                    + "an event (who, when, optionally why); the staff group follows in the same transaction.")
    ResponseEntity<Void> addStaff(
            @PathVariable String factoryId,
            @PathVariable @PlainText @Size(max = 128) String userId,
            @Valid @RequestBody(required = false) OptionalReasonRequest request,
            Authentication user) {
        requireUser(userId);
        commands.sendAndWait(new AssignFactoryStaff(
                new FactoryId(factoryId), userId, request == null ? null : request.reason(), user.getName()));
        return ResponseEntity.noContent().build();
    }

    @DeleteMapping("/{factoryId}/staff/{userId}")
    @Operation(summary = "Remove a user from the factory's staff (idempotent)")
    ResponseEntity<Void> removeStaff(
            @PathVariable String factoryId,
            @PathVariable @PlainText @Size(max = 128) String userId,
            @Valid @RequestBody(required = false) OptionalReasonRequest request,
            Authentication user) {
        requireUser(userId);
        commands.sendAndWait(new RemoveFactoryStaff(
                new FactoryId(factoryId), userId, request == null ? null : request.reason(), user.getName()));
        return ResponseEntity.noContent().build();
    }

    private void requireUser(String userId) {
        if (queries.query(new FindUser(userId), ResponseTypes.optionalInstanceOf(UserView.class))
                .join()
                .isEmpty()) {
            throw new NotFound("user " + userId);
        }
    }

    /** The aggregate refuses duplicates too (409); here the caller learns which entry of the body to fix. */
    private static void requireUniqueMachineIds(List<MachineRequest> machines) {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < machines.size(); i++) {
            if (!seen.add(machines.get(i).machineId())) {
                throw new InvalidField(
                        "plannedMachines[" + i + "].machineId", "machine ids must be unique within a factory");
            }
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    /** Why staff changes, when the officer says so. */
    record OptionalReasonRequest(
            @PlainText @Size(max = 1000) String reason) {
        /** An example for the API documentation; a test checks that it is valid. */
        static final OptionalReasonRequest EXAMPLE = new OptionalReasonRequest("Perawatan mesin press");
    }

    /** Answer to a proposal: where the factory lives, its first status and its staff group. */
    record FactoryProposedView(String factoryId, FactoryStatus status, String staffGroup) {}
}
