package org.factorysharing.query.programme;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.factorysharing.api.programme.ProgrammeQueries.WaveKpisView;
import org.factorysharing.query.programme.KpiCalculator.BookedDay;
import org.factorysharing.query.programme.KpiCalculator.Completion;
import org.factorysharing.query.programme.KpiCalculator.Factory;
import org.factorysharing.query.programme.KpiCalculator.Facts;
import org.factorysharing.query.programme.KpiCalculator.Inspection;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Reads the KPI projection's tables: a wave's period and factories, the facts of a period and the position the
 * tables include every event up to. Callers read in one repeatable-read transaction, so all of it is one snapshot.
 */
@Component
class ProgrammeKpiReader {

    private final NamedParameterJdbcTemplate jdbc;

    ProgrammeKpiReader(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** A wave's KPI period (both null before it started) and factories, as the KPI projection knows them. */
    record KpiWave(String waveId, LocalDate from, LocalDate to, List<String> factoryIds) {

        static KpiWave unstarted(String waveId) {
            return new KpiWave(waveId, null, null, List.of());
        }

        /** The period ending on {@code day} instead (this one when null or before the wave started). */
        KpiWave until(LocalDate day) {
            return day == null || from == null ? this : new KpiWave(waveId, from, day, factoryIds);
        }
    }

    Optional<KpiWave> wave(String waveId) {
        MapSqlParameterSource id = new MapSqlParameterSource("waveId", waveId);
        List<String> factories = jdbc.queryForList("""
                SELECT factory_id FROM programme_kpi_wave_factory WHERE wave_id = :waveId ORDER BY factory_id""", id, String.class);
        return jdbc
                .query(
                        "SELECT started_on, ends_on FROM programme_kpi_wave WHERE wave_id = :waveId",
                        id,
                        (row, i) -> new KpiWave(
                                waveId,
                                row.getObject("started_on", LocalDate.class),
                                row.getObject("ends_on", LocalDate.class),
                                factories))
                .stream()
                .findFirst();
    }

    /**
     * The position the KPI tables include every event up to. An event parked in the group's dead-letter queue is
     * not in the tables although later events are: the position then stops just before the first parked event,
     * so that it never claims more than the figures contain.
     */
    long position() {
        long applied = jdbc
                .getJdbcTemplate()
                .query("SELECT event_position FROM programme_kpi_position WHERE id = 1", (row, i) -> row.getLong(1))
                .stream()
                .findFirst()
                .orElse(0L);
        Long firstParked = jdbc.queryForObject(
                """
                SELECT min(e.global_index) FROM dead_letter_entry d
                JOIN domain_event_entry e ON e.event_identifier = d.event_identifier
                WHERE d.processing_group = :group""", new MapSqlParameterSource("group", ProgrammeKpiProjection.PROCESSING_GROUP), Long.class);
        return firstParked == null ? applied : Math.min(applied, firstParked - 1);
    }

    /** The facts of the factories on days {@code from..to}; none without a period or factories. */
    Facts facts(Collection<String> factoryIds, LocalDate from, LocalDate to) {
        if (factoryIds.isEmpty() || from == null || to == null) {
            return new Facts(List.of(), List.of(), List.of(), List.of());
        }
        MapSqlParameterSource params = new MapSqlParameterSource()
                .addValue("ids", factoryIds)
                .addValue("from", from)
                .addValue("to", to);
        List<Factory> factories = jdbc.query(
                """
                SELECT factory_id, capacity_hours_per_day, commissioned_on FROM programme_kpi_factory
                WHERE factory_id IN (:ids)""",
                params,
                (row, i) -> new Factory(
                        row.getString("factory_id"),
                        row.getInt("capacity_hours_per_day"),
                        row.getObject("commissioned_on", LocalDate.class)));
        List<BookedDay> bookings = jdbc.query(
                """
                SELECT factory_id, day, sum(hours) AS hours FROM programme_kpi_booking
                WHERE factory_id IN (:ids) AND day BETWEEN :from AND :to
                GROUP BY factory_id, day""",
                params,
                (row, i) -> new BookedDay(
                        row.getString("factory_id"), row.getObject("day", LocalDate.class), row.getLong("hours")));
        List<Completion> completions = jdbc.query(
                """
                SELECT factory_id, member_id, day, good_units FROM programme_kpi_completion
                WHERE factory_id IN (:ids) AND day BETWEEN :from AND :to""",
                params,
                (row, i) -> new Completion(
                        row.getString("factory_id"),
                        row.getString("member_id"),
                        row.getObject("day", LocalDate.class),
                        row.getLong("good_units")));
        List<Inspection> inspections = jdbc.query(
                """
                SELECT factory_id, day, passed FROM programme_kpi_inspection
                WHERE factory_id IN (:ids) AND day BETWEEN :from AND :to""",
                params,
                (row, i) -> new Inspection(
                        row.getString("factory_id"), row.getObject("day", LocalDate.class), row.getBoolean("passed")));
        return new Facts(factories, bookings, completions, inspections);
    }

    /** The wave's KPIs over its period, per month too, with the position they include every event up to. */
    WaveKpisView kpis(KpiWave wave, Facts facts, long position) {
        return new WaveKpisView(
                wave.waveId(),
                wave.from(),
                wave.to(),
                KpiCalculator.figures(facts, wave.from(), wave.to()),
                KpiCalculator.monthly(facts, wave.from(), wave.to()),
                position);
    }
}
