package org.factorysharing.query.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.time.LocalDate;
import java.util.List;
import org.factorysharing.api.factory.Allocation;
import org.junit.jupiter.api.Test;

class JobAllocationsTest {

    private static final LocalDate MONDAY = LocalDate.of(2025, 7, 7);

    @Test
    void allocationsAreHeldOncePerMachineDayInDayOrder() {
        List<JobAllocationEntry> held = JobBoardProjection.perMachineDay(List.of(
                new Allocation("press-2", MONDAY.plusDays(1), 2),
                new Allocation("press-1", MONDAY, 3),
                new Allocation("press-2", MONDAY, 4),
                new Allocation("press-1", MONDAY, 1)));

        assertThat(held)
                .extracting(a -> a.machineId, a -> a.day, a -> a.hours)
                .containsExactly(
                        tuple("press-1", MONDAY, 4),
                        tuple("press-2", MONDAY, 4),
                        tuple("press-2", MONDAY.plusDays(1), 2));
    }
}
