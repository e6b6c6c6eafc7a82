package org.factorysharing.systemtests.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.factorysharing.systemtests.Problems.assertField;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.camunda.bpm.engine.RuntimeService;
import org.factorysharing.api.member.MemberId;
import org.factorysharing.systemtests.Http;
import org.factorysharing.systemtests.Http.Reply;
import org.factorysharing.systemtests.ServerTest;
import org.factorysharing.testing.TestData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Tamper evidence over real HTTP on PostgreSQL. Tests share one database: a test that tampers restores the row
 * in a finally block, so the chain is intact again for every other test.
 */
@ServerTest
class HashChainIT {

    private static final String VERIFY = "/api/audit/chain/verification";

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    CommandGateway commands;

    @Autowired
    PlatformTransactionManager transactions;

    @Autowired
    RuntimeService runtime;

    @Test
    void anUntouchedStoreVerifiesClean() {
        registerThroughTheApi();
        registerThroughTheApi();
        TestData.commissionedFactory(commands);

        JsonNode report = verify(VERIFY);

        assertThat(report.get("intact").asBoolean()).as(report.toString()).isTrue();
        assertThat(report.get("verified").asLong())
                .isEqualTo(report.get("toLink").asLong())
                .isGreaterThanOrEqualTo(8);
        assertThat(report.has("firstBroken")).isFalse();
        assertThat(report.get("headHash").asText()).hasSize(64);
    }

    @Test
    void aChangedPayloadBreaksTheChainAtExactlyThatEvent() {
        String before = registerThroughTheApi();
        String tampered = registerThroughTheApi();
        String after = registerThroughTheApi();
        long globalIndex = globalIndexOf(tampered);
        long linkNo = linkOf(globalIndex);
        byte[] original = jdbc.queryForObject(
                "SELECT payload FROM domain_event_entry WHERE global_index = ?", byte[].class, globalIndex);
        try {
            jdbc.update("""
                    UPDATE domain_event_entry SET payload = convert_to(replace(convert_from(payload, 'UTF8'),
                    'Mebel Sragen', 'Mebel Sragan'), 'UTF8') WHERE global_index = ?""", globalIndex);

            JsonNode report = verify(VERIFY);

            assertThat(report.get("intact").asBoolean()).as(report.toString()).isFalse();
            assertThat(report.get("verified").asLong()).isEqualTo(linkNo - 1);
            JsonNode broken = report.get("firstBroken");
            assertThat(broken.get("linkNo").asLong()).isEqualTo(linkNo);
            assertThat(broken.get("globalIndex").asLong()).isEqualTo(globalIndex);
            assertThat(broken.get("aggregateIdentifier").asText()).isEqualTo(tampered);
            assertThat(broken.get("eventIdentifier").asText()).isEqualTo(eventIdentifierOf(globalIndex));
            assertThat(broken.get("reason").asText()).isEqualTo("EVENT_CHANGED");
            assertThat(broken.get("storedHash").asText())
                    .isEqualTo(storedHashOf(linkNo))
                    .isNotEqualTo(broken.get("expectedHash").asText());
            // the links around it are sound: a range that stops before it, or starts after it, is intact
            assertThat(verify(VERIFY + "?toLink=" + (linkNo - 1)).get("intact").asBoolean())
                    .isTrue();
            JsonNode later = verify(VERIFY + "?fromLink=" + (linkNo + 1));
            assertThat(later.get("intact").asBoolean()).as(later.toString()).isTrue();
            assertThat(linkOf(globalIndexOf(before))).isLessThan(linkNo);
            assertThat(linkOf(globalIndexOf(after))).isGreaterThan(linkNo);
        } finally {
            jdbc.update("UPDATE domain_event_entry SET payload = ? WHERE global_index = ?", original, globalIndex);
        }
        assertThat(verify(VERIFY).get("intact").asBoolean()).isTrue();
    }

