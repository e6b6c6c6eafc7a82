package org.factorysharing.audit.chain;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.factorysharing.api.audit.AuditQueries.BreakReason;
import org.factorysharing.api.audit.AuditQueries.ChainVerificationView;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The chain linked after commit (V36): committed events are linked by the next round in global_index order, an event
 * whose transaction commits after a later one is linked when it commits, one linker runs at a time, and an event that
 * appears where the linker gave up (or is slipped in with an old index) is reported by the verification. The rounds
 * here run only when a test asks (the background interval is an hour).
 */
class EventChainLinkerTest {

    @TempDir
    static Path dataDirectory;

    static EmbeddedPostgres postgres;
    static DataSource dataSource;
    static JdbcTemplate jdbc;
    static EventChainLinker linker;

    @BeforeAll
    static void start() throws Exception {
        postgres = EmbeddedPostgres.builder()
                .setDataDirectory(dataDirectory)
                .setCleanDataDirectory(true)
                .start();
        dataSource = postgres.getPostgresDatabase();
        jdbc = new JdbcTemplate(dataSource);
        Flyway.configure()
                .dataSource(dataSource)
                .locations("classpath:db/migration")
                .load()
                .migrate();
        linker = new EventChainLinker(jdbc, Duration.ofHours(1), Duration.ofSeconds(60));
    }

    @AfterAll
    static void stop() throws Exception {
        linker.close();
        postgres.close();
    }

    @Test
    void committedEventsAreLinkedByTheNextRoundInGlobalIndexOrder() {
        long first = append("member-a", 0);
        long second = append("member-a", 1);
        assertThat(linkOf(first)).as("not linked before a round").isNull();

        assertThat(linker.linkNow()).isGreaterThanOrEqualTo(2);

        assertThat(linkOf(second)).isEqualTo(linkOf(first) + 1);
        assertThat(verify().intact()).as(verify().toString()).isTrue();
    }

    @Test
    void anEventWhoseTransactionCommitsAfterALaterOneIsLinkedWhenItCommits() throws Exception {
        try (Connection slow = dataSource.getConnection()) {
            slow.setAutoCommit(false);
            long early = append(slow, "member-slow", 0); // index handed out, not committed
            long late = append("member-fast", 0);
            linker.linkNow();
            assertThat(linkOf(late)).isNotNull();
            assertThat(linkOf(early)).isNull();
            assertThat(openGaps()).contains(early);

            slow.commit();
            linker.linkNow();

            assertThat(linkOf(early)).isGreaterThan(linkOf(late));
            assertThat(openGaps()).doesNotContain(early);
            assertThat(verify().intact()).as(verify().toString()).isTrue();
        }
    }

    @Test
    void aGapIsGivenUpAfterTheTimeoutAndAnEventThatAppearsThereIsReported() throws Exception {
        long rolledBack;
        try (Connection aborted = dataSource.getConnection()) {
            aborted.setAutoCommit(false);
            rolledBack = append(aborted, "member-gone", 0);
            aborted.rollback();
        }
        append("member-after", 0);
        linker.linkNow();
        assertThat(openGaps()).contains(rolledBack);
        try (EventChainLinker impatient = new EventChainLinker(jdbc, Duration.ofHours(1), Duration.ZERO)) {
            impatient.linkNow();
        }
        assertThat(openGaps()).doesNotContain(rolledBack);

        // an event written into that index afterwards (by hand, past the application) is never linked
        jdbc.update("""
                INSERT INTO domain_event_entry (global_index, aggregate_identifier, sequence_number, type,
                    event_identifier, payload, payload_type, time_stamp)
                VALUES (?, 'member-forged', 0, 'Member', gen_random_uuid()::text, ?, 'org.example.Event',
                    '2026-11-27T00:00:00Z')""", rolledBack, "{}".getBytes(StandardCharsets.UTF_8));
        try {
            linker.linkNow();
            ChainVerificationView report = verify();

            assertThat(report.intact()).isFalse();
            assertThat(report.firstBroken().reason()).isEqualTo(BreakReason.EVENT_NOT_CHAINED);
            assertThat(report.firstBroken().globalIndex()).isEqualTo(rolledBack);
        } finally {
            jdbc.update("DELETE FROM domain_event_entry WHERE global_index = ?", rolledBack);
        }
        assertThat(verify().intact()).isTrue();
    }

    @Test
    void oneLinkerAtATimeTheOtherSkipsItsRoundAndLinkNowWaits() throws Exception {
        long event = append("member-locked", 0);
        try (Connection otherNode = dataSource.getConnection()) {
            otherNode.setAutoCommit(false);
            otherNode.createStatement().execute("SELECT 1 FROM event_chain_lock FOR UPDATE");

            Integer round =
                    jdbc.queryForObject("SELECT event_chain_link_pending(100, '60 seconds'::interval)", Integer.class);
            assertThat(round).isEqualTo(-1);
            CompletableFuture<Long> waiting = CompletableFuture.supplyAsync(linker::linkNow);
            Thread.sleep(300);
            assertThat(waiting).isNotDone();
            assertThat(linkOf(event)).isNull();

            otherNode.rollback();
            assertThat(waiting.get(30, TimeUnit.SECONDS)).isGreaterThanOrEqualTo(1);
        }
        assertThat(linkOf(event)).isNotNull();
    }

    private static ChainVerificationView verify() {
        return new HashChainVerifier(jdbc, 50, linker).verify(1, null);
    }

    private static Long linkOf(long globalIndex) {
        List<Long> links = jdbc.queryForList(
                "SELECT link_no FROM event_chain_link WHERE global_index = ?", Long.class, globalIndex);
        return links.isEmpty() ? null : links.get(0);
    }

    private static List<Long> openGaps() {
        return jdbc.queryForList("SELECT unnest(gaps) FROM event_chain_state", Long.class);
    }

    private static long append(String aggregateId, long sequence) {
        try (Connection connection = dataSource.getConnection()) {
            return append(connection, aggregateId, sequence);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static long append(Connection connection, String aggregateId, long sequence) throws Exception {
        try (PreparedStatement insert = connection.prepareStatement("""
                INSERT INTO domain_event_entry (aggregate_identifier, sequence_number, type, event_identifier,
                    payload, payload_type, time_stamp)
                VALUES (?, ?, 'Member', gen_random_uuid()::text, ?, 'org.example.Event', '2026-11-27T00:00:00Z')
                RETURNING global_index""")) {
            insert.setString(1, aggregateId);
            insert.setLong(2, sequence);
            insert.setBytes(3, "{}".getBytes(StandardCharsets.UTF_8));
            try (ResultSet row = insert.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        }
    }
}
