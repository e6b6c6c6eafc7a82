package org.factorysharing.systemtests.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.factorysharing.systemtests.Problems.assertProblem;
import static org.factorysharing.systemtests.Problems.assertRule;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.StreamSupport;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.factorysharing.api.member.MemberCommands.GrantQualification;
import org.factorysharing.api.member.MemberCommands.VerifyMember;
import org.factorysharing.api.member.MemberId;
import org.factorysharing.systemtests.Http;
import org.factorysharing.systemtests.Http.Reply;
import org.factorysharing.systemtests.ServerTest;
import org.factorysharing.testing.ReadModelTables;
import org.factorysharing.testing.TestData;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/** Replays and dead letters through the admin API, on PostgreSQL, while the server runs. */
@ServerTest
class ProjectionAdminIT {

    private static final String MEMBERS = "member-directory";
    private static final String REGISTRY = "factory-registry";
    private static final String CALENDAR = "capacity-calendar";
    private static final String JOB_BOARD = "job-board";
    private static final List<String> PROJECTIONS =
            List.of(MEMBERS, REGISTRY, CALENDAR, JOB_BOARD, "programme-kpi", "programme-dashboard");
    private static final List<String> BRIDGES =
            List.of("member-onboarding-workflow", "factory-commissioning-workflow", "production-job-workflow");
    private static final String PRESS = "COCONUT_OIL_PRESS";

    @LocalServerPort
    int port;

    @Autowired
    CommandGateway commands;

    @Autowired
    ReadModelTables tables;

    @Autowired
    JdbcTemplate jdbc;

    // --- replays ---

    @Test
    void aReplayThroughTheApiRebuildsEachReadModelRowForRow() {
        String memberId = qualifiedMember();
        String factoryId = TestData.commissionedFactory(commands).value();
        String jobId = as("officer")
                .post("/api/jobs", jobJson(memberId, factoryId))
                .json()
                .get("jobId")
                .asText();
        String ghost = "ghost-" + UUID.randomUUID();
        appendVerificationOfUnknownMember(ghost, 0);
        await().atMost(Duration.ofSeconds(30)).until(() -> "SCHEDULED".equals(jobStatus(jobId)));
        awaitParked(ghost);
        PROJECTIONS.forEach(this::awaitCaughtUp);
        Map<String, Map<String, List<Map<String, Object>>>> before = new LinkedHashMap<>();
        PROJECTIONS.forEach(group -> before.put(group, tables.snapshot(group)));
        // spoil each read model, so that only a rebuild from the events can make it equal again
        jdbc.update("UPDATE member_directory SET business_name = 'spoiled' WHERE member_id = ?", memberId);
        jdbc.update("UPDATE factory_registry SET name = 'spoiled' WHERE factory_id = ?", factoryId);
        jdbc.update("DELETE FROM capacity_booked_day WHERE factory_id = ?", factoryId);
        jdbc.update("UPDATE job_board SET status = 'CANCELLED' WHERE job_id = ?", jobId);

        for (String group : PROJECTIONS) {
            Reply replay = as("admin").post("/api/admin/projections/" + group + "/replay", null);

            assertThat(replay.status()).as(replay.toString()).isEqualTo(202);
            assertThat(replay.header("Location")).isEqualTo("/api/admin/projections/" + group);
            JsonNode done = awaitReplayed(replay.header("Location"));
            assertThat(done.get("running").asBoolean()).isTrue();
        }

        PROJECTIONS.forEach(this::awaitCaughtUp);
        PROJECTIONS.forEach(
                group -> assertThat(tables.snapshot(group)).as(group).isEqualTo(before.get(group)));
        // the replay met the poison event again and parked it anew, once: the old letter went with the reset
        assertThat(parked(ghost).get("letters")).hasSize(1);
    }

