package org.factorysharing.workflows.programme;

import static org.factorysharing.workflows.programme.PilotRolloutProcess.*;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.factorysharing.api.programme.WaveCommands.PlanWave;
import org.factorysharing.api.programme.WaveId;
import org.factorysharing.api.programme.WaveKind;
import org.springframework.stereotype.Component;

/**
 * The scale-up was approved: plans the next wave (next year, the approved target, the same pilot length and
 * thresholds), planned by the executive who gave the final approval. It commits with that approval, and its
 * WavePlanned starts the next wave's own rollout.
 */
@Component("planNextWaveDelegate")
class PlanNextWaveDelegate implements JavaDelegate {

    private final CommandGateway commands;

    PlanNextWaveDelegate(CommandGateway commands) {
        this.commands = commands;
    }

    @Override
    public void execute(DelegateExecution execution) {
        WaveId nextWaveId = WaveId.newId();
        int year = WaveVariables.intOf(execution, YEAR) + 1;
        commands.sendAndWait(new PlanWave(
                nextWaveId,
                nameOf(year),
                year,
                WaveKind.SCALE_UP,
                WaveVariables.intOf(execution, PROPOSED_TARGET),
                WaveVariables.intOf(execution, PILOT_MONTHS),
                WaveVariables.thresholds(execution),
                new WaveId(execution.getProcessBusinessKey()),
                (String) execution.getVariable(FINAL_APPROVAL_BY)));
        execution.setVariable(NEXT_WAVE_ID, nextWaveId.value());
    }

    static String nameOf(int year) {
        return "Scale-up wave " + year;
    }
}
