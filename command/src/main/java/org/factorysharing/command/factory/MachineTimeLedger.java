package org.factorysharing.command.factory;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;
import org.factorysharing.api.factory.Allocation;

/**
 * Booked machine-hours per machine per day, and which job holds which hours. Part of the Factory
 * aggregate's state (and of its snapshots, hence the field-based JSON mapping). It only answers and
 * records; the rules live in {@link Factory}.
 */
@JsonAutoDetect(
        fieldVisibility = JsonAutoDetect.Visibility.ANY,
        getterVisibility = JsonAutoDetect.Visibility.NONE,
        isGetterVisibility = JsonAutoDetect.Visibility.NONE)
class MachineTimeLedger {

    /** machine id -> day -> booked hours (days with nothing booked are absent). */
    private final Map<String, TreeMap<LocalDate, Integer>> booked = new HashMap<>();
    /** job id -> its reservation. */
    private final Map<String, Reservation> reservations = new HashMap<>();

    /** What a job holds, and the window it asked for (needed to move it). */
    record Reservation(
            String memberId,
            String machineType,
            LocalDate earliestStart,
            LocalDate deadline,
            List<Allocation> allocations) {}

    int bookedHours(String machineId, LocalDate day) {
        TreeMap<LocalDate, Integer> days = booked.get(machineId);
        return days == null ? 0 : days.getOrDefault(day, 0);
    }

    Reservation reservationOf(String jobId) {
        return reservations.get(jobId);
    }

    /**
     * Fills the earliest days first, machine by machine in the given order, never beyond a machine's
     * capacity; {@code ignoredJob}'s own hours count as free (it is being moved). Empty when it does not fit.
     */
    List<Allocation> allocate(
            Collection<MachineCapacity> machines, LocalDate from, LocalDate to, int hours, String ignoredJob) {
        Map<String, Map<LocalDate, Integer>> ignored = new HashMap<>();
        Reservation moving = ignoredJob == null ? null : reservations.get(ignoredJob);
        if (moving != null) {
            moving.allocations()
                    .forEach(a -> ignored.computeIfAbsent(a.machineId(), m -> new HashMap<>())
                            .merge(a.day(), a.hours(), Integer::sum));
        }
        List<Allocation> allocations = new ArrayList<>();
        int remaining = hours;
        for (LocalDate day = from; !day.isAfter(to) && remaining > 0; day = day.plusDays(1)) {
            for (MachineCapacity machine : machines) {
                int alreadyMine =
                        ignored.getOrDefault(machine.machineId(), Map.of()).getOrDefault(day, 0);
                int free = machine.capacityHoursPerDay() - bookedHours(machine.machineId(), day) + alreadyMine;
                int take = Math.min(free, remaining);
                if (take > 0) {
                    allocations.add(new Allocation(machine.machineId(), day, take));
                    remaining -= take;
                }
                if (remaining == 0) {
                    break;
                }
            }
        }
        return remaining == 0 ? allocations : List.of();
    }

    /** A job's allocations on or after {@code from}, in day order. */
    List<Allocation> futureAllocationsOf(String jobId, LocalDate from) {
        Reservation reservation = reservations.get(jobId);
        if (reservation == null) {
            return List.of();
        }
        return reservation.allocations().stream()
                .filter(a -> !a.day().isBefore(from))
                .toList();
    }

    /** Jobs holding time on or after {@code from} that matches the filter, in job id order. */
    List<String> jobsHolding(Predicate<Allocation> filter, LocalDate from) {
        return reservations.entrySet().stream()
                .filter(e -> e.getValue().allocations().stream()
                        .anyMatch(a -> !a.day().isBefore(from) && filter.test(a)))
                .map(Map.Entry::getKey)
                .sorted()
                .toList();
    }

    void reserve(
            String jobId,
            String memberId,
            String machineType,
            LocalDate earliestStart,
            LocalDate deadline,
            List<Allocation> allocations) {
        allocations.forEach(a -> add(a, a.hours()));
        Reservation existing = reservations.get(jobId);
        List<Allocation> all = new ArrayList<>(existing == null ? List.of() : existing.allocations());
        all.addAll(allocations);
        reservations.put(
                jobId,
                new Reservation(
                        memberId,
                        machineType,
                        existing == null ? earliestStart : existing.earliestStart(),
                        existing == null ? deadline : existing.deadline(),
                        List.copyOf(all)));
    }

    void release(String jobId, List<Allocation> released) {
        Reservation reservation = reservations.get(jobId);
        if (reservation == null) {
            return;
        }
        released.forEach(a -> add(a, -a.hours()));
        List<Allocation> kept = new ArrayList<>(reservation.allocations());
        kept.removeAll(released);
        if (kept.isEmpty()) {
            reservations.remove(jobId);
        } else {
            reservations.put(
                    jobId,
                    new Reservation(
                            reservation.memberId(),
                            reservation.machineType(),
                            reservation.earliestStart(),
                            reservation.deadline(),
                            List.copyOf(kept)));
        }
    }

    private void add(Allocation allocation, int hours) {
        TreeMap<LocalDate, Integer> days = booked.computeIfAbsent(allocation.machineId(), m -> new TreeMap<>());
        int total = days.getOrDefault(allocation.day(), 0) + hours;
        if (total == 0) {
            days.remove(allocation.day());
        } else {
            days.put(allocation.day(), total);
        }
    }

    /** A bookable machine and its daily capacity. */
    record MachineCapacity(String machineId, int capacityHoursPerDay) {}
}
