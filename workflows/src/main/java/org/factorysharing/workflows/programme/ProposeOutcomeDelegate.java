package org.factorysharing.workflows.programme;

import static org.factorysharing.workflows.programme.PilotRolloutProcess.*;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.factorysharing.api.programme.Recommendation;
import org.factorysharing.api.programme.WaveCommands.ProposeScaleUp;
import org.factorysharing.api.programme.WaveId;
import org.springframework.stereotype.Component;

/**
 * Sends the officer's proposal (checked by ProposeOutcomeListener) to the wave, in the transaction of the task's
 * completion: a proposal the wave refuses leaves the task open. Keeps the wave's number of the proposal, which
 * every approval stage names.
 */
@Component("proposeOutcomeDelegate")
class ProposeOutcomeDelegate implements JavaDelegate {

    private final CommandGateway commands;

    ProposeOutcomeDelegate(CommandGateway commands) {
        this.commands = commands;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Recommendation outcome = Recommendation.valueOf((String) execution.getVariable(OUTCOME));
        Object result = commands.sendAndWait(new ProposeScaleUp(
                new WaveId(execution.getProcessBusinessKey()),
                outcome,
                outcome == Recommendation.SCALE_UP ? WaveVariables.intOf(execution, PROPOSED_TARGET) : 0,
                outcome == Recommendation.EXTEND_PILOT ? WaveVariables.intOf(execution, EXTENSION_MONTHS) : 0,
                (String) execution.getVariable(JUSTIFICATION),
                (String) execution.getVariable(PROPOSED_BY)));
        // the wave numbers its proposals 1, 2, 3...; all of them are made here, one at a time, so counting them
        // gives the same number when the command handler does not answer it
        int proposalNo = result instanceof Number number
                ? number.intValue()
                : WaveVariables.intOrZero(execution, PROPOSAL_NO) + 1;
        execution.setVariable(PROPOSAL_NO, proposalNo);
    }
}
