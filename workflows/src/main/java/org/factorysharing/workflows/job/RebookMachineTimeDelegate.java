package org.factorysharing.workflows.job;

import java.util.Date;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.factorysharing.api.factory.FactoryCommands.RebookMachineTime;
import org.factorysharing.api.factory.FactoryCommands.ReservationResult;
import org.factorysharing.api.factory.FactoryId;
import org.factorysharing.api.job.JobCommands.ScheduleProductionJob;
import org.factorysharing.api.job.JobId;
import org.springframework.stereotype.Component;

/**
 * Moves the job's future machine time off the machine in maintenance and tells the job its new allocations.
 * When the job has not started yet, "Start job" and its overdue timer follow the new planned start.
 * A refusal (no free time left) is kept in {@code rebookRefusal} for the staff's next try.
 */
@Component("rebookMachineTimeDelegate")
class RebookMachineTimeDelegate implements JavaDelegate {

    private final CommandGateway commands;
    private final TaskService tasks;
    private final ManagementService management;

    RebookMachineTimeDelegate(CommandGateway commands, TaskService tasks, ManagementService management) {
        this.commands = commands;
        this.tasks = tasks;
        this.management = management;
    }

    @Override
    public void execute(DelegateExecution execution) {
        JobId jobId = new JobId(execution.getProcessBusinessKey());
        ReservationResult result = commands.sendAndWait(new RebookMachineTime(
                new FactoryId((String) execution.getVariable(ProductionJobProcess.FACTORY_ID)), jobId, (String)
                        execution.getVariable(ProductionJobProcess.RESCHEDULED_BY)));
        // local: two machines in maintenance give two reschedulings, each with its own outcome
        execution.setVariableLocal(ProductionJobProcess.REBOOKED, result.reserved());
        if (!result.reserved()) {
            execution.setVariableLocal(ProductionJobProcess.REBOOK_REFUSAL, result.reason());
            return;
        }
        execution.removeVariableLocal(ProductionJobProcess.REBOOK_REFUSAL);
        commands.sendAndWait(new ScheduleProductionJob(jobId, result.allocations()));
        Date overdueAt = JobSchedule.record(execution.getProcessInstance(), result.allocations());
        // the staff member who rebooked may not edit the process's timers; the process moves its own
        Context.getCommandContext().runWithoutAuthorization(() -> {
            moveStartDeadline(execution.getProcessInstanceId(), overdueAt);
            return null;
        });
    }

    private void moveStartDeadline(String processInstanceId, Date overdueAt) {
        for (Task start : tasks.createTaskQuery()
                .processInstanceId(processInstanceId)
                .taskDefinitionKey(ProductionJobProcess.USER_START_JOB)
                .list()) {
            tasks.setDueDate(start.getId(), overdueAt);
        }
        for (Job timer : management
                .createJobQuery()
                .processInstanceId(processInstanceId)
                .activityId(ProductionJobProcess.TIMER_START_OVERDUE)
                .timers()
                .list()) {
            management.setJobDuedate(timer.getId(), overdueAt);
        }
    }
}
