package org.factorysharing.workflows.factory;

import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.camunda.bpm.engine.RuntimeService;
import org.factorysharing.api.factory.FactoryEvent.FactoryDecommissioned;
import org.factorysharing.api.factory.FactoryEvent.FactoryProposed;
import org.factorysharing.api.shared.ProgrammeTime;
import org.factorysharing.workflows.shared.ProcessStarts;
import org.springframework.stereotype.Component;

/**
 * Event-to-process bridge: a proposal starts the factory's commissioning; a decommissioning before the end abandons
 * it. Runs in the streaming processor's transaction, so the process step and the processor's token commit together.
 * The staff group is FactoryStaffBridge's.
 */
@Component
@ProcessingGroup(FactoryCommissioningBridge.PROCESSING_GROUP)
class FactoryCommissioningBridge {

    static final String PROCESSING_GROUP = "factory-commissioning-workflow";

    private final RuntimeService runtime;
    private final ProcessStarts processes;

    FactoryCommissioningBridge(RuntimeService runtime, ProcessStarts processes) {
        this.runtime = runtime;
        this.processes = processes;
    }

    /** Replays are skipped (@DisallowReplay), so a reset only moves this processor's position. */
    @ResetHandler
    void reset() {
        // nothing to clear: running processes live on in the engine
    }

    @EventHandler
    @DisallowReplay // a replay rebuilds read models; it must not commission a factory a second time
    void on(FactoryProposed event) {
        String businessKey = event.factoryId().value();
        processes.startOnce(FactoryCommissioningProcess.KEY, businessKey, () -> variablesOf(event));
    }

    private static Map<String, Object> variablesOf(FactoryProposed event) {
        String businessKey = event.factoryId().value();
        Map<String, Object> variables = new HashMap<>(InstallationPlan.variablesOf(event.plannedMachines()));
        variables.put(FactoryCommissioningProcess.FACTORY_ID, businessKey);
        variables.put(FactoryCommissioningProcess.FACTORY_NAME, event.name());
        variables.put(FactoryCommissioningProcess.STAFF_GROUP, event.staffGroup());
        // due "on" a day means by the end of that day in the programme's calendar
        variables.put(
                FactoryCommissioningProcess.INSTALLATION_DUE_AT,
                Date.from(event.installationDueOn()
                        .plusDays(1)
                        .atStartOfDay(ProgrammeTime.ZONE)
                        .toInstant()));
        return variables;
    }

    @EventHandler
    @DisallowReplay
    void on(FactoryDecommissioned event) {
        // no-op when the process has ended (commissioned) or was never started
        runtime.createMessageCorrelation(FactoryCommissioningProcess.MESSAGE_DECOMMISSIONED)
                .processInstanceBusinessKey(event.factoryId().value())
                .correlateAll();
    }
}
