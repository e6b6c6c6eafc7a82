package org.factorysharing.query.programme;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.factorysharing.api.programme.KpiFigures;
import org.factorysharing.api.programme.ProgrammeQueries.MonthlyKpiView;

/**
 * The arithmetic of the programme KPIs over a set of factories and a day range {@code from..to} (both inclusive),
 * from the facts the KPI projection keeps. Pure, so that every definition is tested without a database.
 */
final class KpiCalculator {

    private KpiCalculator() {}

    /** A factory's installed capacity and the day it was commissioned (null: not yet). */
    record Factory(String factoryId, int capacityHoursPerDay, LocalDate commissionedOn) {}

    /** Hours booked at a factory on a day (already summed over machines and events). */
    record BookedDay(String factoryId, LocalDate day, long hours) {}

    record Completion(String factoryId, String memberId, LocalDate day, long goodUnits) {}

    /** A quality inspection: a completion passed, a rework did not. */
    record Inspection(String factoryId, LocalDate day, boolean passed) {}

    /** Everything the KPIs are computed from. */
    record Facts(
            List<Factory> factories,
            List<BookedDay> bookings,
            List<Completion> completions,
            List<Inspection> inspections) {

        /** The facts of these factories only. */
        Facts of(Collection<String> factoryIds) {
            return new Facts(
                    factories.stream()
                            .filter(f -> factoryIds.contains(f.factoryId()))
                            .toList(),
                    bookings.stream()
                            .filter(b -> factoryIds.contains(b.factoryId()))
                            .toList(),
                    completions.stream()
                            .filter(c -> factoryIds.contains(c.factoryId()))
                            .toList(),
                    inspections.stream()
                            .filter(i -> factoryIds.contains(i.factoryId()))
                            .toList());
        }
    }

    /**
     * The KPIs of the factories over {@code from..to}. A factory counts as commissioned when it was commissioned
     * on or before {@code to}; it offers its capacity on each day from its commissioning (or {@code from}, if
     * later) to {@code to}; booked hours count on those same days only, so utilisation never sets hours booked
     * before commissioning against nothing. Completions and inspections count by the day they happened.
     */
    static KpiFigures figures(Facts facts, LocalDate from, LocalDate to) {
        if (from == null || to == null || to.isBefore(from)) {
            return KpiFigures.NONE;
        }
        Map<String, Factory> factories = facts.factories().stream()
                .collect(Collectors.toMap(Factory::factoryId, Function.identity(), (a, b) -> a));
        int commissioned = 0;
        long available = 0;
        for (Factory factory : factories.values()) {
            if (commissionedBy(factory, to)) {
                commissioned++;
                available += availableHours(factory, from, to);
            }
        }
        long booked = 0;
        for (BookedDay booking : facts.bookings()) {
            Factory factory = factories.get(booking.factoryId());
            if (factory != null && within(booking.day(), from, to) && commissionedBy(factory, booking.day())) {
                booked += booking.hours();
            }
        }
        int jobs = 0;
        long output = 0;
        Set<String> members = new HashSet<>();
        for (Completion completion : facts.completions()) {
            if (factories.containsKey(completion.factoryId()) && within(completion.day(), from, to)) {
                jobs++;
                output += completion.goodUnits();
                members.add(completion.memberId());
            }
        }
        int inspections = 0;
        int passed = 0;
        for (Inspection inspection : facts.inspections()) {
            if (factories.containsKey(inspection.factoryId()) && within(inspection.day(), from, to)) {
                inspections++;
                if (inspection.passed()) {
                    passed++;
                }
            }
        }
        return new KpiFigures(
                commissioned,
                booked,
                available,
                ratio(booked, available),
                members.size(),
                jobs,
                output,
                inspections,
                ratio(passed, inspections));
    }

    /** One entry per calendar month touching {@code from..to}, each over the part of the month inside it. */
    static List<MonthlyKpiView> monthly(Facts facts, LocalDate from, LocalDate to) {
        List<MonthlyKpiView> months = new ArrayList<>();
        if (from == null || to == null || to.isBefore(from)) {
            return months;
        }
        for (YearMonth month = YearMonth.from(from); !month.isAfter(YearMonth.from(to)); month = month.plusMonths(1)) {
            LocalDate start = later(month.atDay(1), from);
            LocalDate end = earlier(month.atEndOfMonth(), to);
            months.add(new MonthlyKpiView(month.toString(), figures(facts, start, end)));
        }
        return months;
    }

    /** Capacity times the days from commissioning (or {@code from}, if later) to {@code to}; 0 if not commissioned. */
    static long availableHours(Factory factory, LocalDate from, LocalDate to) {
        if (!commissionedBy(factory, to)) {
            return 0;
        }
        LocalDate first = later(from, factory.commissionedOn());
        return first.isAfter(to) ? 0 : (ChronoUnit.DAYS.between(first, to) + 1) * factory.capacityHoursPerDay();
    }

    /** {@code part / whole} as a fraction; 0 when the whole is 0 (not NaN). */
    static double ratio(long part, long whole) {
        return whole == 0 ? 0.0 : (double) part / whole;
    }

    private static boolean commissionedBy(Factory factory, LocalDate day) {
        return factory.commissionedOn() != null && !factory.commissionedOn().isAfter(day);
    }

    private static boolean within(LocalDate day, LocalDate from, LocalDate to) {
        return !day.isBefore(from) && !day.isAfter(to);
    }

    private static LocalDate later(LocalDate a, LocalDate b) {
        return a.isAfter(b) ? a : b;
    }

    private static LocalDate earlier(LocalDate a, LocalDate b) {
        return a.isBefore(b) ? a : b;
    }
}
