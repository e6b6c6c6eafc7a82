package org.factorysharing.api.task;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Queries of the workflow tasks people work on. The asking user and groups are part of each query: which tasks a
 * user may see is decided by the task rules, next to the processes.
 */
public final class TaskQueries {

    private TaskQueries() {}

    /** Whose tasks: assigned to the user, offered to them or their groups (unclaimed), or both. */
    public enum TaskAssignment {
        MINE,
        UNASSIGNED,
        ANY
    }

    /** Sortable columns of a task list. */
    public enum TaskSort {
        DUE,
        PRIORITY,
        CREATED
    }

    /**
     * One page of the user's open tasks: assigned to them, or offered to them or their groups; null filters match
     * everything. {@code factoryId} matches the tasks of the factory's commissioning and of its production jobs;
     * {@code overdue} true: past their due date, false: not (also tasks without one). Without a sort, most urgent
     * first: highest priority (an overdue task is escalated to the top), then the earliest due, then the oldest.
     * {@code descending} null: each sort's natural direction (due and created ascending, priority descending).
     * Pages count from 0.
     */
    public record FindMyTasks(
            String userId,
            List<String> groups,
            String taskKey,
            String processKey,
            String factoryId,
            String businessKey,
            Boolean overdue,
            TaskAssignment assignment,
            TaskSort sort,
            Boolean descending,
            int page,
            int size) {}

    public record TaskPage(List<TaskView> items, int page, int size, long totalItems, int totalPages) {}

    /** One task with its form, if the user may work on it or read every task; nothing when unknown. */
    public record FindTask(String taskId, String userId, List<String> groups) {}

    /** The open tasks of every process about one business object (a wave's rollout and approvals), oldest first. */
    public record FindTasksAbout(String businessKey) {}

    /** An open user task. {@code businessKey} is the id of the member, factory, job or wave it is about. */
    public record TaskView(
            String id,
            String name,
            String taskKey,
            String processKey,
            String processInstanceId,
            String businessKey,
            String assignee,
            List<String> candidateGroups,
            int priority,
            Instant created,
            Instant due,
            String description) {}

    /** A field the task asks for (or shows read-only), from the process model's form. */
    public record FormFieldView(
            String id,
            String label,
            String type,
            boolean required,
            boolean readonly,
            Object value,
            Map<String, String> options) {}

    public record TaskDetailView(TaskView task, List<FormFieldView> form) {}
}
