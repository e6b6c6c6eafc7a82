package org.factorysharing.workflows.job;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.factorysharing.api.factory.FactoryCommands.ReservationResult;
import org.factorysharing.api.factory.FactoryCommands.ReserveMachineTime;
import org.factorysharing.api.factory.FactoryId;
import org.factorysharing.api.job.JobCommands.RejectProductionJob;
import org.factorysharing.api.job.JobCommands.ScheduleProductionJob;
import org.factorysharing.api.job.JobId;
import org.factorysharing.api.member.MemberId;
import org.springframework.stereotype.Component;

/**
 * Reserves the machine time at the factory and tells the job the outcome, in one step and one transaction:
 * a job is never left REQUESTED with time held for it, nor SCHEDULED without time.
 */
@Component("reserveMachineTimeDelegate")
class ReserveMachineTimeDelegate implements JavaDelegate {

    private final CommandGateway commands;

    ReserveMachineTimeDelegate(CommandGateway commands) {
        this.commands = commands;
    }

    @Override
    public void execute(DelegateExecution execution) {
        JobId jobId = new JobId(execution.getProcessBusinessKey());
        ReservationResult result = commands.sendAndWait(new ReserveMachineTime(
                new FactoryId((String) execution.getVariable(ProductionJobProcess.FACTORY_ID)),
                jobId,
                new MemberId((String) execution.getVariable(ProductionJobProcess.MEMBER_ID)),
                (String) execution.getVariable(ProductionJobProcess.MACHINE_TYPE),
                (Integer) execution.getVariable(ProductionJobProcess.MACHINE_HOURS),
                JobSchedule.day(execution, ProductionJobProcess.EARLIEST_START),
                JobSchedule.day(execution, ProductionJobProcess.DEADLINE)));
        execution.setVariable(ProductionJobProcess.RESERVED, result.reserved());
        if (result.reserved()) {
            commands.sendAndWait(new ScheduleProductionJob(jobId, result.allocations()));
            JobSchedule.record(execution, result.allocations());
        } else {
            commands.sendAndWait(new RejectProductionJob(jobId, result.rejection(), result.reason()));
            execution.setVariable(
                    ProductionJobProcess.REJECTION, result.rejection().name());
            execution.setVariable(ProductionJobProcess.REJECTION_REASON, result.reason());
        }
    }
}
