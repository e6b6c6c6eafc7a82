package org.factorysharing.query.factory;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.factorysharing.api.factory.Allocation;

/** The arithmetic of machine-hours shared by the capacity calendar and utilisation. */
final class MachineHours {

    private MachineHours() {}

    /** One machine on one day. */
    record MachineDay(String machineId, LocalDate day) {}

    /** Free hours of a machine-day: none while in maintenance, never below zero. */
    static int freeHours(int capacityHours, int bookedHours, boolean available) {
        return available ? Math.max(0, capacityHours - bookedHours) : 0;
    }

    /** Booked over available machine-hours; 0 when nothing was available (not NaN). */
    static double utilisation(long bookedHours, long availableHours) {
        return availableHours == 0 ? 0.0 : (double) bookedHours / availableHours;
    }

    /**
     * Hours per machine-day of one event's allocations, times {@code sign} (+1 reserved, -1 released);
     * a machine-day listed twice is summed, so the ledger gets one row per machine-day and event.
     */
    static Map<MachineDay, Integer> perMachineDay(List<Allocation> allocations, int sign) {
        Map<MachineDay, Integer> hours = new LinkedHashMap<>();
        for (Allocation allocation : allocations) {
            hours.merge(
                    new MachineDay(allocation.machineId(), allocation.day()), sign * allocation.hours(), Integer::sum);
        }
        return hours;
    }
}
