package org.factorysharing.workflows.factory;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.task.Task;
import org.factorysharing.api.shared.Groups;
import org.springframework.stereotype.Component;

/**
 * Installation ran past its due date: the machines still open stay one task each (nothing is lost) but
 * officers become candidates too, so they can chase it or record it, and the tasks move to the top.
 */
@Component("escalateInstallationDelegate")
class EscalateInstallationDelegate implements JavaDelegate {

    static final int ESCALATED_PRIORITY = 100;

    private final TaskService tasks;

    EscalateInstallationDelegate(TaskService tasks) {
        this.tasks = tasks;
    }

    @Override
    public void execute(DelegateExecution execution) {
        for (Task task : tasks.createTaskQuery()
                .processInstanceId(execution.getProcessInstanceId())
                .taskDefinitionKey(FactoryCommissioningProcess.USER_INSTALL_MACHINE)
                .list()) {
            tasks.addCandidateGroup(task.getId(), Groups.OFFICERS);
            tasks.setPriority(task.getId(), ESCALATED_PRIORITY);
        }
        execution.setVariable(FactoryCommissioningProcess.ESCALATED, true);
    }
}
