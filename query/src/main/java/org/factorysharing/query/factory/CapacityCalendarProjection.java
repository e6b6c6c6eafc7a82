package org.factorysharing.query.factory;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.messaging.annotation.MessageIdentifier;
import org.factorysharing.api.factory.Allocation;
import org.factorysharing.api.factory.FactoryEvent.FactoryProposed;
import org.factorysharing.api.factory.FactoryEvent.MachineInstalled;
import org.factorysharing.api.factory.FactoryEvent.MachineMaintenanceEnded;
import org.factorysharing.api.factory.FactoryEvent.MachineMaintenanceStarted;
import org.factorysharing.api.factory.FactoryEvent.MachineTimeReleased;
import org.factorysharing.api.factory.FactoryEvent.MachineTimeReserved;
import org.factorysharing.api.factory.FactoryId;
import org.factorysharing.api.job.JobId;
import org.factorysharing.api.shared.ProgrammeTime;
import org.factorysharing.query.factory.MachineHours.MachineDay;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Feeds the capacity calendar and utilisation: machines, maintenance periods and the machine-time ledger.
 * Booked hours are never incremented blindly: each reservation or release is recorded once per event id,
 * machine and day, and the day's total is recomputed from those rows, so a redelivered event changes nothing.
 */
@Component
@ProcessingGroup(CapacityCalendarProjection.PROCESSING_GROUP)
class CapacityCalendarProjection {

    static final String PROCESSING_GROUP = "capacity-calendar";

    private final JdbcTemplate jdbc;

    CapacityCalendarProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(FactoryProposed event) {
        jdbc.update(
                "INSERT INTO capacity_factory (factory_id) VALUES (?) ON CONFLICT DO NOTHING",
                event.factoryId().value());
    }

    @EventHandler
    void on(MachineInstalled event, @Timestamp Instant at) {
        jdbc.update(
                """
                INSERT INTO capacity_machine (factory_id, machine_id, machine_type, capacity_hours_per_day,
                    installed_on)
                VALUES (?, ?, ?, ?, ?)
                ON CONFLICT (factory_id, machine_id) DO UPDATE SET machine_type = EXCLUDED.machine_type,
                    capacity_hours_per_day = EXCLUDED.capacity_hours_per_day, installed_on = EXCLUDED.installed_on""",
                event.factoryId().value(),
                event.machineId(),
                event.machineType(),
                event.capacityHoursPerDay(),
                ProgrammeTime.dateOf(at));
    }

    @EventHandler
    void on(MachineMaintenanceStarted event, @MessageIdentifier String eventId) {
        jdbc.update("""
                INSERT INTO capacity_maintenance (started_event_id, factory_id, machine_id, started_on, ended_on)
                VALUES (?, ?, ?, ?, NULL) ON CONFLICT DO NOTHING""", eventId, event.factoryId().value(), event.machineId(), event.from());
    }

    @EventHandler
    void on(MachineMaintenanceEnded event) {
        // only the open period ends; a redelivered end finds none open
        jdbc.update("""
                UPDATE capacity_maintenance SET ended_on = ?
                WHERE factory_id = ? AND machine_id = ? AND ended_on IS NULL""", event.from(), event.factoryId().value(), event.machineId());
    }

    @EventHandler
    void on(MachineTimeReserved event, @MessageIdentifier String eventId) {
        record(eventId, event.factoryId(), event.jobId(), event.allocations(), +1);
    }

    @EventHandler
    void on(MachineTimeReleased event, @MessageIdentifier String eventId) {
        record(eventId, event.factoryId(), event.jobId(), event.released(), -1);
    }

    @ResetHandler
    void reset() {
        jdbc.update("DELETE FROM capacity_booked_day");
        jdbc.update("DELETE FROM capacity_booking");
        jdbc.update("DELETE FROM capacity_maintenance");
        jdbc.update("DELETE FROM capacity_machine");
        jdbc.update("DELETE FROM capacity_factory");
    }

    private void record(String eventId, FactoryId factoryId, JobId jobId, List<Allocation> allocations, int sign) {
        Map<MachineDay, Integer> hours = MachineHours.perMachineDay(allocations, sign);
        List<Object[]> ledger = new ArrayList<>();
        List<Object[]> days = new ArrayList<>();
        hours.forEach((machineDay, h) -> {
            ledger.add(
                    new Object[] {eventId, factoryId.value(), jobId.value(), machineDay.machineId(), machineDay.day(), h
                    });
            days.add(new Object[] {factoryId.value(), machineDay.machineId(), machineDay.day()});
        });
        jdbc.batchUpdate("""
                INSERT INTO capacity_booking (event_id, factory_id, job_id, machine_id, day, hours)
                VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING""", ledger);
        jdbc.batchUpdate("""
                INSERT INTO capacity_booked_day (factory_id, machine_id, day, booked_hours)
                SELECT factory_id, machine_id, day, sum(hours) FROM capacity_booking
                WHERE factory_id = ? AND machine_id = ? AND day = ?
                GROUP BY factory_id, machine_id, day
                ON CONFLICT (factory_id, machine_id, day) DO UPDATE SET booked_hours = EXCLUDED.booked_hours""", days);
    }
}
