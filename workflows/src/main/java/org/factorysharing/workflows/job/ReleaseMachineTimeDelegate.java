package org.factorysharing.workflows.job;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.factorysharing.api.factory.FactoryCommands.ReleaseMachineTime;
import org.factorysharing.api.factory.FactoryId;
import org.factorysharing.api.job.JobId;
import org.springframework.stereotype.Component;

/** A cancelled job gives its future machine time back to the factory. */
@Component("releaseMachineTimeDelegate")
class ReleaseMachineTimeDelegate implements JavaDelegate {

    private final CommandGateway commands;

    ReleaseMachineTimeDelegate(CommandGateway commands) {
        this.commands = commands;
    }

    @Override
    public void execute(DelegateExecution execution) {
        commands.sendAndWait(new ReleaseMachineTime(
                new FactoryId((String) execution.getVariable(ProductionJobProcess.FACTORY_ID)),
                new JobId(execution.getProcessBusinessKey()),
                ProductionJobProcess.RELEASED_CANCELLED));
    }
}
