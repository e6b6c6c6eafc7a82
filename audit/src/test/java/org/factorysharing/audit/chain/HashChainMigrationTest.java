package org.factorysharing.audit.chain;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
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
 * The chain on a store that already holds events when V5 arrives: the migration chains them (genesis), the
 * linker continues from there (V36), and the SQL and Java encodings agree on NULLs and non-ASCII text.
 */
class HashChainMigrationTest {

    @TempDir
    static Path dataDirectory;

    static EmbeddedPostgres postgres;
    static JdbcTemplate jdbc;
    static List<Long> eventsBeforeTheMigration;
    static List<Long> genesisLinks;
    /** Rounds only when asked: the background interval is an hour. */
    static EventChainLinker linker;

    @BeforeAll
    static void storeWithEventsFromBeforeTheChain() throws Exception {
        postgres = EmbeddedPostgres.builder()
                .setDataDirectory(dataDirectory)
                .setCleanDataDirectory(true)
                .start();
        DataSource dataSource = postgres.getPostgresDatabase();
        jdbc = new JdbcTemplate(dataSource);
        Flyway.configure()
                .dataSource(dataSource)
                .locations("classpath:db/migration")
                .target("1")
                .load()
                .migrate();
        append("member-1", 0, "{\"businessName\":\"Kopi Gayo – Aceh ☕\"}", "{\"userId\":\"officer\"}");
        append("member-1", 1, "{\"reason\":\"NIB cocok\"}", null);
        append("member-2", 0, "{}", "{}");
        eventsBeforeTheMigration =
                jdbc.queryForList("SELECT global_index FROM domain_event_entry ORDER BY global_index", Long.class);
        Flyway.configure()
                .dataSource(dataSource)
                .locations("classpath:db/migration")
                .load()
                .migrate();
        genesisLinks = jdbc.queryForList("SELECT global_index FROM event_chain_link ORDER BY link_no", Long.class);
        linker = new EventChainLinker(jdbc, Duration.ofHours(1), Duration.ofSeconds(60));
    }

    @AfterAll
    static void stop() throws Exception {
        linker.close();
        postgres.close();
    }

    @Test
    void eventsStoredBeforeTheMigrationAreChainedInGlobalIndexOrderAndTheLinkerContinues() {
        assertThat(genesisLinks).hasSize(3).isEqualTo(eventsBeforeTheMigration);
        append("member-3", 0, "{\"ownerName\":\"Ni Luh Ayu\"}", null);
        linker.linkNow();

        ChainVerificationView report = verifier().verify(1, null);

        assertThat(report.intact()).as(report.toString()).isTrue();
        long events = jdbc.queryForObject("SELECT count(*) FROM domain_event_entry", Long.class);
        assertThat(report.verified()).isEqualTo(events).isGreaterThan(3);
        assertThat(jdbc.queryForObject("SELECT max(link_no) FROM event_chain_link", Long.class))
                .isEqualTo(events);
    }

    @Test
    void aMissingLinkIsReportedWhereItIs() {
        append("member-4", 0, "{}", null);
        append("member-4", 1, "{}", null);
        linker.linkNow();
        long last = jdbc.queryForObject("SELECT max(link_no) FROM event_chain_link", Long.class);
        Long globalIndex = jdbc.queryForObject(
                "SELECT global_index FROM event_chain_link WHERE link_no = ?", Long.class, last - 1);
        jdbc.update("DELETE FROM event_chain_link WHERE link_no = ?", last - 1);
        try {
            ChainVerificationView report = verifier().verify(1, null);

            assertThat(report.firstBroken().linkNo()).as(report.toString()).isEqualTo(last - 1);
            assertThat(report.firstBroken().reason()).isEqualTo(BreakReason.LINK_MISSING);
        } finally {
            jdbc.update("""
                    INSERT INTO event_chain_link (link_no, global_index, prev_hash, link_hash)
                    SELECT ?, ?, l.link_hash, n.prev_hash FROM event_chain_link l, event_chain_link n
                    WHERE l.link_no = ? AND n.link_no = ?""", last - 1, globalIndex, last - 2, last);
        }
        assertThat(verifier().verify(1, null).intact()).isTrue();
    }

    private static HashChainVerifier verifier() {
        return new HashChainVerifier(jdbc, 2, linker);
    }

    private static void append(String aggregateId, long sequence, String payload, String metaData) {
        jdbc.update(
                """
                INSERT INTO domain_event_entry (aggregate_identifier, sequence_number, type, event_identifier,
                    meta_data, payload, payload_revision, payload_type, time_stamp)
                VALUES (?, ?, 'Member', gen_random_uuid()::text, ?, ?, NULL, 'org.example.Event', '2026-11-27T00:00:00Z')""",
                aggregateId,
                sequence,
                metaData == null ? null : metaData.getBytes(StandardCharsets.UTF_8),
                payload.getBytes(StandardCharsets.UTF_8));
    }
}
