package org.factorysharing.workflows.factory;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.factorysharing.api.factory.FactoryCommands.CommissionFactory;
import org.factorysharing.api.factory.FactoryId;
import org.springframework.stereotype.Component;

/** Sends CommissionFactory; the aggregate checks four-eyes again, so no client can bypass the process. */
@Component("commissionFactoryDelegate")
class CommissionFactoryDelegate implements JavaDelegate {

    private final CommandGateway commands;

    CommissionFactoryDelegate(CommandGateway commands) {
        this.commands = commands;
    }

    @Override
    public void execute(DelegateExecution execution) {
        commands.sendAndWait(new CommissionFactory(new FactoryId(execution.getProcessBusinessKey()), (String)
                execution.getVariable(FactoryCommissioningProcess.SIGNED_OFF_BY)));
    }
}
