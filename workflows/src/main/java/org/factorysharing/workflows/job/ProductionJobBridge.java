package org.factorysharing.workflows.job;

import java.util.HashMap;
import java.util.Map;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.camunda.bpm.engine.RuntimeService;
import org.factorysharing.api.factory.FactoryEvent.ReservationFlaggedForRescheduling;
import org.factorysharing.api.job.JobEvent.ProductionJobCancelled;
import org.factorysharing.api.job.JobEvent.ProductionJobRequested;
import org.factorysharing.workflows.shared.ProcessStarts;
import org.springframework.stereotype.Component;

/**
 * Event-to-process bridge of production jobs: a request starts the process (which reserves the machine time
 * at once), a cancellation or a machine going into maintenance is delivered to the running process. Runs in
 * the streaming processor's transaction, so each process step and the processor's token commit together.
 */
@Component
@ProcessingGroup(ProductionJobBridge.PROCESSING_GROUP)
class ProductionJobBridge {

    static final String PROCESSING_GROUP = "production-job-workflow";

    private final RuntimeService runtime;
    private final ProcessStarts processes;

    ProductionJobBridge(RuntimeService runtime, ProcessStarts processes) {
        this.runtime = runtime;
        this.processes = processes;
    }

    /** Replays are skipped (@DisallowReplay), so a reset only moves this processor's position. */
    @ResetHandler
    void reset() {
        // nothing to clear: running processes live on in the engine
    }

    @EventHandler
    @DisallowReplay // a replay rebuilds read models; it must not reserve machine time a second time
    void on(ProductionJobRequested event) {
        processes.startOnce(ProductionJobProcess.KEY, event.jobId().value(), () -> variablesOf(event));
    }

    private static Map<String, Object> variablesOf(ProductionJobRequested event) {
        String businessKey = event.jobId().value();
        Map<String, Object> variables = new HashMap<>();
        variables.put(ProductionJobProcess.JOB_ID, businessKey);
        variables.put(ProductionJobProcess.FACTORY_ID, event.factoryId().value());
        variables.put(ProductionJobProcess.MEMBER_ID, event.memberId().value());
        variables.put(ProductionJobProcess.MACHINE_TYPE, event.machineType());
        variables.put(ProductionJobProcess.PRODUCT, event.product());
        variables.put(ProductionJobProcess.QUANTITY, event.quantity());
        variables.put(ProductionJobProcess.MACHINE_HOURS, event.machineHours());
        variables.put(ProductionJobProcess.EARLIEST_START, event.earliestStart().toString());
        variables.put(ProductionJobProcess.DEADLINE, event.deadline().toString());
        variables.put(ProductionJobProcess.STAFF_GROUP, event.factoryId().staffGroup());
        return variables;
    }

    @EventHandler
    @DisallowReplay
    void on(ProductionJobCancelled event) {
        // no-op when the process has already ended (rejected, completed) or was never started
        runtime.createMessageCorrelation(ProductionJobProcess.MESSAGE_CANCELLED)
                .processInstanceBusinessKey(event.jobId().value())
                .correlateAll();
    }

    @EventHandler
    @DisallowReplay
    void on(ReservationFlaggedForRescheduling event) {
        runtime.createMessageCorrelation(ProductionJobProcess.MESSAGE_RESCHEDULE_NEEDED)
                .processInstanceBusinessKey(event.jobId().value())
                .setVariableLocal(ProductionJobProcess.AFFECTED_MACHINE_ID, event.machineId())
                .correlateAll();
    }
}
