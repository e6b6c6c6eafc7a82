package org.factorysharing.query.factory;

import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;
import java.util.function.Consumer;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.Timestamp;
import org.factorysharing.api.factory.FactoryEvent.FactoryCommissioned;
import org.factorysharing.api.factory.FactoryEvent.FactoryDecommissioned;
import org.factorysharing.api.factory.FactoryEvent.FactoryInspected;
import org.factorysharing.api.factory.FactoryEvent.FactoryProposed;
import org.factorysharing.api.factory.FactoryEvent.FactoryResumed;
import org.factorysharing.api.factory.FactoryEvent.FactorySuspended;
import org.factorysharing.api.factory.FactoryEvent.MachineInstalled;
import org.factorysharing.api.factory.FactoryEvent.MachineMaintenanceEnded;
import org.factorysharing.api.factory.FactoryEvent.MachineMaintenanceStarted;
import org.factorysharing.api.factory.FactoryId;
import org.factorysharing.api.factory.FactoryStatus;
import org.factorysharing.api.factory.MachinePlan;
import org.factorysharing.api.factory.MachineStatus;
import org.springframework.stereotype.Component;

/**
 * Feeds the factory registry and detail view. Handlers write absolute values keyed by factory and machine id,
 * so handling an event again leaves the same rows, and a reset rebuilds from scratch. Machine-time events
 * are not registry facts: the capacity calendar keeps those.
 */
@Component
@ProcessingGroup(FactoryRegistryProjection.PROCESSING_GROUP)
class FactoryRegistryProjection {

    static final String PROCESSING_GROUP = "factory-registry";

    /** An inspection moves the status only before commissioning. */
    private static final Set<FactoryStatus> BEFORE_COMMISSIONING =
            EnumSet.of(FactoryStatus.PROPOSED, FactoryStatus.INSTALLING, FactoryStatus.INSPECTED);

    private final FactoryEntryRepository factories;

    FactoryRegistryProjection(FactoryEntryRepository factories) {
        this.factories = factories;
    }

    @EventHandler
    void on(FactoryProposed event, @Timestamp Instant at) {
        FactoryEntry entry = factories.findById(event.factoryId().value()).orElseGet(() -> {
            FactoryEntry created = new FactoryEntry(event.factoryId().value());
            created.status = FactoryStatus.PROPOSED;
            created.proposedAt = at;
            return created;
        });
        entry.name = event.name();
        entry.province = event.province();
        entry.regency = event.regency();
        entry.commodity = event.commodity();
        entry.commodityCode = event.commodityCode();
        entry.operator = event.operator();
        entry.staffGroup = event.staffGroup();
        entry.installationDueOn = event.installationDueOn();
        entry.proposedBy = event.proposedBy();
        for (MachinePlan plan : event.plannedMachines()) {
            MachineEntry machine = entry.machineOrNew(plan.machineId());
            // an installed machine keeps what was really installed
            if (machine.status == null || machine.status == MachineStatus.PLANNED) {
                machine.machineType = plan.machineType();
                machine.capacityHoursPerDay = plan.capacityHoursPerDay();
                machine.status = MachineStatus.PLANNED;
            }
        }
        entry.recount();
        entry.updatedAt = at;
        factories.save(entry);
    }

    @EventHandler
    void on(MachineInstalled event, @Timestamp Instant at) {
        update(event.factoryId(), at, entry -> {
            MachineEntry machine = entry.machineOrNew(event.machineId());
            machine.machineType = event.machineType();
            machine.capacityHoursPerDay = event.capacityHoursPerDay();
            if (machine.status == null || machine.status == MachineStatus.PLANNED) {
                machine.status = MachineStatus.OPERATIONAL;
            }
            machine.installedAt = at;
            if (entry.status == FactoryStatus.PROPOSED) {
                entry.status = FactoryStatus.INSTALLING;
            }
            entry.recount();
        });
    }

    @EventHandler
    void on(FactoryInspected event, @Timestamp Instant at) {
        update(event.factoryId(), at, entry -> {
            entry.inspectionPassed = event.passed();
            entry.inspectionFindings = event.findings();
            entry.inspectedBy = event.inspectedBy();
            entry.inspectedAt = at;
            if (BEFORE_COMMISSIONING.contains(entry.status)) {
                // a failed inspection leaves the factory installing until it passes
                entry.status = event.passed() ? FactoryStatus.INSPECTED : FactoryStatus.INSTALLING;
            }
        });
    }

    @EventHandler
    void on(FactoryCommissioned event, @Timestamp Instant at) {
        update(event.factoryId(), at, entry -> {
            entry.status = FactoryStatus.COMMISSIONED;
            entry.statusReason = null;
            entry.commissionedBy = event.signedOffBy();
            entry.commissionedAt = at;
        });
    }

    @EventHandler
    void on(FactorySuspended event, @Timestamp Instant at) {
        changeStatus(event.factoryId(), FactoryStatus.SUSPENDED, event.reason(), at);
    }

    @EventHandler
    void on(FactoryResumed event, @Timestamp Instant at) {
        changeStatus(event.factoryId(), FactoryStatus.COMMISSIONED, null, at);
    }

    @EventHandler
    void on(FactoryDecommissioned event, @Timestamp Instant at) {
        changeStatus(event.factoryId(), FactoryStatus.DECOMMISSIONED, event.reason(), at);
    }

    @EventHandler
    void on(MachineMaintenanceStarted event, @Timestamp Instant at) {
        changeMachine(event.factoryId(), event.machineId(), MachineStatus.IN_MAINTENANCE, event.reason(), at);
    }

    @EventHandler
    void on(MachineMaintenanceEnded event, @Timestamp Instant at) {
        changeMachine(event.factoryId(), event.machineId(), MachineStatus.OPERATIONAL, null, at);
    }

    @ResetHandler
    void reset() {
        // the machines go with their factory (ON DELETE CASCADE)
        factories.deleteAllInBatch();
    }

    private void changeStatus(FactoryId factoryId, FactoryStatus status, String reason, Instant at) {
        update(factoryId, at, entry -> {
            entry.status = status;
            entry.statusReason = reason;
        });
    }

    private void changeMachine(FactoryId factoryId, String machineId, MachineStatus status, String reason, Instant at) {
        update(factoryId, at, entry -> {
            MachineEntry machine = entry.machine(machineId)
                    .orElseThrow(() -> new IllegalStateException(
                            "machine " + machineId + " of factory " + factoryId + " is not in the registry"));
            machine.status = status;
            machine.maintenanceReason = reason;
        });
    }

    private void update(FactoryId factoryId, Instant at, Consumer<FactoryEntry> change) {
        FactoryEntry entry = factories
                .findById(factoryId.value())
                .orElseThrow(() -> new IllegalStateException("factory " + factoryId + " is not in the registry"));
        change.accept(entry);
        entry.updatedAt = at;
        factories.save(entry);
    }
}
