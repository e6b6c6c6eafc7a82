package org.factorysharing.benchmark;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.axonframework.messaging.MetaData;
import org.axonframework.serialization.Serializer;
import org.factorysharing.api.member.MemberEvent.QualificationGranted;
import org.factorysharing.api.member.MemberId;

/**
 * Grows the event store to a given size fast, for the replay and big-store scenarios: qualification grants (events
 * the member directory applies, without personal data, so no key is involved) for members that exist, serialized by
 * the server's own event serializer and written in JDBC batches; the chain's linker links them as it would any
 * append (the scenarios wait for it before they measure). A store of millions of events this way takes minutes instead of hours of commands.
 */
final class EventFiller {

    private static final String[] MACHINE_TYPES = {
        "COCONUT_OIL_PRESS", "CNC_ROUTER", "SPRAY_DRYER", "KILN", "DESICCATOR", "BOTTLING_LINE", "SAWMILL", "SANDER"
    };

    private final DataSource dataSource;
    private final Serializer serializer;
    private final byte[] metaData;

    EventFiller(DataSource dataSource, Serializer serializer) {
        this.dataSource = dataSource;
        this.serializer = serializer;
        this.metaData = serializer
                .serialize(
                        MetaData.with("actorKind", "USER")
                                .and("actor", "officer")
                                .and("userId", "officer")
                                .and("groups", List.of("officers"))
                                .and("correlationId", UUID.randomUUID().toString())
                                .and("causationId", UUID.randomUUID().toString())
                                .and("timestamp", Instant.now().toString()),
                        byte[].class)
                .getData();
    }

    /**
     * Appends {@code count} grants spread over {@code members} (each member's events continue its own sequence from
     * {@code firstSequence}), printing progress every million.
     */
    void fill(List<String> members, long firstSequence, long count) throws Exception {
        long[] next = new long[members.size()];
        java.util.Arrays.fill(next, firstSequence);
        long started = System.nanoTime();
        long written = 0;
        LocalDate expires = LocalDate.now().plusYears(1);
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO domain_event_entry (event_identifier, aggregate_identifier, sequence_number, "
                            + "type, time_stamp, payload_type, payload_revision, payload, meta_data) "
                            + "VALUES (?, ?, ?, 'Member', ?, ?, ?, ?, ?)")) {
                while (written < count) {
                    int member = (int) (written % members.size());
                    String memberId = members.get(member);
                    var payload = serializer.serialize(
                            new QualificationGranted(
                                    new MemberId(memberId),
                                    MACHINE_TYPES[(int) (next[member] % MACHINE_TYPES.length)],
                                    expires,
                                    "officer"),
                            byte[].class);
                    insert.setString(1, UUID.randomUUID().toString());
                    insert.setString(2, memberId);
                    insert.setLong(3, next[member]++);
                    insert.setString(4, Instant.now().toString());
                    insert.setString(5, payload.getType().getName());
                    insert.setString(6, payload.getType().getRevision());
                    insert.setBytes(7, payload.getData());
                    insert.setBytes(8, metaData);
                    insert.addBatch();
                    written++;
                    if (written % 1_000 == 0) {
                        insert.executeBatch();
                    }
                    if (written % 20_000 == 0) {
                        connection.commit();
                    }
                    if (written % 1_000_000 == 0) {
                        System.out.printf(
                                "  filled %,d events (%.0f s)%n", written, (System.nanoTime() - started) / 1e9);
                    }
                }
                insert.executeBatch();
                connection.commit();
            }
        }
    }
}
