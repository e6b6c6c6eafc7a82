package org.factorysharing.web.job;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.factorysharing.api.factory.FactoryQueries.CapacityCalendarView;
import org.factorysharing.api.factory.FactoryQueries.CapacityDayView;
import org.factorysharing.api.factory.FactoryQueries.MachineCalendarView;

/**
 * The free machine-hours of one machine type in a factory over a booking window, as a member sees them before booking:
 * per day (all machines of the type together) and in total, against the hours asked for. A hint, not a promise: the
 * factory reserves when the request arrives, earliest days first.
 */
public record FreeCapacity(
        LocalDate from, LocalDate to, int machines, long freeHours, Integer requestedHours, List<Day> days) {

    /** Days listed one by one up to this many; a longer window shows the total only. */
    static final int DAYS_LISTED = 31;

    /** One day: free and available hours of the type's machines (0 available: all in maintenance). */
    public record Day(LocalDate day, int freeHours, int capacityHours) {}

    public boolean enough() {
        return requestedHours != null && freeHours >= requestedHours;
    }

    public boolean listsDays() {
        return !days.isEmpty();
    }

    static FreeCapacity of(CapacityCalendarView calendar, LocalDate from, LocalDate to, Integer requestedHours) {
        Map<LocalDate, int[]> byDay = new TreeMap<>();
        for (MachineCalendarView machine : calendar.machines()) {
            for (CapacityDayView day : machine.days()) {
                int[] hours = byDay.computeIfAbsent(day.day(), d -> new int[2]);
                hours[0] += day.freeHours();
                hours[1] += day.available() ? day.capacityHours() : 0;
            }
        }
        long free = byDay.values().stream().mapToLong(h -> h[0]).sum();
        List<Day> days = new ArrayList<>();
        if (!from.plusDays(DAYS_LISTED).isBefore(to.plusDays(1))) {
            for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
                int[] hours = byDay.getOrDefault(day, new int[2]);
                days.add(new Day(day, hours[0], hours[1]));
            }
        }
        return new FreeCapacity(from, to, calendar.machines().size(), free, requestedHours, List.copyOf(days));
    }
}
