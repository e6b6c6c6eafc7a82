package org.factorysharing.workflows.job;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.factorysharing.api.job.JobCommands.SendJobToRework;
import org.factorysharing.api.job.JobId;
import org.springframework.stereotype.Component;

/** Sends SendJobToRework with the inspector's notes, in the engine's transaction. */
@Component("sendToReworkDelegate")
class SendToReworkDelegate implements JavaDelegate {

    private final CommandGateway commands;

    SendToReworkDelegate(CommandGateway commands) {
        this.commands = commands;
    }

    @Override
    public void execute(DelegateExecution execution) {
        commands.sendAndWait(new SendJobToRework(
                new JobId(execution.getProcessBusinessKey()),
                (String) execution.getVariable(ProductionJobProcess.NOTES),
                (String) execution.getVariable(ProductionJobProcess.INSPECTED_BY)));
    }
}