    @Test
    void whileAnotherNodeHoldsASegmentAReplayIsRefusedAndChangesNothing() {
        registeredMember();
        awaitCaughtUp(MEMBERS);
        Map<String, List<Map<String, Object>>> before = tables.snapshot(MEMBERS);
        int lastSegment = jdbc.queryForObject(
                "SELECT max(segment) FROM token_entry WHERE processor_name = ?", Integer.class, MEMBERS);
        // another node's live claim, as its processor would hold it
        jdbc.update(
                "UPDATE token_entry SET owner = 'other-node', timestamp = ? WHERE processor_name = ? AND segment = ?",
                Instant.now().plus(Duration.ofHours(1)).toString(),
                MEMBERS,
                lastSegment);
        try {
            Reply refused = as("admin").post("/api/admin/projections/" + MEMBERS + "/replay", null);

            assertRule(refused, "projection.claimed-elsewhere");
            assertThat(tables.snapshot(MEMBERS)).isEqualTo(before);
            JsonNode view = as("admin").get("/api/admin/projections/" + MEMBERS).json();
            assertThat(view.get("running").asBoolean()).isTrue();
            assertThat(view.get("replaying").asBoolean()).isFalse();
            assertThat(view.get("segments").get(lastSegment).get("owner").asText())
                    .isEqualTo("other-node");
        } finally {
            jdbc.update(
                    "UPDATE token_entry SET owner = NULL WHERE processor_name = ? AND owner = 'other-node'", MEMBERS);
        }
        awaitCaughtUp(MEMBERS);
    }

    @Test
    void listsProjectionsAsReplayableAndWorkflowBridgesAsNot() {
        JsonNode processors = as("admin").get("/api/admin/projections").json();

        Map<String, JsonNode> byName = new LinkedHashMap<>();
        processors.forEach(p -> byName.put(p.get("name").asText(), p));
        assertThat(byName)
                .containsKeys(PROJECTIONS.toArray(String[]::new))
                .containsKeys(BRIDGES.toArray(String[]::new));
        PROJECTIONS.forEach(name -> {
            assertThat(byName.get(name).get("kind").asText()).isEqualTo("PROJECTION");
            assertThat(byName.get(name).get("replayable").asBoolean()).isTrue();
        });
        BRIDGES.forEach(name -> {
            assertThat(byName.get(name).get("kind").asText()).isEqualTo("WORKFLOW_BRIDGE");
            assertThat(byName.get(name).get("replayable").asBoolean()).isFalse();
        });
        JsonNode members = byName.get(MEMBERS);
        assertThat(members.get("running").asBoolean()).isTrue();
        assertThat(members.get("headPosition").asLong()).isPositive();
        assertThat(members.get("segments")).isNotEmpty();
        assertThat(members.get("segments").get(0).get("owner").asText()).isNotBlank();
    }

    @Test
    void aWorkflowBridgeCannotBeReplayedAndKeepsRunning() {
        for (String bridge : BRIDGES) {
            Reply refused = as("admin").post("/api/admin/projections/" + bridge + "/replay", null);

            assertRule(refused, "projection.not-replayable");
            assertThat(refused.json().get("rule").asText()).contains("@DisallowReplay");
            assertThat(as("admin")
                            .get("/api/admin/projections/" + bridge)
                            .json()
                            .get("running")
                            .asBoolean())
                    .isTrue();
        }
    }

    // --- dead letters ---

    @Test
    void aPoisonEventIsListedAndARetryAfterTheCauseIsRemovedAppliesIt() {
        String ghost = "ghost-" + UUID.randomUUID();
        String eventId = appendVerificationOfUnknownMember(ghost, 0);

        JsonNode sequence = awaitParked(ghost);
        assertThat(sequence.get("processingGroup").asText()).isEqualTo(MEMBERS);
        JsonNode letter = sequence.get("letters").get(0);
        assertThat(letter.get("eventId").asText()).isEqualTo(eventId);
        assertThat(letter.get("eventType").asText()).endsWith("MemberVerified");
        assertThat(letter.get("aggregateType").asText()).isEqualTo("Member");
        assertThat(letter.get("aggregateId").asText()).isEqualTo(ghost);
        assertThat(letter.get("causeType").asText()).isEqualTo(IllegalStateException.class.getName());
        assertThat(letter.get("causeMessage").asText()).contains("is not in the directory");
        assertThat(Instant.parse(letter.get("enqueuedAt").asText()))
                .isBefore(Instant.now().plusSeconds(1));
        assertThat(letter.get("lastTouched").asText()).isNotBlank();

        JsonNode stillFailing = as("admin")
                .post("/api/admin/dead-letters/" + MEMBERS + "/retry", null)
                .json();
        assertThat(stillFailing.get("sequences").asInt()).isPositive();
        assertThat(stillFailing.get("stillParked").asInt()).isPositive();
        assertThat(parked(ghost)).isNotNull();

        // the cause: the directory lacks the member; an operator restores its row (say, from a backup)
        jdbc.update("""
                INSERT INTO member_directory (member_id, nib, business_name, sector,
                    province, regency, scale, status, registered_at, updated_at)
                VALUES (?, '9999999999999', 'Restored', 'coconut', 'Sulawesi Utara',
                    'Minahasa', 'MICRO', 'APPLIED', now(), now())""", ghost);
        try {
            JsonNode retried = as("admin")
                    .post("/api/admin/dead-letters/" + MEMBERS + "/retry", null)
                    .json();

            assertThat(retried.get("succeeded").asInt()).isGreaterThanOrEqualTo(1);
            assertThat(retried.get("succeeded").asInt()
                            + retried.get("stillParked").asInt())
                    .isEqualTo(retried.get("sequences").asInt());
            assertThat(parked(ghost)).isNull();
            assertThat(jdbc.queryForObject(
                            "SELECT status FROM member_directory WHERE member_id = ?", String.class, ghost))
                    .isEqualTo("VERIFIED");
        } finally {
            // the row came from no event: leave the directory as its events make it
            jdbc.update("DELETE FROM member_directory WHERE member_id = ?", ghost);
        }
    }

