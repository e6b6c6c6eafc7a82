package org.factorysharing.query.factory;

import java.time.LocalDate;
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
import org.factorysharing.api.factory.FactoryQueries.FindUtilisation;
import org.factorysharing.api.factory.FactoryQueries.MachineCalendarView;
import org.factorysharing.api.factory.FactoryQueries.MachineUtilisationView;
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

    /** Days from {@code :from} (or the installation day, if later) to {@code :to} of machine {@code m}. */
    private static final String MACHINE_DAYS = """
            SELECT CAST(g AS date) AS day
            FROM generate_series(CAST(GREATEST(CAST(:from AS date), m.installed_on) AS timestamp),
                                 CAST(CAST(:to AS date) AS timestamp), INTERVAL '1 day') AS g""";

    /** True unless machine {@code m} is in a maintenance period on {@code d.day} (end day exclusive). */
    private static final String AVAILABLE = """
            NOT EXISTS (SELECT 1 FROM capacity_maintenance p
                        WHERE p.factory_id = m.factory_id AND p.machine_id = m.machine_id
                          AND p.started_on <= d.day AND (p.ended_on IS NULL OR p.ended_on > d.day))""";

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
            typeFilter = "AND m.machine_type = :machineType";
            params.addValue("machineType", query.machineType());
        }
        String sql = """
                SELECT m.machine_id, m.machine_type, m.capacity_hours_per_day, d.day,
                       COALESCE(b.booked_hours, 0) AS booked_hours, %s AS available
                FROM capacity_machine m
                CROSS JOIN LATERAL (%s) d
                LEFT JOIN capacity_booked_day b
                       ON b.factory_id = m.factory_id AND b.machine_id = m.machine_id AND b.day = d.day
                WHERE m.factory_id = :factoryId %s
                ORDER BY m.machine_id, d.day""".formatted(AVAILABLE, MACHINE_DAYS, typeFilter);
        Map<String, MachineCalendarView> machines = new LinkedHashMap<>();
        jdbc.query(sql, params, rs -> {
            String machineId = rs.getString("machine_id");
            String machineType = rs.getString("machine_type");
            int capacity = rs.getInt("capacity_hours_per_day");
            int booked = rs.getInt("booked_hours");
            boolean available = rs.getBoolean("available");
            machines.computeIfAbsent(machineId, id -> new MachineCalendarView(id, machineType, new ArrayList<>()))
                    .days().add(new CapacityDayView(rs.getObject("day", LocalDate.class), capacity, booked,
                            MachineHours.freeHours(capacity, booked, available), available));
        });
        return Optional.of(new CapacityCalendarView(query.factoryId().value(), query.from(), query.to(),
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
        String sql = """
                SELECT m.machine_id, m.machine_type,
                       COALESCE(sum(m.capacity_hours_per_day) FILTER (WHERE d.available), 0) AS available_hours,
                       COALESCE(sum(b.booked_hours) FILTER (WHERE d.available), 0) AS booked_hours
                FROM capacity_machine m
                LEFT JOIN LATERAL (SELECT d.day, %s AS available FROM (%s) d) d ON true
                LEFT JOIN capacity_booked_day b
                       ON b.factory_id = m.factory_id AND b.machine_id = m.machine_id AND b.day = d.day
                WHERE m.factory_id = :factoryId AND m.installed_on <= CAST(:to AS date)
                GROUP BY m.machine_id, m.machine_type
                ORDER BY m.machine_id""".formatted(AVAILABLE, MACHINE_DAYS);
        List<MachineUtilisationView> machines = jdbc.query(sql, params, (rs, row) -> {
            long available = rs.getLong("available_hours");
            long booked = rs.getLong("booked_hours");
            return new MachineUtilisationView(rs.getString("machine_id"), rs.getString("machine_type"), available,
                    booked, MachineHours.utilisation(booked, available));
        });
        long available = machines.stream().mapToLong(MachineUtilisationView::availableHours).sum();
        long booked = machines.stream().mapToLong(MachineUtilisationView::bookedHours).sum();
        return Optional.of(new UtilisationView(query.factoryId().value(), query.from(), query.to(), available,
                booked, MachineHours.utilisation(booked, available), machines));
    }

    private boolean known(FactoryId factoryId) {
        return Boolean.TRUE.equals(jdbc.queryForObject(
                "SELECT EXISTS (SELECT 1 FROM capacity_factory WHERE factory_id = :factoryId)",
                Map.of("factoryId", factoryId.value()), Boolean.class));
    }
}
