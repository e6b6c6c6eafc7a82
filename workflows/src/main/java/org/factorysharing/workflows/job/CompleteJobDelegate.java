package org.factorysharing.workflows.job;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.factorysharing.api.factory.FactoryCommands.ReleaseUnusedMachineTime;
import org.factorysharing.api.factory.FactoryId;
import org.factorysharing.api.job.JobCommands.PassQualityInspection;
import org.factorysharing.api.job.JobId;
import org.springframework.stereotype.Component;

/**
 * Passes the inspection, then gives back the job's booked days after today (a job may finish before its
 * last booked day; today's hours were used), in one transaction.
 */
@Component("completeJobDelegate")
class CompleteJobDelegate implements JavaDelegate {

    private final CommandGateway commands;

    CompleteJobDelegate(CommandGateway commands) {
        this.commands = commands;
    }

    @Override
    public void execute(DelegateExecution execution) {
        JobId jobId = new JobId(execution.getProcessBusinessKey());
        commands.sendAndWait(
                new PassQualityInspection(jobId, (String) execution.getVariable(ProductionJobProcess.NOTES), (String)
                        execution.getVariable(ProductionJobProcess.INSPECTED_BY)));
        commands.sendAndWait(new ReleaseUnusedMachineTime(
                new FactoryId((String) execution.getVariable(ProductionJobProcess.FACTORY_ID)), jobId));
    }
}
