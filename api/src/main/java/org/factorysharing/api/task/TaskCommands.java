package org.factorysharing.api.task;

import java.util.Map;

/**
 * What a person does with a workflow task. The acting user comes with the command's metadata; the task rules
 * decide whether they may, whichever door they use (these commands, Tasklist, engine REST).
 */
public final class TaskCommands {

    private TaskCommands() {}

    /** Take a task so others see it is being worked on; 409 when someone else holds it. */
    public record ClaimTask(String taskId) {}

    /** Give a claimed task back to its groups. */
    public record UnclaimTask(String taskId) {}

    /** Complete a task with values for its form fields; claim and completion commit with what the process does next. */
    public record CompleteTask(String taskId, Map<String, Object> variables) {}
}
