package org.factorysharing.web.task;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.factorysharing.api.task.TaskQueries.TaskPage;
import org.factorysharing.api.task.TaskQueries.TaskView;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The inbox's order: every overdue task before the others, pages without gaps or overlaps across the two parts. */
class OverdueFirstTest {

    @ParameterizedTest
    @CsvSource({"0,0,3", "0,5,3", "3,5,3", "4,9,5", "7,2,3", "20,20,20", "1,1,1", "6,0,4", "0,0,1"})
    void pagesJoinTheOverdueAndTheOtherTasksInOrder(int overdue, int others, int size) {
        List<TaskView> late = tasks("late", overdue);
        List<TaskView> rest = tasks("rest", others);
        OverdueFirst.Part part = (isOverdue, page, pageSize) -> page(isOverdue ? late : rest, page, pageSize);
        List<TaskView> expected = new ArrayList<>(late);
        expected.addAll(rest);
        int pages = (expected.size() + size - 1) / size;

        List<TaskView> seen = new ArrayList<>();
        for (int page = 0; page <= pages; page++) {
            TaskPage result = OverdueFirst.page(part, page, size);
            assertThat(result.totalItems()).isEqualTo(expected.size());
            assertThat(result.totalPages()).isEqualTo(pages);
            assertThat(result.page()).isEqualTo(page);
            assertThat(result.items().size()).isLessThanOrEqualTo(size);
            seen.addAll(result.items());
        }

        assertThat(seen).containsExactlyElementsOf(expected);
    }

    @Test
    void aPageBeyondTheEndIsEmptyAndCarriesTheTotal() {
        List<TaskView> late = tasks("late", 2);
        List<TaskView> rest = tasks("rest", 3);
        TaskPage beyond = OverdueFirst.page((o, p, s) -> page(o ? late : rest, p, s), 9, 2);
        assertThat(beyond.items()).isEmpty();
        assertThat(beyond.totalItems()).isEqualTo(5);
    }

    /** A page as the task query answers it: nothing beyond the end. */
    private static TaskPage page(List<TaskView> all, int page, int size) {
        int from = page * size;
        List<TaskView> items = from >= all.size() ? List.of() : all.subList(from, Math.min(all.size(), from + size));
        return new TaskPage(items, page, size, all.size(), (all.size() + size - 1) / size);
    }

    private static List<TaskView> tasks(String prefix, int count) {
        return IntStream.range(0, count)
                .mapToObj(i -> new TaskView(
                        prefix + i,
                        prefix,
                        "user_task",
                        "process",
                        "instance",
                        "key",
                        null,
                        List.of("officers"),
                        50,
                        Instant.EPOCH,
                        null,
                        null))
                .toList();
    }
}
