package org.factorysharing.query.programme;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.messaging.annotation.MessageIdentifier;
import org.factorysharing.api.factory.Allocation;
import org.factorysharing.api.factory.FactoryEvent.FactoryCommissioned;
import org.factorysharing.api.factory.FactoryEvent.FactoryDecommissioned;
import org.factorysharing.api.factory.FactoryEvent.FactoryProposed;
import org.factorysharing.api.factory.FactoryEvent.FactoryResumed;
import org.factorysharing.api.factory.FactoryEvent.FactorySuspended;
import org.factorysharing.api.factory.FactoryEvent.MachineInstalled;
import org.factorysharing.api.factory.FactoryEvent.MachineTimeReleased;
import org.factorysharing.api.factory.FactoryEvent.MachineTimeReserved;
import org.factorysharing.api.factory.FactoryId;
import org.factorysharing.api.factory.FactoryStatus;
import org.factorysharing.api.job.JobEvent.ProductionJobCompleted;
import org.factorysharing.api.job.JobEvent.ProductionJobRequested;
import org.factorysharing.api.job.JobEvent.ProductionJobSentToRework;
import org.factorysharing.api.job.JobId;
import org.factorysharing.api.programme.WaveEvent.EarlyEvaluationApproved;
import org.factorysharing.api.programme.WaveEvent.FactoryEnrolled;
import org.factorysharing.api.programme.WaveEvent.PilotExtended;
import org.factorysharing.api.programme.WaveEvent.WavePlanned;
import org.factorysharing.api.programme.WaveEvent.WaveStarted;
import org.factorysharing.api.region.RegionId;
import org.factorysharing.api.shared.ProgrammeTime;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Feeds the programme KPIs. The group runs as one segment, so events are applied in the event store's order, and
 * every handler records the event's global position: the figures then include every event up to that position,
 * which a recommendation records so that an auditor can recompute it. The wave's factories and period are kept
 * here too (not read from the dashboard), so they are as of the same position. Writes are upserts or keyed by
 * the event id: handling an event again changes nothing.
 */
@Component
@ProcessingGroup(ProgrammeKpiProjection.PROCESSING_GROUP)
class ProgrammeKpiProjection {

    static final String PROCESSING_GROUP = "programme-kpi";

    private final JdbcTemplate jdbc;

    ProgrammeKpiProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    // --- waves: their factories and KPI period ---

    @EventHandler
    void on(WavePlanned event, TrackingToken token) {
        jdbc.update(
                "INSERT INTO programme_kpi_wave (wave_id) VALUES (?) ON CONFLICT DO NOTHING",
                event.waveId().value());
        position(token);
    }

    @EventHandler
    void on(FactoryEnrolled event, TrackingToken token) {
        jdbc.update(
                "INSERT INTO programme_kpi_wave_factory (wave_id, factory_id) VALUES (?, ?) ON CONFLICT DO NOTHING",
                event.waveId().value(),
                event.factoryId().value());
        position(token);
    }

    @EventHandler
    void on(WaveStarted event, TrackingToken token) {
        period(
                event.waveId().value(),
                ProgrammeTime.dateOf(event.startedAt()),
                ProgrammeTime.dateOf(event.pilotEndsAt()));
        position(token);
    }

    /** The period now ends with the extension; it still starts on the wave's start day. */
    @EventHandler
    void on(PilotExtended event, TrackingToken token) {
        jdbc.update(
                "UPDATE programme_kpi_wave SET ends_on = ? WHERE wave_id = ?",
                ProgrammeTime.dateOf(event.pilotEndsAt()),
                event.waveId().value());
        position(token);
    }

    /** An approved early evaluation ends the pilot period on the day of the approval. */
    @EventHandler
    void on(EarlyEvaluationApproved event, TrackingToken token) {
        jdbc.update(
                "UPDATE programme_kpi_wave SET ends_on = ? WHERE wave_id = ?",
                ProgrammeTime.dateOf(event.pilotEndsAt()),
                event.waveId().value());
        position(token);
    }