    @Test
    void changedMetadataIsDetectedToo() {
        long globalIndex = globalIndexOf(registerThroughTheApi());
        // tampering counts once the event is linked (within a round of its commit); before, its link would take the
        // changed row as it found it
        long linkNo = linkOf(globalIndex);
        byte[] original = jdbc.queryForObject(
                "SELECT meta_data FROM domain_event_entry WHERE global_index = ?", byte[].class, globalIndex);
        try {
            jdbc.update("""
                    UPDATE domain_event_entry SET meta_data = convert_to('{"userId":"someone else"}', 'UTF8')
                    WHERE global_index = ?""", globalIndex);

            JsonNode broken = verify(VERIFY).get("firstBroken");

            assertThat(broken.get("linkNo").asLong()).isEqualTo(linkNo);
            assertThat(broken.get("reason").asText()).isEqualTo("EVENT_CHANGED");
        } finally {
            jdbc.update("UPDATE domain_event_entry SET meta_data = ? WHERE global_index = ?", original, globalIndex);
        }
    }

    @Test
    void aDeletedEventIsDetected() {
        String memberId = registerThroughTheApi();
        // the onboarding bridge has handled the event, so nothing in the background needs it while it is gone
        await().atMost(Duration.ofSeconds(30))
                .until(() -> runtime.createProcessInstanceQuery()
                                .processInstanceBusinessKey(memberId)
                                .count()
                        == 1);
        long globalIndex = globalIndexOf(memberId);
        long linkNo = linkOf(globalIndex);
        Map<String, Object> row =
                jdbc.queryForMap("SELECT * FROM domain_event_entry WHERE global_index = ?", globalIndex);
        jdbc.update("DELETE FROM domain_event_entry WHERE global_index = ?", globalIndex);
        try {
            JsonNode report = verify(VERIFY);

            JsonNode broken = report.get("firstBroken");
            assertThat(broken.get("linkNo").asLong()).as(report.toString()).isEqualTo(linkNo);
            assertThat(broken.get("globalIndex").asLong()).isEqualTo(globalIndex);
            assertThat(broken.get("reason").asText()).isEqualTo("EVENT_DELETED");
        } finally {
            restore(row);
        }
        assertThat(verify(VERIFY).get("intact").asBoolean()).isTrue();
    }

