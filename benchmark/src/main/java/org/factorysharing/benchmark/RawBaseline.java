package org.factorysharing.benchmark;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import org.axonframework.messaging.MetaData;
import org.axonframework.serialization.Serializer;
import org.factorysharing.api.member.BusinessScale;
import org.factorysharing.api.member.MemberEvent.MemberRegistered;
import org.factorysharing.api.member.MemberId;

/**
 * The rows one registration writes (the event row and the NIB claim), inserted by hand in one transaction each: the
 * reference every ratio is taken against. The hash chain is linked after commit by the server's linker: run with the
 * linker paused for the cost of the rows alone, and with it running for what the chain takes from the same rows.
 */
final class RawBaseline {

    static final AtomicLong NIBS =
            new AtomicLong(1_000_000_000_000L + ThreadLocalRandom.current().nextLong(1_000_000_000_000L));

    private final DataSource dataSource;
    private final byte[] payload;
    private final byte[] metaData;
    private final String payloadType = MemberRegistered.class.getName();

    RawBaseline(DataSource dataSource, Serializer serializer) {
        this.dataSource = dataSource;
        this.payload = serializer.serialize(sample(), byte[].class).getData();
        this.metaData = serializer
                .serialize(
                        MetaData.with("correlationId", UUID.randomUUID().toString())
                                .and("traceId", UUID.randomUUID().toString()),
                        byte[].class)
                .getData();
    }

    static MemberRegistered sample() {
        return new MemberRegistered(
                MemberId.newId(),
                "1234567890123",
                "Kelapa Jaya Mandiri",
                "Budi Santoso",
                "7171010101010001",
                "coconut",
                "Sulawesi Utara",
                "Minahasa",
                BusinessScale.MICRO,
                "+62 812 0000 1111",
                "budi@example.id");
    }

    byte[] payload() {
        return payload;
    }

    byte[] metaData() {
        return metaData;
    }

    void insert() throws Exception {
        String memberId = UUID.randomUUID().toString();
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try (PreparedStatement claim = connection.prepareStatement(
                            "INSERT INTO member_nib_claim (nib, member_id, claimed_at) VALUES (?, ?, now()) "
                                    + "ON CONFLICT (nib) DO NOTHING");
                    PreparedStatement event = connection.prepareStatement(
                            "INSERT INTO domain_event_entry (event_identifier, aggregate_identifier, sequence_number, "
                                    + "type, time_stamp, payload_type, payload_revision, payload, meta_data) "
                                    + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                claim.setString(1, Long.toString(NIBS.incrementAndGet()));
                claim.setString(2, memberId);
                claim.executeUpdate();
                event.setString(1, UUID.randomUUID().toString());
                event.setString(2, memberId);
                event.setLong(3, 0);
                event.setString(4, "RawBaseline");
                event.setString(5, Instant.now().toString());
                event.setString(6, payloadType);
                event.setString(7, "1");
                event.setBytes(8, payload);
                event.setBytes(9, metaData);
                event.executeUpdate();
                connection.commit();
            } catch (Exception e) {
                connection.rollback();
                throw e;
            }
        }
    }
}
