package org.factorysharing.api.factory;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** Queries of the factory read models (registry, capacity calendar, utilisation) and their answers. */
public final class FactoryQueries {

    private FactoryQueries() {}

    /** One page of the factory registry, ordered by name; null filters match everything. Pages count from 0. */
    public record FindFactories(FactoryStatus status, String province, String commodityCode, int page, int size) {}

    /** What the registry can be filtered by: the provinces and commodity codes of the registered factories. */
    public record FindRegistryFacets() {}

    /** Provinces and commodity codes in alphabetical order, each once. */
    public record RegistryFacetsView(List<String> provinces, List<String> commodityCodes) {}

    /** The detail view of one factory, or nothing when the id is unknown. */
    public record FindFactory(FactoryId factoryId) {}

    /** Per machine per day: capacity, booked, free, for {@code from..to} inclusive; null type = all machines. */
    public record FindCapacityCalendar(FactoryId factoryId, LocalDate from, LocalDate to, String machineType) {}

    /** Booked against available machine-hours per factory and machine over {@code from..to} inclusive. */
    public record FindUtilisation(FactoryId factoryId, LocalDate from, LocalDate to) {}

    public record FactorySummaryView(
            String factoryId,
            String name,
            String province,
            String regency,
            String commodity,
            String commodityCode,
            String operator,
            FactoryStatus status,
            int machines,
            int capacityHoursPerDay,
            Instant proposedAt) {}

    public record FactoryPage(List<FactorySummaryView> items, int page, int size, long totalItems, int totalPages) {}

    public record FactoryView(
            String factoryId,
            String name,
            String province,
            String regency,
            String commodity,
            String commodityCode,
            String operator,
            FactoryStatus status,
            String statusReason,
            String staffGroup,
            LocalDate installationDueOn,
            InspectionView lastInspection,
            String commissionedBy,
            Instant commissionedAt,
            String proposedBy,
            Instant proposedAt,
            Instant updatedAt,
            List<MachineView> machines) {}

    public record InspectionView(boolean passed, String findings, String inspectedBy, Instant inspectedAt) {}

    /** Planned machines show their planned type and capacity until installed. */
    public record MachineView(
            String machineId,
            String machineType,
            int capacityHoursPerDay,
            MachineStatus status,
            String maintenanceReason,
            Instant installedAt) {}

    public record CapacityCalendarView(
            String factoryId, LocalDate from, LocalDate to, List<MachineCalendarView> machines) {}

    public record MachineCalendarView(String machineId, String machineType, List<CapacityDayView> days) {}

    /** {@code available} is false on days the machine is in maintenance; its free hours are then 0. */
    public record CapacityDayView(
            LocalDate day, int capacityHours, int bookedHours, int freeHours, boolean available) {}

    /** {@code utilisation} = booked / available machine-hours (0 when nothing was available). */
    public record UtilisationView(
            String factoryId,
            LocalDate from,
            LocalDate to,
            long availableHours,
            long bookedHours,
            double utilisation,
            List<MachineUtilisationView> machines) {}

    public record MachineUtilisationView(
            String machineId, String machineType, long availableHours, long bookedHours, double utilisation) {}

    /** The factory's staff, or nothing when no factory has this id. */
    public record FindFactoryStaff(FactoryId factoryId) {}

    public record FactoryStaffView(String factoryId, String staffGroup, List<StaffMemberView> staff) {}

    /** One person of a factory's staff. */
    public record StaffMemberView(String userId, String firstName, String lastName, String email) {}

    /**
     * Booked against available machine-hours of the whole factory per calendar month, for the months that
     * {@code from..to} (inclusive) touches, each month clipped to the period; months without machines count 0.
     */
    public record FindMonthlyUtilisation(FactoryId factoryId, LocalDate from, LocalDate to) {}

    /** Months in order, none left out. */
    public record MonthlyUtilisationView(
            String factoryId, LocalDate from, LocalDate to, List<MonthUtilisationView> months) {}

    /** {@code month} as {@code 2025-03}; {@code utilisation} = booked / available (0 when nothing was available). */
    public record MonthUtilisationView(String month, long availableHours, long bookedHours, double utilisation) {}

    /** What happened to a factory, oldest first: its commissioning, machines, maintenance, status and staff. */
    public record FindFactoryTimeline(FactoryId factoryId) {}

    public record FactoryTimelineView(String factoryId, List<TimelineEntryView> entries) {}

    /**
     * One step of a factory's history: who did it and when; {@code machineId} for machine steps, {@code detail} the
     * findings, reason, machine type or staff member it is about.
     */
    public record TimelineEntryView(Instant at, TimelineEntryKind kind, String by, String machineId, String detail) {}

    /** The kinds of steps in a factory's timeline, one per factory event a person causes. */
    public enum TimelineEntryKind {
        PROPOSED,
        MACHINE_INSTALLED,
        INSPECTION_PASSED,
        INSPECTION_FAILED,
        COMMISSIONED,
        SUSPENDED,
        RESUMED,
        DECOMMISSIONED,
        MAINTENANCE_STARTED,
        MAINTENANCE_ENDED,
        STAFF_ASSIGNED,
        STAFF_REMOVED
    }
}
