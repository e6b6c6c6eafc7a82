package org.factorysharing.workflows.job;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.factorysharing.api.job.JobCommands.StartProductionJob;
import org.factorysharing.api.job.JobId;
import org.springframework.stereotype.Component;

/** Sends StartProductionJob for whoever completed "Start job", in the engine's transaction. */
@Component("startJobDelegate")
class StartJobDelegate implements JavaDelegate {

    private final CommandGateway commands;

    StartJobDelegate(CommandGateway commands) {
        this.commands = commands;
    }

    @Override
    public void execute(DelegateExecution execution) {
        commands.sendAndWait(new StartProductionJob(new JobId(execution.getProcessBusinessKey()), (String)
                execution.getVariable(ProductionJobProcess.STARTED_BY)));
    }
}
