package org.factorysharing.server.audit.log;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.regex.Pattern;
import org.axonframework.common.DateTimeUtils;
import org.factorysharing.server.web.InvalidField;

/**
 * The filters of the event log, each optional; {@code from} is inclusive, {@code to} exclusive. Every
 * condition matches an index of V6__audit_indexes.sql, so a page walks one index in global order.
 */
record EventFilter(String aggregateId, String aggregateType, String eventType, String user, Instant from,
                   Instant to) {

    private static final Pattern SIMPLE_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    /** Reads the request parameters; a bad one is a 400 naming it. */
    static EventFilter of(String aggregateId, String aggregateType, String eventType, String user, String from,
                          String to) {
        if (eventType != null && !SIMPLE_NAME.matcher(eventType).matches()) {
            throw new InvalidField("eventType", "must be the simple name of an event type, e.g. MemberRegistered");
        }
        EventFilter filter = new EventFilter(blankToNull(aggregateId), blankToNull(aggregateType),
                blankToNull(eventType), blankToNull(user), instant("from", from), instant("to", to));
        if (filter.from != null && filter.to != null && !filter.from.isBefore(filter.to)) {
            throw new InvalidField("to", "must be after from");
        }
        return filter;
    }

    /** An ISO-8601 instant such as 2026-11-27T08:00:00Z or 2026-11-27T15:00:00+07:00. */
    static Instant instant(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return DateTimeUtils.parseInstant(value.strip());
        } catch (DateTimeParseException e) {
            throw new InvalidField(name, "must be an ISO-8601 instant, e.g. 2026-11-27T08:00:00Z");
        }
    }

    /** SQL conditions (joined by AND, starting with AND) and their arguments, appended to {@code args}. */
    String sql(List<Object> args) {
        StringBuilder sql = new StringBuilder();
        if (aggregateId != null) {
            sql.append(" AND aggregate_identifier = ?");
            args.add(aggregateId);
        }
        if (aggregateType != null) {
            sql.append(" AND type = ?");
            args.add(aggregateType);
        }
        if (eventType != null) {
            sql.append(" AND audit_event_type(payload_type) = ?");
            args.add(eventType);
        }
        if (user != null) {
            sql.append(" AND audit_user_id(meta_data) = ?");
            args.add(user);
        }
        if (from != null) {
            sql.append(" AND time_stamp >= ?");
            args.add(storedTimestamp(from));
        }
        if (to != null) {
            sql.append(" AND time_stamp < ?");
            args.add(storedTimestamp(to));
        }
        return sql.toString();
    }

    /**
     * time_stamp holds Axon's fixed-width UTC text with milliseconds, so text order is time order. A bound
     * between two milliseconds is rounded up: t >= x and t < x hold for a stored t exactly when they hold
     * for the rounded x.
     */
    static String storedTimestamp(Instant instant) {
        Instant millis = instant.truncatedTo(ChronoUnit.MILLIS);
        return DateTimeUtils.formatInstant(millis.equals(instant) ? millis : millis.plusMillis(1));
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