    // --- factories: capacity, commissioning, status ---

    @EventHandler
    void on(FactoryProposed event, TrackingToken token) {
        jdbc.update(
                """
                INSERT INTO programme_kpi_factory (factory_id, name, region_id, commodity_code,
                    capacity_hours_per_day, status)
                VALUES (?, ?, ?, ?, 0, ?)
                ON CONFLICT (factory_id) DO UPDATE SET name = EXCLUDED.name, region_id = EXCLUDED.region_id,
                    commodity_code = EXCLUDED.commodity_code""",
                event.factoryId().value(),
                event.name(),
                RegionId.of(event.province(), event.regency()).value(),
                event.commodityCode(),
                FactoryStatus.PROPOSED.name());
        position(token);
    }

    /** Capacity is the sum over the installed machines, recomputed: installing a machine again counts it once. */
    @EventHandler
    void on(MachineInstalled event, TrackingToken token) {
        String factoryId = event.factoryId().value();
        jdbc.update("""
                INSERT INTO programme_kpi_machine (factory_id, machine_id, capacity_hours_per_day) VALUES (?, ?, ?)
                ON CONFLICT (factory_id, machine_id) DO UPDATE SET
                    capacity_hours_per_day = EXCLUDED.capacity_hours_per_day""", factoryId, event.machineId(), event.capacityHoursPerDay());
        ensureFactory(factoryId);
        jdbc.update("""
                UPDATE programme_kpi_factory SET capacity_hours_per_day =
                    (SELECT coalesce(sum(capacity_hours_per_day), 0) FROM programme_kpi_machine WHERE factory_id = ?)
                WHERE factory_id = ?""", factoryId, factoryId);
        position(token);
    }

    /** The first commissioning's day counts; a redelivered one keeps it. */
    @EventHandler
    void on(FactoryCommissioned event, @Timestamp Instant at, TrackingToken token) {
        String factoryId = event.factoryId().value();
        ensureFactory(factoryId);
        jdbc.update("""
                UPDATE programme_kpi_factory SET commissioned_on = coalesce(commissioned_on, ?), status = ?
                WHERE factory_id = ?""", ProgrammeTime.dateOf(at), FactoryStatus.COMMISSIONED.name(), factoryId);
        position(token);
    }

    @EventHandler
    void on(FactorySuspended event, TrackingToken token) {
        status(event.factoryId(), FactoryStatus.SUSPENDED);
        position(token);
    }

    @EventHandler
    void on(FactoryResumed event, TrackingToken token) {
        status(event.factoryId(), FactoryStatus.COMMISSIONED);
        position(token);
    }

    @EventHandler
    void on(FactoryDecommissioned event, TrackingToken token) {
        status(event.factoryId(), FactoryStatus.DECOMMISSIONED);
        position(token);
    }

    // --- bookings ---

    @EventHandler
    void on(MachineTimeReserved event, @MessageIdentifier String eventId, TrackingToken token) {
        book(eventId, event.factoryId(), event.allocations(), +1);
        position(token);
    }

    @EventHandler
    void on(MachineTimeReleased event, @MessageIdentifier String eventId, TrackingToken token) {
        book(eventId, event.factoryId(), event.released(), -1);
        position(token);
    }

    // --- jobs: completions and inspections ---

    @EventHandler
    void on(ProductionJobRequested event, TrackingToken token) {
        jdbc.update(
                """
                INSERT INTO programme_kpi_job (job_id, factory_id, member_id) VALUES (?, ?, ?)
                ON CONFLICT (job_id) DO NOTHING""",
                event.jobId().value(),
                event.factoryId().value(),
                event.memberId().value());
        position(token);
    }

    @EventHandler
    void on(
            ProductionJobCompleted event,
            @MessageIdentifier String eventId,
            @Timestamp Instant at,
            TrackingToken token) {
        Job job = job(event.jobId());
        LocalDate day = ProgrammeTime.dateOf(at);
        jdbc.update("""
                INSERT INTO programme_kpi_completion (job_id, factory_id, member_id, day, good_units)
                VALUES (?, ?, ?, ?, ?) ON CONFLICT (job_id) DO NOTHING""", event.jobId().value(), job.factoryId(), job.memberId(), day, event.goodUnits());
        inspection(eventId, event.jobId(), job, day, true);
        position(token);
    }