    /**
     * Linked after commit, the chain covers whatever is committed, also a row written past the application at the
     * head; what it still catches is an event slipped in where the linker has passed: into an index handed out to a
     * transaction that never committed, once that gap is given up (after the gap timeout, simulated here by ageing
     * the linker's record of it).
     */
    @Test
    void anEventSlippedInWhereTheLinkerHasPassedIsReported() {
        long reserved = jdbc.queryForObject("SELECT nextval('domain_event_entry_global_index_seq')", Long.class);
        String memberId = registerThroughTheApi();
        long globalIndex = globalIndexOf(memberId);
        linkOf(globalIndex);
        // under the chain lock, as the linker writes the state: its round cannot overwrite the aged record
        new TransactionTemplate(transactions).executeWithoutResult(status -> {
            jdbc.queryForList("SELECT 1 FROM event_chain_lock FOR UPDATE");
            jdbc.update("UPDATE event_chain_state SET gaps_seen = array_fill(now() - interval '1 hour',"
                    + " ARRAY[cardinality(gaps)])");
        });
        assertThat(verify(VERIFY).get("intact").asBoolean()).isTrue();
        assertThat(jdbc.queryForObject("SELECT ? = ANY (gaps) FROM event_chain_state", Boolean.class, reserved))
                .as("the gap is given up")
                .isFalse();

        Map<String, Object> row =
                jdbc.queryForMap("SELECT * FROM domain_event_entry WHERE global_index = ?", globalIndex);
        String forgedId = MemberId.newId().value();
        row.put("global_index", reserved);
        row.put("event_identifier", forgedId);
        row.put("aggregate_identifier", forgedId);
        // a type no event handler knows, so that the projections and workflows pass over it while it exists
        row.put("type", "Forged");
        row.put("payload_type", "org.factorysharing.forged.Forged");
        row.put("payload", "{}".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        try {
            restore(row);

            JsonNode broken = verify(VERIFY).get("firstBroken");

            assertThat(broken.get("reason").asText()).isEqualTo("EVENT_NOT_CHAINED");
            assertThat(broken.get("globalIndex").asLong()).isEqualTo(reserved);
            assertThat(broken.get("aggregateIdentifier").asText()).isEqualTo(forgedId);
        } finally {
            jdbc.update("DELETE FROM domain_event_entry WHERE global_index = ?", reserved);
        }
    }

    @Test
    void concurrentAppendsKeepOneGapFreeChain() throws Exception {
        int clients = 16;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        List<Future<Reply>> replies = new ArrayList<>();
        try {
            for (int i = 0; i < clients; i++) {
                String nib = TestData.nib();
                replies.add(pool.submit(() -> {
                    start.await();
                    return officer().post("/api/members", TestData.registerMemberJson(nib));
                }));
            }
            start.countDown();
            List<Long> links = new ArrayList<>();
            for (Future<Reply> reply : replies) {
                Reply created = reply.get();
                assertThat(created.status()).as(created.toString()).isEqualTo(201);
                links.add(linkOf(globalIndexOf(created.json().get("memberId").asText())));
            }
            assertThat(links).doesNotHaveDuplicates();
        } finally {
            pool.shutdownNow();
        }

        assertThat(verify(VERIFY).get("intact").asBoolean()).isTrue();
        // one statement, one snapshot: every committed event has exactly one link, numbered 1..n without gaps (once
        // the linker has caught up with what the bridges append meanwhile)
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            Map<String, Object> counts = jdbc.queryForMap("""
                    SELECT (SELECT count(*) FROM domain_event_entry) AS events,
                           (SELECT count(*) FROM event_chain_link) AS links,
                           (SELECT coalesce(max(link_no), 0) FROM event_chain_link) AS last_link""");
            assertThat(counts.get("links")).isEqualTo(counts.get("events")).isEqualTo(counts.get("last_link"));
        });
    }

    @Test
    void eventsOfOneTransactionAreLinkedInGlobalIndexOrder() throws Exception {
        int transactionsAtOnce = 8;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(transactionsAtOnce);
        List<Future<List<MemberId>>> results = new ArrayList<>();
        try {
            for (int i = 0; i < transactionsAtOnce; i++) {
                Callable<List<MemberId>> twoRegistrations = () -> {
                    start.await();
                    return new TransactionTemplate(transactions).execute(status -> {
                        MemberId first = MemberId.newId();
                        MemberId second = MemberId.newId();
                        commands.sendAndWait(TestData.registerMember(first, TestData.nib()));
                        commands.sendAndWait(TestData.registerMember(second, TestData.nib()));
                        return List.of(first, second);
                    });
                };
                results.add(pool.submit(twoRegistrations));
            }
            start.countDown();
            for (Future<List<MemberId>> result : results) {
                List<MemberId> members = result.get();
                long firstIndex = globalIndexOf(members.get(0).value());
                long secondIndex = globalIndexOf(members.get(1).value());
                assertThat(secondIndex).isGreaterThan(firstIndex);
                assertThat(linkOf(secondIndex)).isGreaterThan(linkOf(firstIndex));
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(verify(VERIFY).get("intact").asBoolean()).isTrue();
    }

    @Test
    void aRolledBackAppendLeavesNoLink() {
        MemberId memberId = MemberId.newId();
        long[] appendedAt = new long[1];

        assertThatThrownBy(() -> new TransactionTemplate(transactions).executeWithoutResult(status -> {
                    commands.sendAndWait(TestData.registerMember(memberId, TestData.nib()));
                    appendedAt[0] = globalIndexOf(memberId.value());
                    throw new IllegalStateException("a later step of the same transaction fails");
                }))
                .hasMessageContaining("later step");

        assertThat(appendedAt[0])
                .as("the event was appended inside the transaction")
                .isPositive();
        assertThat(jdbc.queryForObject(
                        "SELECT count(*) FROM domain_event_entry WHERE global_index = ?", Long.class, appendedAt[0]))
                .isZero();
        assertThat(jdbc.queryForObject(
                        "SELECT count(*) FROM event_chain_link WHERE global_index = ?", Long.class, appendedAt[0]))
                .isZero();
        // the next append continues the chain without a gap in link numbers
        long next = linkOf(globalIndexOf(registerThroughTheApi()));
        assertThat(jdbc.queryForObject("SELECT count(*) FROM event_chain_link WHERE link_no <= ?", Long.class, next))
                .isEqualTo(next);
        assertThat(verify(VERIFY).get("intact").asBoolean()).isTrue();
    }

    @Test
    void auditorsAndAdminsVerifyNobodyElse() {
        assertThat(Http.as(port, "auditor", TestData.PASSWORD).get(VERIFY).status())
                .isEqualTo(200);
        assertThat(Http.as(port, "admin", TestData.PASSWORD).get(VERIFY).status())
                .isEqualTo(200);
        for (String user : List.of("officer", "supervisor", "staff", "member")) {
            assertThat(Http.as(port, user, TestData.PASSWORD).get(VERIFY).status())
                    .as(user)
                    .isEqualTo(403);
        }
        assertThat(Http.anonymous(port).get(VERIFY).status()).isEqualTo(401);
        assertThat(Http.as(port, "auditor", TestData.PASSWORD)
                        .post(VERIFY, null)
                        .status())
                .isEqualTo(403);
    }

    @ParameterizedTest
    @ValueSource(strings = {"?fromLink=0", "?toLink=0", "?fromLink=5&toLink=4"})
    void aRangeOutsideTheChainIsABadRequest(String range) {
        Reply reply = Http.as(port, "auditor", TestData.PASSWORD).get(VERIFY + range);

        assertField(reply, range.contains("toLink") ? "toLink" : "fromLink");
    }

    private JsonNode verify(String path) {
        Reply reply = Http.as(port, "auditor", TestData.PASSWORD).get(path);
        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        return reply.json();
    }

    private Http officer() {
        return Http.as(port, "officer", TestData.PASSWORD);
    }

    private String registerThroughTheApi() {
        Reply created = officer().post("/api/members", TestData.registerMemberJson(TestData.nib()));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.json().get("memberId").asText();
    }

    /** The member's registration event (sequence 0). */
    private long globalIndexOf(String aggregateId) {
        return jdbc.queryForObject("""
                SELECT global_index FROM domain_event_entry WHERE aggregate_identifier = ? AND sequence_number = 0""", Long.class, aggregateId);
    }

    /** The event's link, once the linker has made it (within a round after the commit). */
    private long linkOf(long globalIndex) {
        return await().atMost(Duration.ofSeconds(30))
                .until(
                        () -> jdbc
                                .queryForList(
                                        "SELECT link_no FROM event_chain_link WHERE global_index = ?",
                                        Long.class,
                                        globalIndex)
                                .stream()
                                .findFirst()
                                .orElse(null),
                        link -> link != null);
    }

    private String eventIdentifierOf(long globalIndex) {
        return jdbc.queryForObject(
                "SELECT event_identifier FROM domain_event_entry WHERE global_index = ?", String.class, globalIndex);
    }

    private String storedHashOf(long linkNo) {
        return jdbc.queryForObject(
                "SELECT encode(link_hash, 'hex') FROM event_chain_link WHERE link_no = ?", String.class, linkNo);
    }

    /** Writes an event row as a DBA would, with SQL past the application. */
    private void restore(Map<String, Object> row) {
        new TransactionTemplate(transactions).executeWithoutResult(status -> {
            jdbc.update(
                    """
                    INSERT INTO domain_event_entry (global_index, aggregate_identifier, sequence_number, type,
                        event_identifier, meta_data, payload, payload_revision, payload_type, time_stamp)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                    row.get("global_index"),
                    row.get("aggregate_identifier"),
                    row.get("sequence_number"),
                    row.get("type"),
                    row.get("event_identifier"),
                    row.get("meta_data"),
                    row.get("payload"),
                    row.get("payload_revision"),
                    row.get("payload_type"),
                    row.get("time_stamp"));
        });
    }
}
