package org.factorysharing.workflows.member;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.task.Task;
import org.factorysharing.api.shared.Groups;
import org.springframework.stereotype.Component;

/**
 * An overdue document check stays one task (nothing an officer entered is lost) but supervisors
 * become candidates too and it moves to the top of every list.
 */
@Component("escalateVerificationDelegate")
class EscalateVerificationDelegate implements JavaDelegate {

    static final int ESCALATED_PRIORITY = 100;

    private final TaskService tasks;

    EscalateVerificationDelegate(TaskService tasks) {
        this.tasks = tasks;
    }

    @Override
    public void execute(DelegateExecution execution) {
        for (Task task : tasks.createTaskQuery()
                .processInstanceId(execution.getProcessInstanceId())
                .taskDefinitionKey(MemberOnboardingProcess.USER_VERIFY_DOCUMENTS)
                .list()) {
            tasks.addCandidateGroup(task.getId(), Groups.SUPERVISORS);
            tasks.setPriority(task.getId(), ESCALATED_PRIORITY);
        }
        execution.setVariable(MemberOnboardingProcess.ESCALATED, true);
    }
}