    @EventHandler
    void on(
            ProductionJobSentToRework event,
            @MessageIdentifier String eventId,
            @Timestamp Instant at,
            TrackingToken token) {
        inspection(eventId, event.jobId(), job(event.jobId()), ProgrammeTime.dateOf(at), false);
        position(token);
    }

    @ResetHandler
    void reset() {
        for (String table : List.of(
                "programme_kpi_position",
                "programme_kpi_wave",
                "programme_kpi_wave_factory",
                "programme_kpi_factory",
                "programme_kpi_machine",
                "programme_kpi_job",
                "programme_kpi_booking",
                "programme_kpi_completion",
                "programme_kpi_inspection")) {
            jdbc.update("DELETE FROM " + table);
        }
    }

    /** The projection's position only moves forward (a redelivered older event leaves it). */
    private void position(TrackingToken token) {
        OptionalLong position = token == null ? OptionalLong.empty() : token.position();
        if (position.isEmpty()) {
            return;
        }
        jdbc.update("""
                INSERT INTO programme_kpi_position (id, event_position) VALUES (1, ?)
                ON CONFLICT (id) DO UPDATE SET
                    event_position = GREATEST(programme_kpi_position.event_position, EXCLUDED.event_position)""", position.getAsLong());
    }

    private void period(String waveId, LocalDate startedOn, LocalDate endsOn) {
        jdbc.update("""
                INSERT INTO programme_kpi_wave (wave_id, started_on, ends_on) VALUES (?, ?, ?)
                ON CONFLICT (wave_id) DO UPDATE SET started_on = EXCLUDED.started_on, ends_on = EXCLUDED.ends_on""", waveId, startedOn, endsOn);
    }

    /** A factory's row even if its proposal was not seen (it still counts its capacity and commissioning). */
    private void ensureFactory(String factoryId) {
        jdbc.update("""
                INSERT INTO programme_kpi_factory (factory_id, capacity_hours_per_day) VALUES (?, 0)
                ON CONFLICT DO NOTHING""", factoryId);
    }

    private void status(FactoryId factoryId, FactoryStatus status) {
        ensureFactory(factoryId.value());
        jdbc.update(
                "UPDATE programme_kpi_factory SET status = ? WHERE factory_id = ?", status.name(), factoryId.value());
    }

    private void book(String eventId, FactoryId factoryId, List<Allocation> allocations, int sign) {
        // one row per day of the event: several machines on one day are summed
        Map<LocalDate, Integer> perDay = new LinkedHashMap<>();
        allocations.forEach(a -> perDay.merge(a.day(), sign * a.hours(), Integer::sum));
        List<Object[]> rows = new ArrayList<>();
        perDay.forEach((day, hours) -> rows.add(new Object[] {eventId, factoryId.value(), day, hours}));
        jdbc.batchUpdate("""
                INSERT INTO programme_kpi_booking (event_id, factory_id, day, hours) VALUES (?, ?, ?, ?)
                ON CONFLICT DO NOTHING""", rows);
    }

    private record Job(String factoryId, String memberId) {}

    private Job job(JobId jobId) {
        return jdbc
                .query(
                        "SELECT factory_id, member_id FROM programme_kpi_job WHERE job_id = ?",
                        (row, i) -> new Job(row.getString("factory_id"), row.getString("member_id")),
                        jobId.value())
                .stream()
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("job " + jobId + " was never requested"));
    }

    private void inspection(String eventId, JobId jobId, Job job, LocalDate day, boolean passed) {
        jdbc.update("""
                INSERT INTO programme_kpi_inspection (event_id, job_id, factory_id, day, passed) VALUES (?, ?, ?, ?, ?)
                ON CONFLICT DO NOTHING""", eventId, jobId.value(), job.factoryId(), day, passed);
    }
}
