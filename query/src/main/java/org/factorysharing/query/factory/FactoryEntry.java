package org.factorysharing.query.factory;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.factorysharing.api.factory.FactoryStatus;
import org.factorysharing.api.factory.MachineStatus;

/** A row of the factory registry; the detail view adds its machines and last inspection. */
@Entity
@Table(name = "factory_registry")
class FactoryEntry {

    @Id
    @Column(name = "factory_id")
    String factoryId;

    String name;
    String province;
    String regency;
    String commodity;

    @Column(name = "commodity_code")
    String commodityCode;

    String operator;

    @Enumerated(EnumType.STRING)
    FactoryStatus status;

    @Column(name = "status_reason")
    String statusReason;

    @Column(name = "staff_group")
    String staffGroup;

    @Column(name = "installation_due_on")
    LocalDate installationDueOn;
    /** Installed machines (planned ones do not count); kept for the registry list. */
    @Column(name = "installed_machines")
    int installedMachines;
    /** Sum of the installed machines' capacity. */
    @Column(name = "capacity_hours_per_day")
    int capacityHoursPerDay;

    @Column(name = "inspection_passed")
    Boolean inspectionPassed;

    @Column(name = "inspection_findings")
    String inspectionFindings;

    @Column(name = "inspected_by")
    String inspectedBy;

    @Column(name = "inspected_at")
    Instant inspectedAt;

    @Column(name = "commissioned_by")
    String commissionedBy;

    @Column(name = "commissioned_at")
    Instant commissionedAt;

    @Column(name = "proposed_by")
    String proposedBy;

    @Column(name = "proposed_at")
    Instant proposedAt;

    @Column(name = "updated_at")
    Instant updatedAt;

    @ElementCollection
    @CollectionTable(name = "factory_machine", joinColumns = @JoinColumn(name = "factory_id"))
    @OrderBy("machineId")
    List<MachineEntry> machines = new ArrayList<>();

    protected FactoryEntry() {}

    FactoryEntry(String factoryId) {
        this.factoryId = factoryId;
    }

    Optional<MachineEntry> machine(String machineId) {
        return machines.stream().filter(m -> m.machineId.equals(machineId)).findFirst();
    }

    MachineEntry machineOrNew(String machineId) {
        return machine(machineId).orElseGet(() -> {
            MachineEntry created = new MachineEntry(machineId);
            machines.add(created);
            return created;
        });
    }

    /** Recomputes the registry's machine count and capacity from the machines. */
    void recount() {
        List<MachineEntry> installed =
                machines.stream().filter(m -> m.status != MachineStatus.PLANNED).toList();
        installedMachines = installed.size();
        capacityHoursPerDay =
                installed.stream().mapToInt(m -> m.capacityHoursPerDay).sum();
    }
}
