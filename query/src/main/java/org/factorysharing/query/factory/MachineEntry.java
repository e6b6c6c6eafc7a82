package org.factorysharing.query.factory;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import java.time.Instant;
import org.factorysharing.api.factory.MachineStatus;

/** A machine of a factory in the registry (row of factory_machine): planned, installed or in maintenance. */
@Embeddable
class MachineEntry {

    @Column(name = "machine_id")
    String machineId;

    @Column(name = "machine_type")
    String machineType;

    @Column(name = "capacity_hours_per_day")
    int capacityHoursPerDay;

    @Enumerated(EnumType.STRING)
    MachineStatus status;

    @Column(name = "maintenance_reason")
    String maintenanceReason;

    @Column(name = "installed_at")
    Instant installedAt;

    protected MachineEntry() {}

    MachineEntry(String machineId) {
        this.machineId = machineId;
    }
}
