package org.factorysharing.workflows.programme;

import static org.factorysharing.api.shared.Groups.*;
import static org.factorysharing.workflows.programme.ScaleUpApprovalProcess.*;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.task.Task;
import org.factorysharing.api.programme.WaveCommands.RecordStageEscalated;
import org.factorysharing.api.programme.WaveId;
import org.springframework.stereotype.Component;

/**
 * An approval stage is overdue: its task stays one task (nothing entered is lost) but supervisors become
 * candidates too, it moves to the top of every list, and the wave records the escalation for the proposal's
 * timeline.
 */
@Component("escalateApprovalStageDelegate")
class EscalateApprovalStageDelegate implements JavaDelegate {

    static final int ESCALATED_PRIORITY = 100;

    private final TaskService tasks;
    private final CommandGateway commands;

    EscalateApprovalStageDelegate(TaskService tasks, CommandGateway commands) {
        this.tasks = tasks;
        this.commands = commands;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Stage stage = stageOf(execution.getCurrentActivityId());
        for (Task task : tasks.createTaskQuery()
                .processInstanceId(execution.getProcessInstanceId())
                .taskDefinitionKey(stage.userTask())
                .list()) {
            tasks.addCandidateGroup(task.getId(), SUPERVISORS);
            tasks.setPriority(task.getId(), ESCALATED_PRIORITY);
        }
        execution.setVariable(ESCALATED, true);
        commands.sendAndWait(new RecordStageEscalated(
                new WaveId((String) execution.getVariable(WAVE_ID)),
                WaveVariables.intOf(execution, PROPOSAL_NO),
                stage.stage(),
                SUPERVISORS));
    }
}
