package org.factorysharing.workflows.programme;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.factorysharing.api.programme.ProgrammeTaskCommands.SubmitProposal;
import org.factorysharing.api.programme.ProgrammeTaskCommands.SubmitStageDecision;
import org.factorysharing.api.programme.WaveId;
import org.factorysharing.api.shared.ActorMetaData;
import org.factorysharing.api.shared.BusinessRuleViolation;
import org.factorysharing.api.task.TaskQueries.TaskView;
import org.factorysharing.workflows.task.WorkflowTasks;
import org.springframework.stereotype.Component;

/**
 * Proposing an outcome and deciding an approval stage complete the wave's open workflow task, with the same task
 * rules as the task list and Tasklist: these handlers only find the task and name its form fields.
 */
@Component
class WaveTasks {

    private final WorkflowTasks tasks;

    WaveTasks(WorkflowTasks tasks) {
        this.tasks = tasks;
    }

    @CommandHandler
    void handle(
            SubmitProposal command,
            @MetaDataValue(ActorMetaData.USER_ID) String userId,
            @MetaDataValue(ActorMetaData.GROUPS) List<String> groups) {
        Map<String, Object> values = new HashMap<>();
        values.put(PilotRolloutProcess.OUTCOME, command.outcome().name());
        putIfPresent(values, PilotRolloutProcess.PROPOSED_TARGET, command.proposedTarget());
        putIfPresent(values, PilotRolloutProcess.EXTENSION_MONTHS, command.extensionMonths());
        putIfPresent(values, PilotRolloutProcess.JUSTIFICATION, command.justification());
        TaskView task = openTask(
                command.waveId(),
                PilotRolloutProcess.USER_PROPOSE_OUTCOME,
                "wave.not-awaiting-proposal",
                "the wave is not waiting for a proposal");
        WorkflowTasks.engineConflicts(() -> tasks.complete(task.id(), values, WorkflowTasks.actor(userId, groups)));
    }

    @CommandHandler
    void handle(
            SubmitStageDecision command,
            @MetaDataValue(ActorMetaData.USER_ID) String userId,
            @MetaDataValue(ActorMetaData.GROUPS) List<String> groups) {
        Map<String, Object> values = new HashMap<>();
        values.put(ScaleUpApprovalProcess.DECISION, command.decision().name());
        putIfPresent(values, ScaleUpApprovalProcess.COMMENT, command.comment());
        String taskKey = ScaleUpApprovalProcess.STAGES.stream()
                .filter(stage -> stage.stage() == command.stage())
                .findFirst()
                .orElseThrow()
                .userTask();
        TaskView task = openTask(
                command.waveId(),
                taskKey,
                "wave.stage-not-open",
                "the stage " + command.stage() + " is not open for this wave");
        WorkflowTasks.engineConflicts(() -> tasks.complete(task.id(), values, WorkflowTasks.actor(userId, groups)));
    }

    private TaskView openTask(WaveId waveId, String taskKey, String code, String rule) {
        return tasks.openTasksAbout(waveId.value()).stream()
                .filter(task -> taskKey.equals(task.taskKey()))
                .findFirst()
                .orElseThrow(() -> new BusinessRuleViolation(code, rule));
    }

    private static void putIfPresent(Map<String, Object> values, String name, Object value) {
        if (value != null) {
            values.put(name, value instanceof Integer i ? Long.valueOf(i) : value);
        }
    }
}
