package org.factorysharing.web.task;

import java.util.ArrayList;
import java.util.List;
import org.factorysharing.api.task.TaskQueries.TaskPage;
import org.factorysharing.api.task.TaskQueries.TaskView;

/**
 * One page of a list that holds every overdue task first and then the others, each part in the task query's own
 * order (most urgent first), read from two queries of the engine: nothing is loaded beyond the page.
 */
final class OverdueFirst {

    /** One page of the tasks that are overdue ({@code true}) or not ({@code false}). */
    interface Part {
        TaskPage page(boolean overdue, int page, int size);
    }

    private OverdueFirst() {}

    static TaskPage page(Part part, int page, int size) {
        TaskPage overdue = part.page(true, page, size);
        long overdueTotal = overdue.totalItems();
        List<TaskView> items = new ArrayList<>(overdue.items());
        // where this page starts in the list of the other tasks
        long start = Math.max(0, (long) page * size - overdueTotal);
        int restPage = (int) (start / size);
        int offset = (int) (start % size);
        TaskPage rest = part.page(false, restPage, size);
        if (items.size() < size) {
            items.addAll(slice(rest.items(), offset, size - items.size()));
            if (items.size() < size && restPage + 1 < rest.totalPages()) {
                TaskPage next = part.page(false, restPage + 1, size);
                items.addAll(slice(next.items(), 0, size - items.size()));
            }
        }
        long total = overdueTotal + rest.totalItems();
        return new TaskPage(List.copyOf(items), page, size, total, (int) ((total + size - 1) / size));
    }

    private static List<TaskView> slice(List<TaskView> items, int from, int count) {
        if (from >= items.size()) {
            return List.of();
        }
        return items.subList(from, Math.min(items.size(), from + count));
    }
}
