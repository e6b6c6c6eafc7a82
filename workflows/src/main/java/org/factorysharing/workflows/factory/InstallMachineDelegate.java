package org.factorysharing.workflows.factory;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.factorysharing.api.factory.FactoryCommands.InstallMachine;
import org.factorysharing.api.factory.FactoryId;
import org.springframework.stereotype.Component;

/** Sends InstallMachine for this instance's machine, in the engine's transaction. */
@Component("installMachineDelegate")
class InstallMachineDelegate implements JavaDelegate {

    private final CommandGateway commands;

    InstallMachineDelegate(CommandGateway commands) {
        this.commands = commands;
    }

    @Override
    public void execute(DelegateExecution execution) {
        commands.sendAndWait(new InstallMachine(
                new FactoryId(execution.getProcessBusinessKey()),
                (String) execution.getVariable(FactoryCommissioningProcess.MACHINE_ID),
                (String) execution.getVariable(FactoryCommissioningProcess.MACHINE_TYPE),
                Math.toIntExact(((Number) execution.getVariable(FactoryCommissioningProcess.CAPACITY)).longValue()),
                (String) execution.getVariable(FactoryCommissioningProcess.INSTALLED_BY)));
    }
}
