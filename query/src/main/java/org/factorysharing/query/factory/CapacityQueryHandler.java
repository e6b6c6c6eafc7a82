package org.factorysharing.query.factory;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.axonframework.queryhandling.QueryHandler;
import org.factorysharing.api.factory.FactoryId;
import org.factorysharing.api.factory.FactoryQueries.CapacityCalendarView;
import org.factorysharing.api.factory.FactoryQueries.CapacityDayView;
import org.factorysharing.api.factory.FactoryQueries.FindCapacityCalendar;
import org.factorysharing.api.factory.FactoryQueries.FindMonthlyUtilisation;
import org.factorysharing.api.factory.FactoryQueries.FindUtilisation;
import org.factorysharing.api.factory.FactoryQueries.MachineCalendarView;
import org.factorysharing.api.factory.FactoryQueries.MachineUtilisationView;
import org.factorysharing.api.factory.FactoryQueries.MonthUtilisationView;
import org.factorysharing.api.factory.FactoryQueries.MonthlyUtilisationView;
import org.factorysharing.api.factory.FactoryQueries.UtilisationView;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Answers the capacity calendar and utilisation from the capacity tables. Days, bookings and maintenance are
 * joined and summed in PostgreSQL: a year of a busy factory is a few thousand machine-days, not a Java loop
 * over every reservation.
 */
@Component
class CapacityQueryHandler {

    /**
     * The factory's machines (the placeholder takes an optional machine type filter), every day of each from
     * {@code :from} (or its installation, if later) to {@code :to}, and their maintenance days in the period (end
     * day exclusive). Joining these by hash is cheaper than checking maintenance once per machine-day.
     */
    private static final String MACHINE_DAYS = """
            WITH machine AS (
                SELECT machine_id, machine_type, capacity_hours_per_day, installed_on FROM capacity_machine
                WHERE factory_id = :factoryId %s),
            machine_day AS (
                SELECT m.machine_id, CAST(g AS date) AS day
                FROM machine m, generate_series(CAST(GREATEST(CAST(:from AS date), m.installed_on) AS timestamp),
                                                CAST(CAST(:to AS date) AS timestamp), INTERVAL '1 day') AS g),
            maintenance_day AS (
                SELECT DISTINCT p.machine_id, CAST(g AS date) AS day
                FROM capacity_maintenance p,
                     generate_series(CAST(GREATEST(CAST(:from AS date), p.started_on) AS timestamp),
                                     CAST(LEAST(CAST(:to AS date), p.ended_on - 1) AS timestamp),
                                     INTERVAL '1 day') AS g
                WHERE p.factory_id = :factoryId)
            """;

    private final NamedParameterJdbcTemplate jdbc;

