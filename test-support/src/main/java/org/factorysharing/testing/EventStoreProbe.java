package org.factorysharing.testing;

import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Reads the event store directly: tests assert what was (or was not) written, not what the API says. */
@Component
public class EventStoreProbe {

    private final JdbcTemplate jdbc;

    public EventStoreProbe(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public long eventCount() {
        return jdbc.queryForObject("SELECT count(*) FROM domain_event_entry", Long.class);
    }

    /**
     * Events of the given types (simple names), in all aggregates. Unlike {@link #eventCount()} this stays put
     * while workflows write other events in the background (a job being scheduled, say).
     */
    public long eventCount(String... types) {
        long count = 0;
        for (String type : types) {
            count += jdbc.queryForObject("""
                    SELECT count(*) FROM domain_event_entry WHERE payload_type LIKE ? OR payload_type LIKE ?""", Long.class, "%$" + type, "%." + type);
        }
        return count;
    }

    /** Simple names of the payload types of one aggregate's events, in order. */
    public List<String> eventTypesOf(String aggregateId) {
        return jdbc.queryForList("""
                SELECT payload_type FROM domain_event_entry WHERE aggregate_identifier = ?
                ORDER BY sequence_number""", String.class, aggregateId).stream()
                .map(type -> type.substring(Math.max(type.lastIndexOf('$'), type.lastIndexOf('.')) + 1))
                .toList();
    }

    public String payloadOf(String aggregateId, long sequence) {
        return jdbc.queryForObject("""
                SELECT convert_from(payload, 'UTF8') FROM domain_event_entry
                WHERE aggregate_identifier = ? AND sequence_number = ?""", String.class, aggregateId, sequence);
    }

    public long nibClaims(String nib) {
        return jdbc.queryForObject("SELECT count(*) FROM member_nib_claim WHERE nib = ?", Long.class, nib);
    }
}
