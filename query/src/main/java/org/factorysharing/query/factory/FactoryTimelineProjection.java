package org.factorysharing.query.factory;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.queryhandling.QueryHandler;
import org.factorysharing.api.factory.FactoryEvent.FactoryCommissioned;
import org.factorysharing.api.factory.FactoryEvent.FactoryDecommissioned;
import org.factorysharing.api.factory.FactoryEvent.FactoryInspected;
import org.factorysharing.api.factory.FactoryEvent.FactoryProposed;
import org.factorysharing.api.factory.FactoryEvent.FactoryResumed;
import org.factorysharing.api.factory.FactoryEvent.FactoryStaffAssigned;
import org.factorysharing.api.factory.FactoryEvent.FactoryStaffRemoved;
import org.factorysharing.api.factory.FactoryEvent.FactorySuspended;
import org.factorysharing.api.factory.FactoryEvent.MachineInstalled;
import org.factorysharing.api.factory.FactoryEvent.MachineMaintenanceEnded;
import org.factorysharing.api.factory.FactoryEvent.MachineMaintenanceStarted;
import org.factorysharing.api.factory.FactoryId;
import org.factorysharing.api.factory.FactoryQueries.FactoryTimelineView;
import org.factorysharing.api.factory.FactoryQueries.FindFactoryTimeline;
import org.factorysharing.api.factory.FactoryQueries.TimelineEntryKind;
import org.factorysharing.api.factory.FactoryQueries.TimelineEntryView;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Feeds and answers a factory's timeline (its commissioning, machines, maintenance, status and staff, oldest first).
 * Each row is keyed by the event's sequence number within its factory, so handling an event again adds nothing and
 * the order is the order in which the factory decided. Machine-time bookings are not steps of the timeline.
 */
@Component
@ProcessingGroup(FactoryTimelineProjection.PROCESSING_GROUP)
class FactoryTimelineProjection {

    static final String PROCESSING_GROUP = "factory-timeline";

    /** The column's width: a longer text (a very long reason) is cut rather than stopping the read model. */
    static final int MAX_DETAIL = 4000;

    private final JdbcTemplate jdbc;

    FactoryTimelineProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(FactoryProposed event, @SequenceNumber long sequence, @Timestamp Instant at) {
        add(event.factoryId(), sequence, at, TimelineEntryKind.PROPOSED, event.proposedBy(), null, event.name());
    }

    @EventHandler
    void on(MachineInstalled event, @SequenceNumber long sequence, @Timestamp Instant at) {
        add(
                event.factoryId(),
                sequence,
                at,
                TimelineEntryKind.MACHINE_INSTALLED,
                event.installedBy(),
                event.machineId(),
                event.machineType());
    }

    @EventHandler
    void on(FactoryInspected event, @SequenceNumber long sequence, @Timestamp Instant at) {
        add(
                event.factoryId(),
                sequence,
                at,
                event.passed() ? TimelineEntryKind.INSPECTION_PASSED : TimelineEntryKind.INSPECTION_FAILED,
                event.inspectedBy(),
                null,
                event.findings());
    }

    @EventHandler
    void on(FactoryCommissioned event, @SequenceNumber long sequence, @Timestamp Instant at) {
        add(event.factoryId(), sequence, at, TimelineEntryKind.COMMISSIONED, event.signedOffBy(), null, null);
    }

    @EventHandler
    void on(FactorySuspended event, @SequenceNumber long sequence, @Timestamp Instant at) {
        add(event.factoryId(), sequence, at, TimelineEntryKind.SUSPENDED, event.suspendedBy(), null, event.reason());
    }

    @EventHandler
    void on(FactoryResumed event, @SequenceNumber long sequence, @Timestamp Instant at) {
        add(event.factoryId(), sequence, at, TimelineEntryKind.RESUMED, event.resumedBy(), null, null);
    }

    @EventHandler
    void on(FactoryDecommissioned event, @SequenceNumber long sequence, @Timestamp Instant at) {
        add(
                event.factoryId(),
                sequence,
                at,
                TimelineEntryKind.DECOMMISSIONED,
                event.decommissionedBy(),
                null,
                event.reason());
    }

    @EventHandler
    void on(MachineMaintenanceStarted event, @SequenceNumber long sequence, @Timestamp Instant at) {
        add(
                event.factoryId(),
                sequence,
                at,
                TimelineEntryKind.MAINTENANCE_STARTED,
                event.startedBy(),
                event.machineId(),
                event.reason());
    }

    @EventHandler
    void on(MachineMaintenanceEnded event, @SequenceNumber long sequence, @Timestamp Instant at) {
        add(
                event.factoryId(),
                sequence,
                at,
                TimelineEntryKind.MAINTENANCE_ENDED,
                event.endedBy(),
                event.machineId(),
                null);
    }

    @EventHandler
    void on(FactoryStaffAssigned event, @SequenceNumber long sequence, @Timestamp Instant at) {
        add(
                event.factoryId(),
                sequence,
                at,
                TimelineEntryKind.STAFF_ASSIGNED,
                event.assignedBy(),
                null,
                withReason(event.userId(), event.reason()));
    }

    @EventHandler
    void on(FactoryStaffRemoved event, @SequenceNumber long sequence, @Timestamp Instant at) {
        add(
                event.factoryId(),
                sequence,
                at,
                TimelineEntryKind.STAFF_REMOVED,
                event.removedBy(),
                null,
                withReason(event.userId(), event.reason()));
    }

    @ResetHandler
    void reset() {
        jdbc.update("DELETE FROM factory_timeline");
    }

    /** The timeline of a factory, or nothing when no factory has this id (none was ever proposed). */
    @QueryHandler
    @Transactional(readOnly = true)
    public Optional<FactoryTimelineView> handle(FindFactoryTimeline query) {
        List<TimelineEntryView> entries = jdbc.query(
                """
                SELECT at, kind, actor, machine_id, detail FROM factory_timeline
                WHERE factory_id = ? ORDER BY sequence_no""",
                (row, i) -> new TimelineEntryView(
                        row.getTimestamp("at").toInstant(),
                        TimelineEntryKind.valueOf(row.getString("kind")),
                        row.getString("actor"),
                        row.getString("machine_id"),
                        row.getString("detail")),
                query.factoryId().value());
        return entries.isEmpty()
                ? Optional.empty()
                : Optional.of(new FactoryTimelineView(query.factoryId().value(), entries));
    }

    private void add(
            FactoryId factoryId,
            long sequence,
            Instant at,
            TimelineEntryKind kind,
            String by,
            String machineId,
            String detail) {
        jdbc.update(
                """
                INSERT INTO factory_timeline (factory_id, sequence_no, at, kind, actor, machine_id, detail)
                VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING""",
                factoryId.value(),
                sequence,
                java.sql.Timestamp.from(at),
                kind.name(),
                cut(by, 100),
                machineId,
                cut(detail, MAX_DETAIL));
    }

    private static String withReason(String userId, String reason) {
        return reason == null || reason.isBlank() ? userId : userId + ": " + reason;
    }

    private static String cut(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max);
    }
}