    CapacityQueryHandler(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @QueryHandler
    @Transactional(readOnly = true)
    public Optional<CapacityCalendarView> handle(FindCapacityCalendar query) {
        if (!known(query.factoryId())) {
            return Optional.empty();
        }
        MapSqlParameterSource params = new MapSqlParameterSource()
                .addValue("factoryId", query.factoryId().value())
                .addValue("from", query.from())
                .addValue("to", query.to());
        String typeFilter = "";
        if (query.machineType() != null) {
            typeFilter = "AND machine_type = :machineType";
            params.addValue("machineType", query.machineType());
        }
        String sql = MACHINE_DAYS.formatted(typeFilter) + """
                SELECT m.machine_id, m.machine_type, m.capacity_hours_per_day, d.day,
                       COALESCE(b.booked_hours, 0) AS booked_hours, mt.day IS NULL AS available
                FROM machine m
                JOIN machine_day d ON d.machine_id = m.machine_id
                LEFT JOIN maintenance_day mt ON mt.machine_id = d.machine_id AND mt.day = d.day
                LEFT JOIN capacity_booked_day b
                       ON b.factory_id = :factoryId AND b.machine_id = d.machine_id AND b.day = d.day
                ORDER BY m.machine_id, d.day""";
        Map<String, MachineCalendarView> machines = new LinkedHashMap<>();
        jdbc.query(sql, params, rs -> {
            String machineId = rs.getString("machine_id");
            String machineType = rs.getString("machine_type");
            int capacity = rs.getInt("capacity_hours_per_day");
            int booked = rs.getInt("booked_hours");
            boolean available = rs.getBoolean("available");
            machines.computeIfAbsent(machineId, id -> new MachineCalendarView(id, machineType, new ArrayList<>()))
                    .days()
                    .add(new CapacityDayView(
                            rs.getObject("day", LocalDate.class),
                            capacity,
                            booked,
                            MachineHours.freeHours(capacity, booked, available),
                            available));
        });
        return Optional.of(new CapacityCalendarView(
                query.factoryId().value(),
                query.from(),
                query.to(),
                machines.values().stream()
                        .map(m -> new MachineCalendarView(m.machineId(), m.machineType(), List.copyOf(m.days())))
                        .toList()));
    }

    @QueryHandler
    @Transactional(readOnly = true)
    public Optional<UtilisationView> handle(FindUtilisation query) {
        if (!known(query.factoryId())) {
            return Optional.empty();
        }
        MapSqlParameterSource params = new MapSqlParameterSource()
                .addValue("factoryId", query.factoryId().value())
                .addValue("from", query.from())
                .addValue("to", query.to());
        // booked hours count only on days the machine was available, like the capacity they are set against
        String sql = MACHINE_DAYS.formatted("") + """
                SELECT m.machine_id, m.machine_type,
                       COALESCE(sum(m.capacity_hours_per_day) FILTER (WHERE d.day IS NOT NULL AND mt.day IS NULL), 0)
                           AS available_hours,
                       COALESCE(sum(b.booked_hours) FILTER (WHERE mt.day IS NULL), 0) AS booked_hours
                FROM machine m
                LEFT JOIN machine_day d ON d.machine_id = m.machine_id
                LEFT JOIN maintenance_day mt ON mt.machine_id = d.machine_id AND mt.day = d.day
                LEFT JOIN capacity_booked_day b
                       ON b.factory_id = :factoryId AND b.machine_id = d.machine_id AND b.day = d.day
                WHERE m.installed_on <= CAST(:to AS date)
                GROUP BY m.machine_id, m.machine_type
                ORDER BY m.machine_id""";
        List<MachineUtilisationView> machines = jdbc.query(sql, params, (rs, row) -> {
            long available = rs.getLong("available_hours");
            long booked = rs.getLong("booked_hours");
            return new MachineUtilisationView(
                    rs.getString("machine_id"),
                    rs.getString("machine_type"),
                    available,
                    booked,
                    MachineHours.utilisation(booked, available));
        });
        long available = machines.stream()
                .mapToLong(MachineUtilisationView::availableHours)
                .sum();
        long booked =
                machines.stream().mapToLong(MachineUtilisationView::bookedHours).sum();
        return Optional.of(new UtilisationView(
                query.factoryId().value(),
                query.from(),
                query.to(),
                available,
                booked,
                MachineHours.utilisation(booked, available),
                machines));
    }

    /**
     * Per calendar month of {@code from..to}: the same sums as {@link FindUtilisation} for the whole factory, each
     * month clipped to the period; a month without any machine-day is answered with zeros, not left out.
     */
    @QueryHandler
    @Transactional(readOnly = true)
    public Optional<MonthlyUtilisationView> handle(FindMonthlyUtilisation query) {
        if (!known(query.factoryId())) {
            return Optional.empty();
        }
        MapSqlParameterSource params = new MapSqlParameterSource()
                .addValue("factoryId", query.factoryId().value())
                .addValue("from", query.from())
                .addValue("to", query.to());
        String sql = MACHINE_DAYS.formatted("") + """
                SELECT to_char(d.day, 'YYYY-MM') AS month,
                       COALESCE(sum(m.capacity_hours_per_day) FILTER (WHERE mt.day IS NULL), 0) AS available_hours,
                       COALESCE(sum(b.booked_hours) FILTER (WHERE mt.day IS NULL), 0) AS booked_hours
                FROM machine m
                JOIN machine_day d ON d.machine_id = m.machine_id
                LEFT JOIN maintenance_day mt ON mt.machine_id = d.machine_id AND mt.day = d.day
                LEFT JOIN capacity_booked_day b
                       ON b.factory_id = :factoryId AND b.machine_id = d.machine_id AND b.day = d.day
                GROUP BY month""";
        Map<String, long[]> sums = new LinkedHashMap<>();
        jdbc.query(sql, params, rs -> {
            sums.put(rs.getString("month"), new long[] {rs.getLong("available_hours"), rs.getLong("booked_hours")});
        });
        List<MonthUtilisationView> months = new ArrayList<>();
        for (YearMonth month = YearMonth.from(query.from());
                !month.isAfter(YearMonth.from(query.to()));
                month = month.plusMonths(1)) {
            long[] hours = sums.getOrDefault(month.toString(), new long[] {0, 0});
            months.add(new MonthUtilisationView(
                    month.toString(), hours[0], hours[1], MachineHours.utilisation(hours[1], hours[0])));
        }
        return Optional.of(new MonthlyUtilisationView(query.factoryId().value(), query.from(), query.to(), months));
    }

    private boolean known(FactoryId factoryId) {
        return Boolean.TRUE.equals(jdbc.queryForObject(
                "SELECT EXISTS (SELECT 1 FROM capacity_factory WHERE factory_id = :factoryId)",
                Map.of("factoryId", factoryId.value()),
                Boolean.class));
    }
}
