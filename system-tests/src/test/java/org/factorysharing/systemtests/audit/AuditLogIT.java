package org.factorysharing.systemtests.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.factorysharing.systemtests.Problems.assertField;
import static org.factorysharing.systemtests.Problems.assertProblem;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.MetaData;
import org.factorysharing.api.factory.FactoryId;
import org.factorysharing.api.member.MemberCommands.VerifyMember;
import org.factorysharing.api.member.MemberId;
import org.factorysharing.systemtests.Http;
import org.factorysharing.systemtests.Http.Reply;
import org.factorysharing.systemtests.ServerTest;
import org.factorysharing.testing.TestData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** The audit API over real HTTP on PostgreSQL: filters, cursors, history, state as of an instant, exports. */
@ServerTest
class AuditLogIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** An event no projection or workflow handles: lets a test write events with chosen metadata. */
    record ProbeNoted(String note) {}

    @LocalServerPort
    int port;

    @Autowired
    CommandGateway commands;

    @Autowired
    EventStore eventStore;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    PlatformTransactionManager transactions;

    Http auditor() {
        return Http.as(port, "auditor", TestData.PASSWORD);
    }

    @Test
    void theLogFiltersByAggregateTypeEventTypeAndUserInGlobalOrder() {
        String type = probeType();
        String alice = "alice-" + UUID.randomUUID();
        String first = UUID.randomUUID().toString();
        String second = UUID.randomUUID().toString();
        probe(type, first, 0, alice);
        probe(type, second, 0, "bob");
        probe(type, first, 1, alice);

        JsonNode all = auditor().get("/api/audit/events?aggregateType=" + type).json();
        assertThat(all.get("items").findValuesAsText("aggregateId")).containsExactly(first, second, first);
        assertThat(globalIndexes(all.get("items"))).isSorted();
        JsonNode item = all.get("items").get(0);
        assertThat(item.get("eventType").asText()).isEqualTo("ProbeNoted");
        assertThat(item.get("aggregateType").asText()).isEqualTo(type);
        assertThat(item.get("sequence").asLong()).isZero();
        assertThat(item.get("payload").get("note").asText()).isEqualTo(first + "#0");
        assertThat(item.get("metadata").get("userId").asText()).isEqualTo(alice);
        assertThat(item.get("eventId").asText()).isNotBlank();
        assertThat(item.get("timestamp").asText()).isNotBlank();

        assertThat(auditor()
                        .get("/api/audit/events?user=" + alice)
                        .json()
                        .get("items")
                        .findValuesAsText("aggregateId"))
                .containsExactly(first, first);
        assertThat(auditor()
                        .get("/api/audit/events?aggregateId=" + second)
                        .json()
                        .get("items")
                        .findValuesAsText("metadata"))
                .hasSize(1);
        assertThat(auditor()
                        .get("/api/audit/events?eventType=ProbeNoted&aggregateType=" + type + "&user=bob")
                        .json()
                        .get("items")
                        .findValuesAsText("aggregateId"))
                .containsExactly(second);
        assertThat(auditor()
                        .get("/api/audit/events?eventType=MemberRegistered&aggregateType=" + type)
                        .json()
                        .get("items"))
                .isEmpty();
    }

    @Test
    void theTimeRangeIncludesFromAndExcludesTo() {
        String type = probeType();
        for (int i = 0; i < 3; i++) {
            probe(type, UUID.randomUUID().toString(), 0, "carol");
            sleep(5);
        }
        JsonNode items =
                auditor().get("/api/audit/events?aggregateType=" + type).json().get("items");
        String t0 = items.get(0).get("timestamp").asText();
        String t1 = items.get(1).get("timestamp").asText();
        String t2 = items.get(2).get("timestamp").asText();

        assertThat(timestamps("/api/audit/events?aggregateType=" + type + "&from=" + t1))
                .containsExactly(t1, t2);
        assertThat(timestamps("/api/audit/events?aggregateType=" + type + "&to=" + t1))
                .containsExactly(t0);
        assertThat(timestamps("/api/audit/events?aggregateType=" + type + "&from=" + t0 + "&to=" + t2))
                .containsExactly(t0, t1);
        // the same instant in another zone, and a bound between two milliseconds
        String wib = Instant.parse(t1)
                .atZone(java.time.ZoneId.of("Asia/Jakarta"))
                .toOffsetDateTime()
                .toString();
        assertThat(timestamps("/api/audit/events?aggregateType=" + type + "&from=" + encode(wib)))
                .containsExactly(t1, t2);
        String justAfterT0 = Instant.parse(t0).plusNanos(1_000).toString();
        assertThat(timestamps("/api/audit/events?aggregateType=" + type + "&from=" + justAfterT0))
                .containsExactly(t1, t2);
    }

    @Test
    void cursorPagesHaveNoGapsOrDuplicatesWhileEventsArrive() throws Exception {
        long start = jdbc.queryForObject("SELECT coalesce(max(global_index), 0) FROM domain_event_entry", Long.class);
        String type = probeType();
        List<CompletableFuture<Void>> writers = new ArrayList<>();
        for (int w = 0; w < 4; w++) {
            String aggregateId = UUID.randomUUID().toString();
            writers.add(CompletableFuture.runAsync(() -> {
                for (int seq = 0; seq < 40; seq++) {
                    probe(type, aggregateId, seq, "writer");
                }
            }));
        }
        List<Long> seen = new ArrayList<>();
        long cursor = start;
        while (!CompletableFuture.allOf(writers.toArray(CompletableFuture[]::new))
                .isDone()) {
            cursor = readPage(cursor, 7, seen);
        }
        CompletableFuture.allOf(writers.toArray(CompletableFuture[]::new)).get();
        long end = jdbc.queryForObject("SELECT max(global_index) FROM domain_event_entry", Long.class);
        long[] last = {cursor};
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            last[0] = readPage(last[0], 50, seen);
            return last[0] >= end;
        });

        assertThat(seen).doesNotHaveDuplicates().isSorted();
        assertThat(seen).containsExactlyElementsOf(jdbc.queryForList("""
                SELECT global_index FROM domain_event_entry WHERE global_index > ? AND global_index <= ?
                ORDER BY global_index""", Long.class, start, last[0]));
        assertThat(jdbc.queryForObject("SELECT count(*) FROM domain_event_entry WHERE type = ?", Long.class, type))
                .isEqualTo(160);
    }

    @Test
    void aCursorWaitsForAnEventThatCommitsLateInsteadOfSkippingIt() throws Exception {
        long start = jdbc.queryForObject("SELECT coalesce(max(global_index), 0) FROM domain_event_entry", Long.class);
        String type = probeType();
        String late = UUID.randomUUID().toString();
        String early = UUID.randomUUID().toString();
        CountDownLatch appended = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<Void> slowTransaction =
                CompletableFuture.runAsync(() -> new TransactionTemplate(transactions).executeWithoutResult(status -> {
                    probe(type, late, 0, "slow"); // draws the lower global index, commits last
                    appended.countDown();
                    awaitQuietly(release);
                }));
        assertThat(appended.await(10, TimeUnit.SECONDS)).isTrue();
        probe(type, early, 0, "fast");

        JsonNode before =
                auditor().get("/api/audit/events?after=" + start + "&limit=500").json();
        assertThat(before.get("items").findValuesAsText("aggregateId")).doesNotContain(early, late);
        release.countDown();
        slowTransaction.get(10, TimeUnit.SECONDS);

        JsonNode after = auditor()
                .get("/api/audit/events?aggregateType=" + type + "&after="
                        + before.get("nextCursor").asLong())
                .json();
        assertThat(after.get("items").findValuesAsText("aggregateId")).containsExactly(late, early);
    }

    @Test
    void historyShowsEveryEventOfOneAggregateWithItsMetadata() {
        MemberId memberId = registeredThenVerifiedMember();

        Reply history = auditor().get("/api/audit/aggregates/" + memberId.value() + "/events");
        assertThat(history.status()).as(history.toString()).isEqualTo(200);
        JsonNode body = history.json();
        assertThat(body.get("aggregateType").asText()).isEqualTo("Member");
        assertThat(body.get("events").findValuesAsText("eventType"))
                .containsExactly("MemberRegistered", "MemberVerified");
        assertThat(body.get("events").findValuesAsText("sequence")).containsExactly("0", "1");
        assertThat(body.get("events").get(0).get("metadata").isObject()).isTrue();
        assertThat(body.get("events").get(1).get("payload").get("verifiedBy").asText())
                .isEqualTo("officer");

        Reply unknown = auditor().get("/api/audit/aggregates/" + UUID.randomUUID() + "/events");
        assertThat(unknown.status()).isEqualTo(404);
        assertProblem(unknown);
    }

    @Test
    void stateAsOfAnInstantIsRebuiltFromTheEventsUpToThen() {
        MemberId memberId = registeredThenVerifiedMember();
        JsonNode events = auditor()
                .get("/api/audit/aggregates/" + memberId.value() + "/events")
                .json()
                .get("events");
        Instant applied = Instant.parse(events.get(0).get("timestamp").asText());
        Instant verified = Instant.parse(events.get(1).get("timestamp").asText());
        String path = "/api/audit/aggregates/" + memberId.value() + "/state?at=";

        JsonNode atApplication = auditor().get(path + applied).json();
        assertThat(atApplication.get("aggregateType").asText()).isEqualTo("Member");
        assertThat(atApplication.get("version").asLong()).isZero();
        assertThat(atApplication.get("state").get("status").asText()).isEqualTo("APPLIED");
        JsonNode justBeforeVerification =
                auditor().get(path + verified.minusMillis(1)).json();
        assertThat(justBeforeVerification.get("state").get("status").asText()).isEqualTo("APPLIED");
        JsonNode atVerification = auditor().get(path + verified).json();
        assertThat(atVerification.get("version").asLong()).isEqualTo(1);
        assertThat(atVerification.get("state").get("status").asText()).isEqualTo("VERIFIED");
        assertThat(atVerification.get("state").get("memberId").toString()).contains(memberId.value());

        Reply beforeItExisted = auditor().get(path + applied.minusMillis(1));
        assertThat(beforeItExisted.status()).as(beforeItExisted.toString()).isEqualTo(404);
        assertProblem(beforeItExisted);
        assertThat(auditor()
                        .get("/api/audit/aggregates/" + UUID.randomUUID() + "/state?at=" + verified)
                        .status())
                .isEqualTo(404);
        assertField(auditor().get(path + "yesterday"), "at");
        assertField(auditor().get("/api/audit/aggregates/" + memberId.value() + "/state"), "at");
    }

    @Test
    void aFactoryIsRebuiltWithItsMachines() {
        FactoryId factoryId = TestData.commissionedFactory(commands);

        JsonNode now = auditor()
                .get("/api/audit/aggregates/" + factoryId.value() + "/state?at=" + Instant.now())
                .json();
        assertThat(now.get("aggregateType").asText()).isEqualTo("Factory");
        assertThat(now.get("state").get("status").asText()).isEqualTo("COMMISSIONED");
        assertThat(now.get("state").get("machines").has("PRESS-1"))
                .as(now.toString())
                .isTrue();
    }

    @Test
    void exportsParseBackToTheSameEvents() throws Exception {
        String type = probeType();
        for (int i = 0; i < 5; i++) {
            probe(type, UUID.randomUUID().toString(), 0, i % 2 == 0 ? "dave" : "erin, \"the\" auditor");
        }
        JsonNode expected =
                auditor().get("/api/audit/events?aggregateType=" + type).json().get("items");
        assertThat(expected).hasSize(5);

        Reply jsonl = auditor().get("/api/audit/events/export?format=jsonl&aggregateType=" + type);
        assertThat(jsonl.status()).as(jsonl.toString()).isEqualTo(200);
        assertThat(jsonl.header("Content-Type")).startsWith("application/x-ndjson");
        assertThat(jsonl.header("Content-Disposition")).isEqualTo("attachment; filename=\"events.jsonl\"");
        List<JsonNode> lines = new ArrayList<>();
        for (String line : jsonl.body().split("\n")) {
            // each line also carries its hash-chain link, for the offline verifier (SignedChainHeadIT)
            ObjectNode event = (ObjectNode) JSON.readTree(line);
            assertThat(event.at("/chain/link").asLong()).as(line).isPositive();
            assertThat(event.at("/chain/linkHash").asText()).hasSize(64);
            event.remove("chain");
            lines.add(event);
        }
        assertThat(lines).containsExactlyElementsOf(expected);

        Reply csv = auditor().get("/api/audit/events/export?format=csv&aggregateType=" + type);
        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.header("Content-Type")).startsWith("text/csv");
        assertThat(csv.header("Content-Disposition")).isEqualTo("attachment; filename=\"events.csv\"");
        List<List<String>> rows = Csv.parse(csv.body());
        assertThat(rows.get(0))
                .containsExactly(
                        "globalIndex",
                        "eventId",
                        "aggregateType",
                        "aggregateId",
                        "sequence",
                        "eventType",
                        "timestamp",
                        "payload",
                        "metadata");
        assertThat(rows).hasSize(6);
        for (int i = 0; i < 5; i++) {
            List<String> row = rows.get(i + 1);
            JsonNode event = expected.get(i);
            assertThat(row.subList(0, 7))
                    .containsExactly(
                            event.get("globalIndex").asText(),
                            event.get("eventId").asText(),
                            event.get("aggregateType").asText(),
                            event.get("aggregateId").asText(),
                            event.get("sequence").asText(),
                            event.get("eventType").asText(),
                            event.get("timestamp").asText());
            assertThat(JSON.readTree(row.get(7))).isEqualTo(event.get("payload"));
            assertThat(JSON.readTree(row.get(8))).isEqualTo(event.get("metadata"));
        }
    }

    @ParameterizedTest
    @CsvSource({"member", "officer", "supervisor", "staff"})
    void onlyAuditorsAndAdminsMayReadTheLog(String user) {
        Http other = Http.as(port, user, TestData.PASSWORD);
        for (String path : List.of(
                "/api/audit/events",
                "/api/audit/events/export?format=csv",
                "/api/audit/aggregates/x/events",
                "/api/audit/aggregates/x/state?at=2026-01-01T00:00:00Z")) {
            Reply denied = other.get(path);
            assertThat(denied.status()).as(user + " " + path).isEqualTo(403);
            assertProblem(denied);
            assertThat(Http.anonymous(port).get(path).status()).isEqualTo(401);
        }
        assertThat(Http.as(port, "admin", TestData.PASSWORD)
                        .get("/api/audit/events?limit=1")
                        .status())
                .isEqualTo(200);
        assertThat(auditor().post("/api/audit/events", "{}").status()).isEqualTo(403);
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "/api/audit/events?limit=0|limit",
                "/api/audit/events?limit=501|limit",
                "/api/audit/events?after=-1|after",
                "/api/audit/events?after=first|after",
                "/api/audit/events?from=yesterday|from",
                "/api/audit/events?to=2026-13-01T00:00:00Z|to",
                "/api/audit/events?from=2026-02-01T00:00:00Z&to=2026-01-01T00:00:00Z|to",
                "/api/audit/events?eventType=member.Registered|eventType",
                "/api/audit/events/export?format=xml|format",
                "/api/audit/events/export|format",
                "/api/audit/events/export?format=csv&from=soon|from"
            })
    void badParametersAreNamed(String path, String field) {
        assertField(auditor().get(path), field);
    }

    private MemberId registeredThenVerifiedMember() {
        MemberId memberId = MemberId.newId();
        commands.sendAndWait(TestData.registerMember(memberId, TestData.nib()));
        sleep(5); // two events in one millisecond would leave no instant between them
        commands.sendAndWait(new VerifyMember(memberId, "officer"));
        return memberId;
    }

    /** Reads one page after {@code cursor} into {@code seen}; returns the next cursor. */
    private long readPage(long cursor, int limit, List<Long> seen) {
        JsonNode page = auditor()
                .get("/api/audit/events?after=" + cursor + "&limit=" + limit)
                .json();
        seen.addAll(globalIndexes(page.get("items")));
        long next = page.get("nextCursor").asLong();
        assertThat(next).isGreaterThanOrEqualTo(cursor);
        return next;
    }

    private void probe(String type, String aggregateId, long sequence, String user) {
        eventStore.publish(new GenericDomainEventMessage<>(
                type,
                aggregateId,
                sequence,
                new ProbeNoted(aggregateId + "#" + sequence),
                MetaData.with("userId", user)));
    }

    /** The events' own timestamps (not the metadata's, which has a timestamp key too). */
    private List<String> timestamps(String path) {
        List<String> timestamps = new ArrayList<>();
        auditor()
                .get(path)
                .json()
                .get("items")
                .forEach(item -> timestamps.add(item.get("timestamp").asText()));
        return timestamps;
    }

    private static List<Long> globalIndexes(JsonNode items) {
        List<Long> indexes = new ArrayList<>();
        items.forEach(item -> indexes.add(item.get("globalIndex").asLong()));
        return indexes;
    }

    private static String probeType() {
        return "Probe" + UUID.randomUUID().toString().replace("-", "");
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(20, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** A strict RFC 4180 reader, enough to read an export back. */
    static final class Csv {

        static List<List<String>> parse(String text) {
            List<List<String>> rows = new ArrayList<>();
            List<String> row = new ArrayList<>();
            StringBuilder field = new StringBuilder();
            boolean quoted = false;
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (quoted) {
                    if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                        field.append('"');
                        i++;
                    } else if (c == '"') {
                        quoted = false;
                    } else {
                        field.append(c);
                    }
                } else if (c == '"') {
                    quoted = true;
                } else if (c == ',') {
                    row.add(field.toString());
                    field.setLength(0);
                } else if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    row.add(field.toString());
                    field.setLength(0);
                    rows.add(row);
                    row = new ArrayList<>();
                    i++;
                } else {
                    field.append(c);
                }
            }
            return rows;
        }
    }
}
