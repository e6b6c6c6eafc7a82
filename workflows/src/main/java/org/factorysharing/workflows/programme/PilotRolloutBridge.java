package org.factorysharing.workflows.programme;

import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.MessageCorrelationBuilder;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.factorysharing.api.programme.WaveEvent.EarlyEvaluationApproved;
import org.factorysharing.api.programme.WaveEvent.FactoryCommissionedInWave;
import org.factorysharing.api.programme.WaveEvent.FactoryEnrolled;
import org.factorysharing.api.programme.WaveEvent.PilotExtended;
import org.factorysharing.api.programme.WaveEvent.WavePlanned;
import org.factorysharing.api.programme.WaveEvent.WaveStarted;
import org.factorysharing.workflows.shared.ProcessStarts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Event-to-process bridge of programme waves: a planned wave starts its pilot_rollout; its start, extensions, approved
 * early evaluations and factories are delivered to that process. A wave's events come in order (one aggregate, one segment), so the
 * process waits for each message when it arrives. Runs in the streaming processor's transaction, so each process
 * step and the processor's token commit together.
 */
@Component
@ProcessingGroup(PilotRolloutBridge.PROCESSING_GROUP)
class PilotRolloutBridge {

    static final String PROCESSING_GROUP = "pilot-rollout-workflow";

    private static final Logger log = LoggerFactory.getLogger(PilotRolloutBridge.class);

    private final RuntimeService runtime;
    private final ManagementService management;
    private final ProcessStarts processes;

    PilotRolloutBridge(RuntimeService runtime, ManagementService management, ProcessStarts processes) {
        this.runtime = runtime;
        this.management = management;
        this.processes = processes;
    }

    /** Replays are skipped (@DisallowReplay), so a reset only moves this processor's position. */
    @ResetHandler
    void reset() {
        // nothing to clear: running processes live on in the engine
    }

    @EventHandler
    @DisallowReplay // a replay rebuilds read models; it must not start a wave's rollout a second time
    void on(WavePlanned event) {
        processes.startOnce(PilotRolloutProcess.KEY, event.waveId().value(), () -> variablesOf(event));
    }

    private static Map<String, Object> variablesOf(WavePlanned event) {
        Map<String, Object> variables = new HashMap<>();
        variables.put(PilotRolloutProcess.WAVE_ID, event.waveId().value());
        variables.put(PilotRolloutProcess.WAVE_NAME, event.name());
        variables.put(PilotRolloutProcess.YEAR, event.year());
        variables.put(PilotRolloutProcess.KIND, event.kind().name());
        variables.put(PilotRolloutProcess.TARGET_FACTORIES, event.targetFactories());
        variables.put(PilotRolloutProcess.PILOT_MONTHS, event.pilotMonths());
        WaveVariables.putThresholds(variables, event.thresholds());
        variables.put(PilotRolloutProcess.ENROLLED_FACTORIES, 0);
        variables.put(PilotRolloutProcess.COMMISSIONED_FACTORIES, 0);
        variables.put(PilotRolloutProcess.EXTENSIONS, 0);
        return variables;
    }

    @EventHandler
    @DisallowReplay
    void on(FactoryEnrolled event) {
        correlate(
                runtime.createMessageCorrelation(PilotRolloutProcess.MESSAGE_FACTORY_ENROLLED)
                        .setVariableLocal(
                                PilotRolloutProcess.FACTORY_ID,
                                event.factoryId().value()),
                event.waveId().value());
    }

    @EventHandler
    @DisallowReplay
    void on(FactoryCommissionedInWave event) {
        correlate(
                runtime.createMessageCorrelation(PilotRolloutProcess.MESSAGE_FACTORY_COMMISSIONED)
                        .setVariableLocal(
                                PilotRolloutProcess.FACTORY_ID,
                                event.factoryId().value()),
                event.waveId().value());
    }

    @EventHandler
    @DisallowReplay
    void on(WaveStarted event) {
        correlate(
                runtime.createMessageCorrelation(PilotRolloutProcess.MESSAGE_WAVE_STARTED)
                        .setVariable(PilotRolloutProcess.PILOT_ENDS_AT, Date.from(event.pilotEndsAt())),
                event.waveId().value());
    }

    @EventHandler
    @DisallowReplay
    void on(PilotExtended event) {
        correlate(
                runtime.createMessageCorrelation(PilotRolloutProcess.MESSAGE_PILOT_EXTENDED)
                        .setVariable(PilotRolloutProcess.PILOT_ENDS_AT, Date.from(event.pilotEndsAt()))
                        .setVariable(PilotRolloutProcess.EXTENSIONS, event.extensions()),
                event.waveId().value());
    }

    /**
     * The pilot period ends now: the process leaves its pilot-period timer and evaluates at once, in this
     * transaction. If the timer fired first, the process no longer waits for this and nothing happens. A rollout
     * started on the model before early evaluation (release 0.8.0) waits for its timer alone: the timer is moved to
     * the approval, so the job executor evaluates that wave over the same shortened period.
     */
    @EventHandler
    @DisallowReplay
    void on(EarlyEvaluationApproved event) {
        String waveId = event.waveId().value();
        Date endsAt = Date.from(event.pilotEndsAt());
        boolean delivered = !runtime.createMessageCorrelation(PilotRolloutProcess.MESSAGE_EARLY_EVALUATION_APPROVED)
                .processInstanceBusinessKey(waveId)
                .setVariable(PilotRolloutProcess.PILOT_ENDS_AT, endsAt)
                .correlateAllWithResult()
                .isEmpty();
        if (delivered) {
            return;
        }
        for (ProcessInstance rollout : runtime.createProcessInstanceQuery()
                .processDefinitionKey(PilotRolloutProcess.KEY)
                .processInstanceBusinessKey(waveId)
                .list()) {
            for (Job timer : management
                    .createJobQuery()
                    .processInstanceId(rollout.getId())
                    .timers()
                    .activityId(PilotRolloutProcess.TIMER_PILOT_PERIOD)
                    .list()) {
                runtime.setVariable(rollout.getId(), PilotRolloutProcess.PILOT_ENDS_AT, endsAt);
                management.setJobDuedate(timer.getId(), endsAt);
                log.info(
                        "pilot_rollout of wave {} (an earlier model) evaluates at its pilot-period timer, now", waveId);
            }
        }
    }

    /**
     * Delivers the message to the wave's process if it waits for it, else does nothing: a wave planned before
     * this bridge existed has no process, and an ended process waits for nothing. Never throws for a missing
     * subscription, so such an event cannot be retried forever or parked as poison.
     */
    private void correlate(MessageCorrelationBuilder correlation, String waveId) {
        // the messages are pilot_rollout's alone (scale_up_approval, with the same business key, has none)
        boolean delivered = !correlation
                .processInstanceBusinessKey(waveId)
                .correlateAllWithResult()
                .isEmpty();
        if (!delivered && running(waveId)) {
            // cannot happen while the wave's events come in order; visible if it ever does
            log.warn("pilot_rollout of wave {} was not waiting for a message it was sent", waveId);
        }
    }

    private boolean running(String waveId) {
        return runtime.createProcessInstanceQuery()
                        .processDefinitionKey(PilotRolloutProcess.KEY)
                        .processInstanceBusinessKey(waveId)
                        .count()
                > 0;
    }
}
