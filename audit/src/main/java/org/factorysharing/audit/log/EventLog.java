package org.factorysharing.audit.log;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.axonframework.common.DateTimeUtils;
import org.factorysharing.api.audit.AuditQueries.AuditEventPage;
import org.factorysharing.api.audit.AuditQueries.AuditEventView;
import org.factorysharing.api.audit.AuditQueries.EventFilter;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/** Reads domain_event_entry with plain JDBC: pages for the API, row-by-row cursors for exports. */
@Component
class EventLog {

    private static final String COLUMNS = """
            SELECT global_index, event_identifier, type, aggregate_identifier, sequence_number, payload_type,
                   time_stamp, convert_from(payload, 'UTF8') AS payload, convert_from(meta_data, 'UTF8') AS meta
            FROM domain_event_entry""";
    private static final int FETCH_SIZE = 500;

    private final JdbcTemplate jdbc;
    private final TransactionTemplate snapshot;
    private final TransactionTemplate readOnly;
    private final Duration settleTime;
    private final Clock clock;

    EventLog(
            DataSource dataSource,
            PlatformTransactionManager transactions,
            @Value("${fs.audit.settle-time:10s}") Duration settleTime) {
        this.jdbc = new JdbcTemplate(dataSource);
        // PostgreSQL streams a result set only inside a transaction (autocommit off) with a fetch size
        this.jdbc.setFetchSize(FETCH_SIZE);
        this.snapshot = new TransactionTemplate(transactions);
        this.snapshot.setReadOnly(true);
        this.snapshot.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
        this.readOnly = new TransactionTemplate(transactions);
        this.readOnly.setReadOnly(true);
        this.settleTime = settleTime;
        this.clock = Clock.systemUTC();
    }

    /**
     * Up to {@code limit} events after global index {@code after}. Global indexes are drawn when a
     * transaction inserts, but transactions commit out of order: index 105 can be visible while 104 is
     * still being written. A page therefore stops before any gap whose next event is younger than the
     * settle time (an older gap is a rolled-back append and stays empty), so a cursor never skips an event
     * that commits late. Both queries run in one snapshot.
     */
    AuditEventPage page(EventFilter filter, long after, int limit) {
        return snapshot.execute(status -> {
            Long horizon = settledUpTo(after);
            List<Object> args = new ArrayList<>(List.of(after));
            StringBuilder sql = new StringBuilder(COLUMNS).append(" WHERE global_index > ?");
            if (horizon != null) {
                sql.append(" AND global_index <= ?");
                args.add(horizon);
            }
            sql.append(LogConditions.sql(filter, args)).append(" ORDER BY global_index LIMIT ?");
            args.add(limit);
            List<AuditEventView> items = jdbc.query(sql.toString(), (rs, row) -> event(rs), args.toArray());
            if (items.size() == limit) {
                return new AuditEventPage(items, items.get(items.size() - 1).globalIndex());
            }
            // the page is short: nothing else matches up to the end of what is settled
            long end = horizon != null
                    ? horizon
                    : jdbc.queryForObject("SELECT coalesce(max(global_index), 0) FROM domain_event_entry", Long.class);
            return new AuditEventPage(items, Math.max(after, end));
        });
    }

    /**
     * The last global index before the first unsettled gap after {@code after}, or null when there is no
     * such gap. A gap is unsettled when the event after it is younger than the settle time.
     */
    private Long settledUpTo(long after) {
        String cutoff = DateTimeUtils.formatInstant(clock.instant().minus(settleTime));
        // recent events whose predecessor index is missing (the sequence starts at 1); the last existing
        // index below the first of them is as far as a cursor may go
        return jdbc.queryForObject("""
                SELECT CASE WHEN gap.next IS NULL THEN NULL ELSE
                       (SELECT coalesce(max(p.global_index), 0) FROM domain_event_entry p WHERE p.global_index < gap.next)
                       END
                FROM (SELECT min(e.global_index) AS next FROM domain_event_entry e
                      WHERE e.time_stamp >= ? AND e.global_index > ? + 1 AND e.global_index > 1
                        AND NOT EXISTS (SELECT 1 FROM domain_event_entry p WHERE p.global_index = e.global_index - 1)
                     ) gap""", Long.class, cutoff, after);
    }

    /** Up to {@code limit} matching events after global index {@code after}, as stored now. */
    List<AuditEventView> exportPage(EventFilter filter, long after, int limit) {
        List<Object> args = new ArrayList<>(List.of(after));
        String sql = COLUMNS + " WHERE global_index > ?" + LogConditions.sql(filter, args)
                + " ORDER BY global_index LIMIT ?";
        args.add(limit);
        return readOnly.execute(status -> jdbc.query(sql, (rs, row) -> event(rs), args.toArray()));
    }

    /** Up to {@code limit} events of one aggregate after sequence {@code afterSequence}, in sequence order. */
    List<AuditEventView> aggregateEvents(String aggregateId, long afterSequence, int limit) {
        return readOnly.execute(status -> jdbc.query(
                COLUMNS + " WHERE aggregate_identifier = ? AND sequence_number > ? ORDER BY sequence_number LIMIT ?",
                (rs, row) -> event(rs),
                aggregateId,
                afterSequence,
                limit));
    }

    /** The aggregate type of an aggregate, empty when the store has no event of it. */
    Optional<String> aggregateType(String aggregateId) {
        return jdbc.query("""
                SELECT coalesce(type, '') FROM domain_event_entry WHERE aggregate_identifier = ?
                ORDER BY sequence_number LIMIT 1""", (rs, row) -> rs.getString(1), aggregateId).stream()
                .findFirst();
    }

    private static AuditEventView event(ResultSet rs) throws SQLException {
        return new AuditEventView(
                rs.getLong("global_index"),
                rs.getString("event_identifier"),
                rs.getString("type"),
                rs.getString("aggregate_identifier"),
                rs.getLong("sequence_number"),
                simpleName(rs.getString("payload_type")),
                DateTimeUtils.parseInstant(rs.getString("time_stamp")),
                rs.getString("payload"),
                rs.getString("meta"));
    }

    /** org.factorysharing.api.member.MemberEvent$MemberRegistered -> MemberRegistered */
    static String simpleName(String payloadType) {
        return payloadType.substring(Math.max(payloadType.lastIndexOf('.'), payloadType.lastIndexOf('$')) + 1);
    }
}