    @Test
    void evictRemovesOneLetterOrAWholeSequence() {
        String ghost = "ghost-" + UUID.randomUUID();
        appendVerificationOfUnknownMember(ghost, 0);
        appendVerificationOfUnknownMember(ghost, 1);
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            JsonNode sequence = parked(ghost);
            return sequence != null && sequence.get("letters").size() == 2;
        });
        JsonNode letters = parked(ghost).get("letters");
        String first = letters.get(0).get("letterId").asText();
        String second = letters.get(1).get("letterId").asText();

        Reply evictLetter = as("admin").delete("/api/admin/dead-letters/" + MEMBERS + "/letters/" + first);

        assertThat(evictLetter.status()).as(evictLetter.toString()).isEqualTo(204);
        assertThat(parked(ghost).get("letters").findValuesAsText("letterId")).containsExactly(second);

        Reply evictSequence = as("admin").delete("/api/admin/dead-letters/" + MEMBERS + "/sequences/" + ghost);

        assertThat(evictSequence.status()).as(evictSequence.toString()).isEqualTo(204);
        assertThat(parked(ghost)).isNull();
        assertNotFound(as("admin").delete("/api/admin/dead-letters/" + MEMBERS + "/letters/" + second));
        assertNotFound(as("admin").delete("/api/admin/dead-letters/" + MEMBERS + "/sequences/" + ghost));
    }

    // --- access and unknown names ---

    @Test
    void onlyAdminsMayUseTheAdminApi() {
        List<Function<Http, Reply>> calls = List.of(
                http -> http.get("/api/admin/projections"),
                http -> http.get("/api/admin/projections/" + MEMBERS),
                http -> http.post("/api/admin/projections/" + MEMBERS + "/replay", null),
                http -> http.get("/api/admin/dead-letters?processingGroup=" + MEMBERS),
                http -> http.post("/api/admin/dead-letters/" + MEMBERS + "/retry", null),
                http -> http.delete("/api/admin/dead-letters/" + MEMBERS + "/sequences/any"),
                http -> http.delete("/api/admin/dead-letters/" + MEMBERS + "/letters/any"));

        for (Function<Http, Reply> call : calls) {
            Reply anonymous = call.apply(Http.anonymous(port));
            assertThat(anonymous.status()).as(anonymous.toString()).isEqualTo(401);
            assertProblem(anonymous);
            for (String user : List.of("officer", "supervisor", "auditor", "staff", "member")) {
                Reply forbidden = call.apply(as(user));
                assertThat(forbidden.status()).as(user + ": " + forbidden).isEqualTo(403);
                assertProblem(forbidden);
            }
        }
        assertThat(as("admin").get("/api/admin/dead-letters").status()).isEqualTo(200);
    }

    @Test
    void unknownNamesAreNotFound() {
        assertNotFound(as("admin").get("/api/admin/projections/no-such-projection"));
        assertNotFound(as("admin").post("/api/admin/projections/no-such-projection/replay", null));
        assertNotFound(as("admin").get("/api/admin/dead-letters?processingGroup=no-such-group"));
        assertNotFound(as("admin").post("/api/admin/dead-letters/no-such-group/retry", null));
        assertNotFound(as("admin").delete("/api/admin/dead-letters/no-such-group/sequences/any"));
    }

    // --- helpers ---

    private Http as(String user) {
        return Http.as(port, user, TestData.PASSWORD);
    }

    private static void assertNotFound(Reply reply) {
        assertThat(reply.status()).as(reply.toString()).isEqualTo(404);
        assertProblem(reply);
    }

    /** Polls the replay's progress until every segment has handled all events up to where it was reset. */
    private JsonNode awaitReplayed(String location) {
        return await().atMost(Duration.ofSeconds(120))
                .until(
                        () -> as("admin").get(location).json(),
                        view -> !view.get("replaying").asBoolean()
                                && view.get("percentage").asInt() == 100);
    }

    /** Every segment of the group, on whichever node, has handled every event stored so far. */
    private void awaitCaughtUp(String group) {
        long head = jdbc.queryForObject("SELECT coalesce(max(global_index), 0) FROM domain_event_entry", Long.class);
        await().atMost(Duration.ofSeconds(120)).until(() -> {
            JsonNode view = as("admin").get("/api/admin/projections/" + group).json();
            return !view.get("replaying").asBoolean()
                    && !view.get("segments").isEmpty()
                    && StreamSupport.stream(view.get("segments").spliterator(), false)
                            .allMatch(s -> s.get("position").asLong() >= head && !s.has("error"));
        });
    }

    private JsonNode awaitParked(String sequenceIdentifier) {
        return await().atMost(Duration.ofSeconds(30)).until(() -> parked(sequenceIdentifier), s -> s != null);
    }

    /** The member directory's parked sequence of that key, or null. */
    private JsonNode parked(String sequenceIdentifier) {
        Reply reply = as("admin").get("/api/admin/dead-letters?processingGroup=" + MEMBERS);
        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        return StreamSupport.stream(reply.json().spliterator(), false)
                .filter(s -> s.get("sequenceIdentifier").asText().equals(sequenceIdentifier))
                .findFirst()
                .orElse(null);
    }

    /** An event of a member the directory never saw registered: its handler cannot apply it. */
    private String appendVerificationOfUnknownMember(String memberId, long sequence) {
        String eventId = UUID.randomUUID().toString();
        jdbc.update(
                """
                INSERT INTO domain_event_entry (event_identifier, aggregate_identifier, sequence_number, type,
                    time_stamp, payload_type, payload_revision, payload, meta_data)
                VALUES (?, ?, ?, 'Member', ?, 'org.factorysharing.api.member.MemberEvent$MemberVerified', '1',
                    convert_to(?, 'UTF8'), convert_to('{}', 'UTF8'))""",
                eventId,
                memberId,
                sequence,
                Instant.now().toString(),
                "{\"memberId\":{\"value\":\"" + memberId + "\"},\"verifiedBy\":\"nobody\"}");
        return eventId;
    }

    private String registeredMember() {
        MemberId memberId = MemberId.newId();
        commands.sendAndWait(TestData.registerMember(memberId, TestData.nib()));
        return memberId.value();
    }

    private String qualifiedMember() {
        MemberId memberId = new MemberId(registeredMember());
        commands.sendAndWait(new VerifyMember(memberId, "officer"));
        commands.sendAndWait(
                new GrantQualification(memberId, PRESS, TestData.today().plusYears(1), "officer"));
        return memberId.value();
    }

    private String jobStatus(String jobId) {
        return jdbc.queryForList("SELECT status FROM job_board WHERE job_id = ?", String.class, jobId).stream()
                .findFirst()
                .orElse("");
    }

    private static String jobJson(String memberId, String factoryId) {
        return """
                {"memberId":"%s","factoryId":"%s","machineType":"%s","product":"Virgin coconut oil",
                 "quantity":400,"machineHours":16,"earliestStart":"%s","deadline":"%s"}""".formatted(
                        memberId,
                        factoryId,
                        PRESS,
                        TestData.today().plusDays(1),
                        TestData.today().plusDays(8));
    }
}
