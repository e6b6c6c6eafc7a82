package org.factorysharing.workflows.job;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.factorysharing.api.job.JobCommands.RecordJobOutput;
import org.factorysharing.api.job.JobId;
import org.springframework.stereotype.Component;

/** Sends RecordJobOutput with the units the staff counted (checked by the task listener). */
@Component("recordOutputDelegate")
class RecordOutputDelegate implements JavaDelegate {

    private final CommandGateway commands;

    RecordOutputDelegate(CommandGateway commands) {
        this.commands = commands;
    }

    @Override
    public void execute(DelegateExecution execution) {
        commands.sendAndWait(new RecordJobOutput(
                new JobId(execution.getProcessBusinessKey()),
                units(execution, ProductionJobProcess.GOOD_UNITS),
                units(execution, ProductionJobProcess.REJECTED_UNITS),
                (String) execution.getVariable(ProductionJobProcess.RECORDED_BY)));
    }

    private static int units(DelegateExecution execution, String variable) {
        return Math.toIntExact(((Number) execution.getVariable(variable)).longValue());
    }
}
