package org.factorysharing.audit.log;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.axonframework.common.DateTimeUtils;
import org.factorysharing.api.audit.AuditQueries.EventFilter;

/**
 * The filters of the event log as SQL conditions. Every condition matches an index of V6__audit_indexes.sql, so a
 * page walks one index in global order.
 */
final class LogConditions {

    private LogConditions() {}

    /** SQL conditions (joined by AND, starting with AND) and their arguments, appended to {@code args}. */
    static String sql(EventFilter filter, List<Object> args) {
        StringBuilder sql = new StringBuilder();
        if (filter.aggregateId() != null) {
            sql.append(" AND aggregate_identifier = ?");
            args.add(filter.aggregateId());
        }
        if (filter.aggregateType() != null) {
            sql.append(" AND type = ?");
            args.add(filter.aggregateType());
        }
        if (filter.eventType() != null) {
            sql.append(" AND audit_event_type(payload_type) = ?");
            args.add(filter.eventType());
        }
        if (filter.user() != null) {
            sql.append(" AND audit_user_id(meta_data) = ?");
            args.add(filter.user());
        }
        if (filter.from() != null) {
            sql.append(" AND time_stamp >= ?");
            args.add(storedTimestamp(filter.from()));
        }
        if (filter.to() != null) {
            sql.append(" AND time_stamp < ?");
            args.add(storedTimestamp(filter.to()));
        }
        return sql.toString();
    }

    /**
     * time_stamp holds Axon's fixed-width UTC text with milliseconds, so text order is time order. A bound between
     * two milliseconds is rounded up: t >= x and t < x hold for a stored t exactly when they hold for the rounded x.
     */
    static String storedTimestamp(Instant instant) {
        Instant millis = instant.truncatedTo(ChronoUnit.MILLIS);
        return DateTimeUtils.formatInstant(millis.equals(instant) ? millis : millis.plusMillis(1));
    }
}
