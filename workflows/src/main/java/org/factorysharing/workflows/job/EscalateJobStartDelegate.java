package org.factorysharing.workflows.job;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.task.Task;
import org.factorysharing.api.shared.Groups;
import org.springframework.stereotype.Component;

/**
 * The job was not started by the end of its planned day: "Start job" stays one task but officers become
 * candidates too, so they can chase the factory or start it, and it moves to the top of every list.
 */
@Component("escalateJobStartDelegate")
class EscalateJobStartDelegate implements JavaDelegate {

    static final int ESCALATED_PRIORITY = 100;

    private final TaskService tasks;

    EscalateJobStartDelegate(TaskService tasks) {
        this.tasks = tasks;
    }

    @Override
    public void execute(DelegateExecution execution) {
        for (Task task : tasks.createTaskQuery()
                .processInstanceId(execution.getProcessInstanceId())
                .taskDefinitionKey(ProductionJobProcess.USER_START_JOB)
                .list()) {
            tasks.addCandidateGroup(task.getId(), Groups.OFFICERS);
            tasks.setPriority(task.getId(), ESCALATED_PRIORITY);
        }
        execution.setVariable(ProductionJobProcess.ESCALATED, true);
    }
}
