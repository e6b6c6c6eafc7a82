package org.factorysharing.query.factory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.factorysharing.api.factory.Allocation;
import org.factorysharing.query.factory.MachineHours.MachineDay;
import org.junit.jupiter.api.Test;

class MachineHoursTest {

    private static final LocalDate MONDAY = LocalDate.of(2025, 7, 7);

    @Test
    void freeHoursAreCapacityLessBooked() {
        assertThat(MachineHours.freeHours(8, 3, true)).isEqualTo(5);
    }

    @Test
    void freeHoursNeverGoBelowZero() {
        assertThat(MachineHours.freeHours(8, 10, true)).isZero();
    }

    @Test
    void aMachineInMaintenanceHasNoFreeHours() {
        assertThat(MachineHours.freeHours(8, 0, false)).isZero();
    }

    @Test
    void utilisationIsBookedOverAvailable() {
        assertThat(MachineHours.utilisation(12, 48)).isCloseTo(0.25, within(1e-9));
    }

    @Test
    void utilisationIsZeroWhenNothingWasAvailable() {
        assertThat(MachineHours.utilisation(0, 0)).isZero();
        assertThat(MachineHours.utilisation(5, 0)).isZero();
    }

    @Test
    void aMachineDayListedTwiceInOneEventIsSummed() {
        Map<MachineDay, Integer> hours = MachineHours.perMachineDay(
                List.of(
                        new Allocation("press-1", MONDAY, 3),
                        new Allocation("press-2", MONDAY, 2),
                        new Allocation("press-1", MONDAY, 4)),
                +1);

        assertThat(hours)
                .containsExactly(
                        Map.entry(new MachineDay("press-1", MONDAY), 7),
                        Map.entry(new MachineDay("press-2", MONDAY), 2));
    }

    @Test
    void releasedHoursCountNegative() {
        Map<MachineDay, Integer> hours = MachineHours.perMachineDay(
                List.of(new Allocation("press-1", MONDAY, 3), new Allocation("press-1", MONDAY.plusDays(1), 5)), -1);

        assertThat(hours)
                .containsExactly(
                        Map.entry(new MachineDay("press-1", MONDAY), -3),
                        Map.entry(new MachineDay("press-1", MONDAY.plusDays(1)), -5));
    }
}
