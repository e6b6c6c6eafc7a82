package org.factorysharing.workflows.factory;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.factorysharing.api.factory.FactoryCommands.RecordInspection;
import org.factorysharing.api.factory.FactoryId;
import org.springframework.stereotype.Component;

/** Sends RecordInspection with the inspector's result, in the engine's transaction. */
@Component("recordInspectionDelegate")
class RecordInspectionDelegate implements JavaDelegate {

    private final CommandGateway commands;

    RecordInspectionDelegate(CommandGateway commands) {
        this.commands = commands;
    }

    @Override
    public void execute(DelegateExecution execution) {
        commands.sendAndWait(new RecordInspection(
                new FactoryId(execution.getProcessBusinessKey()),
                (Boolean) execution.getVariable(FactoryCommissioningProcess.PASSED),
                (String) execution.getVariable(FactoryCommissioningProcess.FINDINGS),
                (String) execution.getVariable(FactoryCommissioningProcess.INSPECTED_BY)));
    }
}
