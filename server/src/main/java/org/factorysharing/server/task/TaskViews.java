package org.factorysharing.server.task;

import java.util.Date;
import java.util.List;
import java.util.Map;

/** What the task API shows of workflow tasks. */
public final class TaskViews {

    private TaskViews() {
    }

    /** An open user task. {@code businessKey} is the id of the member, factory, job or wave it is about. */
    public record TaskView(String id, String name, String taskKey, String processKey, String processInstanceId,
                    String businessKey, String assignee, List<String> candidateGroups, int priority, Date created,
                    Date due, String description) {
    }

    /** A field the task asks for (or shows read-only), from the process model's form. */
    record FormFieldView(String id, String label, String type, boolean required, boolean readonly, Object value,
                         Map<String, String> options) {
    }

    record TaskDetailView(TaskView task, List<FormFieldView> form) {
    }

    /** Body of a completion: the values for the task's form fields. */
    record CompleteTaskRequest(Map<String, Object> variables) {
    }
}
