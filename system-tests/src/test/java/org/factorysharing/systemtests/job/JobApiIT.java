package org.factorysharing.systemtests.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.factorysharing.systemtests.Problems.assertField;
import static org.factorysharing.systemtests.Problems.assertProblem;
import static org.factorysharing.systemtests.Problems.assertRule;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.factorysharing.api.factory.FactoryId;
import org.factorysharing.api.member.MemberCommands.GrantQualification;
import org.factorysharing.api.member.MemberCommands.LinkMemberAccount;
import org.factorysharing.api.member.MemberCommands.VerifyMember;
import org.factorysharing.api.member.MemberId;
import org.factorysharing.systemtests.Http;
import org.factorysharing.systemtests.Http.Reply;
import org.factorysharing.systemtests.MemberLogins;
import org.factorysharing.systemtests.ServerTest;
import org.factorysharing.testing.EventFeed;
import org.factorysharing.testing.EventStoreProbe;
import org.factorysharing.testing.TestData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The job API over real HTTP on PostgreSQL: a request is answered with the member's eligibility at once,
 * bad requests name their field, and who may do what. Members and factories are set up by commands.
 */
@ServerTest
class JobApiIT {

    private static final String PRESS = "COCONUT_OIL_PRESS";
    /** What a job request writes, accepted or refused; the workflow writes other events in the background. */
    private static final String[] JOB_REQUESTS = {"ProductionJobRequested", "ProductionJobRequestRefused"};

    @LocalServerPort
    int port;

    @Autowired
    EventStoreProbe eventStore;

    @Autowired
    CommandGateway commands;

    @Autowired
    MemberLogins logins;

    @Autowired
    EventFeed feed;

    /** The login of the member made by qualifiedMember (a member's login books only for its own member). */
    private String memberLogin;

    Http as(String user) {
        return Http.as(port, user, TestData.PASSWORD);
    }

    @Test
    void qualifiedMembersRequestIsAcceptedAndFollowedAtItsLocation() {
        String memberId = qualifiedMember(PRESS);
        String factoryId = TestData.commissionedFactory(commands).value();

        Reply accepted = as(memberLogin)
                .post(
                        "/api/jobs",
                        jobJson(
                                memberId,
                                factoryId,
                                TestData.today(),
                                TestData.today().plusDays(14)));

        assertThat(accepted.status()).as(accepted.toString()).isEqualTo(202);
        String jobId = accepted.json().get("jobId").asText();
        assertThat(accepted.header("Location")).isEqualTo("/api/jobs/" + jobId);
        assertThat(accepted.json().get("status").asText()).isEqualTo("REQUESTED");
        assertThat(accepted.json().has("rejection")).isFalse();
        assertThat(eventStore.eventTypesOf(jobId)).first().isEqualTo("ProductionJobRequested");
        assertThat(eventStore.payloadOf(jobId, 0))
                .contains(
                        "\"requestedBy\":\"" + memberLogin + "\"",
                        "\"machineHours\":16",
                        "\"product\":\"Virgin coconut oil\"");
    }

    /**
     * Who a login acts for is decided on the command side, in the booking's own transaction: a login linked a moment
     * ago books at once, even while the member directory (the read model) has not seen the link yet.
     */
    @Test
    void aLoginLinkedAMomentAgoBooksWhileTheDirectoryLags() {
        String memberId = registeredMember();
        commands.sendAndWait(new VerifyMember(new MemberId(memberId), "officer"));
        commands.sendAndWait(new GrantQualification(
                new MemberId(memberId), PRESS, TestData.today().plusYears(1), "officer"));
        String factoryId = TestData.commissionedFactory(commands).value();
        String login = logins.newLogin();
        StreamingEventProcessor directory = feed.processor("member-directory");
        feed.stop(directory);
        try {
            assertThat(as("officer")
                            .put("/api/members/" + memberId + "/accounts/" + login, null)
                            .status())
                    .isEqualTo(204);

            Reply accepted = as(login)
                    .post(
                            "/api/jobs",
                            jobJson(
                                    memberId,
                                    factoryId,
                                    TestData.today(),
                                    TestData.today().plusDays(14)));

            assertThat(accepted.status()).as(accepted.toString()).isEqualTo(202);
            assertThat(accepted.json().get("status").asText()).isEqualTo("REQUESTED");
            // another member's login is still refused, by the same check
            String stranger = logins.newLogin();
            commands.sendAndWait(new LinkMemberAccount(new MemberId(registeredMember()), stranger, "officer"));
            assertThat(as(stranger)
                            .post(
                                    "/api/jobs",
                                    jobJson(
                                            memberId,
                                            factoryId,
                                            TestData.today(),
                                            TestData.today().plusDays(14)))
                            .status())
                    .isEqualTo(403);
        } finally {
            directory.start();
        }
    }

    @Test
    void memberWhoMayNotBookIsRefusedAtOnceWithTheReason() {
        String factoryId = TestData.commissionedFactory(commands).value();
        String applied = registeredMember();
        String unqualified = registeredMember();
        commands.sendAndWait(new VerifyMember(new MemberId(unqualified), "officer"));
        LocalDate start = TestData.today().plusDays(1);

        Reply notVerified = as("officer").post("/api/jobs", jobJson(applied, factoryId, start, start.plusDays(7)));
        Reply notQualified = as("admin").post("/api/jobs", jobJson(unqualified, factoryId, start, start.plusDays(7)));

        assertRefused(notVerified, "MEMBER_NOT_VERIFIED");
        assertRefused(notQualified, "NOT_QUALIFIED");
        assertThat(notQualified.json().get("reason").asText()).contains(PRESS);
        String jobId = notVerified.json().get("jobId").asText();
        assertThat(eventStore.eventTypesOf(jobId)).containsExactly("ProductionJobRequestRefused");

        List<String> events = eventStore.eventTypesOf(jobId);
        assertRule(
                as("officer").post("/api/jobs/" + jobId + "/cancellation", "{\"reason\":\"changed my mind\"}"),
                "job.closed");
        assertThat(eventStore.eventTypesOf(jobId)).isEqualTo(events);
    }

    @Test
    void openJobIsCancelledByTheMemberAndACancellationRepeatedChangesNothing() {
        String memberId = qualifiedMember(PRESS);
        String factoryId = TestData.commissionedFactory(commands).value();
        String jobId = as(memberLogin)
                .post(
                        "/api/jobs",
                        jobJson(
                                memberId,
                                factoryId,
                                TestData.today().plusDays(2),
                                TestData.today().plusDays(30)))
                .json()
                .get("jobId")
                .asText();

        Reply cancelled =
                as(memberLogin).post("/api/jobs/" + jobId + "/cancellation", "{\"reason\":\"order withdrawn\"}");
        assertThat(cancelled.status()).as(cancelled.toString()).isEqualTo(204);
        int events = eventStore.eventTypesOf(jobId).size();
        Reply again = as("officer").post("/api/jobs/" + jobId + "/cancellation", "{\"reason\":\"duplicate\"}");

        assertThat(again.status()).isEqualTo(204);
        assertThat(eventStore.eventTypesOf(jobId).size()).isEqualTo(events);
        assertThat(eventStore.eventTypesOf(jobId)).first().isEqualTo("ProductionJobRequested");
        assertThat(eventStore.eventTypesOf(jobId)).containsOnlyOnce("ProductionJobCancelled");
    }

    static Stream<Arguments> invalidRequests() {
        String memberId = UUID.randomUUID().toString();
        String factoryId = UUID.randomUUID().toString();
        LocalDate today = TestData.today();
        String valid = jobJson(memberId, factoryId, today.plusDays(1), today.plusDays(10));
        return Stream.of(
                Arguments.of("malformed JSON", "{\"memberId\": \"", null),
                Arguments.of("member missing", valid.replace("\"memberId\":\"" + memberId + "\",", ""), "memberId"),
                Arguments.of("blank factory", valid.replace(factoryId, " "), "factoryId"),
                Arguments.of("lower-case machine type", valid.replace(PRESS, "coconut press"), "machineType"),
                Arguments.of("NUL in product", valid.replace("Virgin coconut", "Virgin\\u0000coconut"), "product"),
                Arguments.of("no quantity", valid.replace("\"quantity\":400", "\"quantity\":0"), "quantity"),
                Arguments.of(
                        "quantity as text", valid.replace("\"quantity\":400", "\"quantity\":\"many\""), "quantity"),
                Arguments.of(
                        "no machine hours", valid.replace("\"machineHours\":16", "\"machineHours\":0"), "machineHours"),
                Arguments.of(
                        "too many machine hours",
                        valid.replace("\"machineHours\":16", "\"machineHours\":10001"),
                        "machineHours"),
                Arguments.of(
                        "start in the past",
                        jobJson(memberId, factoryId, today.minusDays(1), today.plusDays(5)),
                        "earliestStart"),
                Arguments.of(
                        "deadline before start",
                        jobJson(memberId, factoryId, today.plusDays(5), today.plusDays(4)),
                        "deadline"),
                Arguments.of(
                        "window over 366 days", jobJson(memberId, factoryId, today, today.plusDays(367)), "deadline"),
                Arguments.of("deadline missing", valid.replaceAll(",\"deadline\":\"[^\"]+\"", ""), "deadline"),
                Arguments.of(
                        "start malformed",
                        valid.replaceAll("\"earliestStart\":\"[^\"]+\"", "\"earliestStart\":\"next week\""),
                        "earliestStart"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidRequests")
    void invalidRequestAnswers400NamingTheFieldAndWritesNothing(String why, String body, String field) {
        long requests = eventStore.eventCount(JOB_REQUESTS);

        Reply reply = as("member").post("/api/jobs", body);

        assertThat(reply.status()).as(reply.toString()).isEqualTo(400);
        assertProblem(reply);
        if (field != null) {
            assertField(reply, field);
        }
        assertThat(eventStore.eventCount(JOB_REQUESTS)).isEqualTo(requests);
    }

    @Test
    void windowOfExactly366DaysFromTodayIsAccepted() {
        String memberId = qualifiedMember(PRESS);
        String factoryId = TestData.commissionedFactory(commands).value();

        Reply accepted = as(memberLogin)
                .post(
                        "/api/jobs",
                        jobJson(
                                memberId,
                                factoryId,
                                TestData.today(),
                                TestData.today().plusDays(366)));

        assertThat(accepted.status()).as(accepted.toString()).isEqualTo(202);
    }

    @Test
    void unknownIdsAnswer404AndWriteNothing() {
        String memberId = qualifiedMember(PRESS);
        String factoryId = TestData.commissionedFactory(commands).value();
        String unknown = UUID.randomUUID().toString();
        LocalDate start = TestData.today().plusDays(1);
        long requests = eventStore.eventCount(JOB_REQUESTS);

        for (Reply reply : List.of(
                as(memberLogin).post("/api/jobs", jobJson(memberId, unknown, start, start.plusDays(7))),
                as("officer").post("/api/jobs", jobJson(unknown, factoryId, start, start.plusDays(7))),
                as("officer").post("/api/jobs/" + unknown + "/cancellation", "{\"reason\":\"unknown\"}"))) {
            assertThat(reply.status()).as(reply.toString()).isEqualTo(404);
            assertProblem(reply);
        }
        assertThat(eventStore.eventCount(JOB_REQUESTS)).isEqualTo(requests);
        assertThat(eventStore.eventTypesOf(unknown)).isEmpty();
    }

    @Test
    void missingOrWrongCredentialsAnswer401AndMissingRightsAnswer403() {
        String memberId = qualifiedMember(PRESS);
        FactoryId factoryId = TestData.commissionedFactory(commands);
        LocalDate start = TestData.today().plusDays(1);
        String body = jobJson(memberId, factoryId.value(), start, start.plusDays(7));
        String jobId =
                as(memberLogin).post("/api/jobs", body).json().get("jobId").asText();
        long requests = eventStore.eventCount(JOB_REQUESTS);

        List<Reply> unauthenticated = List.of(
                Http.anonymous(port).post("/api/jobs", body),
                Http.anonymous(port).get("/api/jobs"),
                Http.as(port, "intruder", "wrong").post("/api/jobs/" + jobId + "/cancellation", "{\"reason\":\"x\"}"));
        List<Reply> forbidden = List.of(
                as("auditor").post("/api/jobs", body),
                as("supervisor").post("/api/jobs", body),
                as("staff").post("/api/jobs", body),
                as("auditor").post("/api/jobs/" + jobId + "/cancellation", "{\"reason\":\"audit\"}"),
                as("staff").post("/api/jobs/" + jobId + "/cancellation", "{\"reason\":\"machine busy\"}"),
                as(memberLogin).put("/api/jobs/" + jobId, body),
                // a member's login books only for its own member
                as(memberLogin)
                        .post("/api/jobs", jobJson(registeredMember(), factoryId.value(), start, start.plusDays(7))));

        unauthenticated.forEach(reply -> {
            assertThat(reply.status()).as(reply.toString()).isEqualTo(401);
            assertProblem(reply);
        });
        forbidden.forEach(reply -> {
            assertThat(reply.status()).as(reply.toString()).isEqualTo(403);
            assertProblem(reply);
        });
        assertThat(eventStore.eventCount(JOB_REQUESTS)).isEqualTo(requests);
        assertThat(eventStore.eventTypesOf(jobId)).doesNotContain("ProductionJobCancelled");
    }

    // --- reads: the job board is a projection, so it is awaited ---

    @Test
    void jobBoardShowsRequestsToMembersStaffAndOfficers() {
        String memberId = qualifiedMember(PRESS);
        String factoryId = TestData.commissionedFactory(commands).value();
        LocalDate start = TestData.today().plusDays(1);
        String jobId = as(memberLogin)
                .post("/api/jobs", jobJson(memberId, factoryId, start, start.plusDays(7)))
                .json()
                .get("jobId")
                .asText();
        String refusedId = as("officer")
                .post("/api/jobs", jobJson(registeredMember(), factoryId, start, start.plusDays(7)))
                .json()
                .get("jobId")
                .asText();
        String board = "/api/jobs?factoryId=" + factoryId;
        assertThat(as("officer")
                        .put("/api/factories/" + factoryId + "/staff/staff", null)
                        .status())
                .isEqualTo(204);

        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(as("officer")
                                .get(board)
                                .json()
                                .get("totalItems")
                                .asLong())
                        .isEqualTo(2));
        // a member's login sees its own jobs only; staff see their factory's
        assertThat(as(memberLogin).get(board).json().get("items").findValuesAsText("jobId"))
                .containsExactly(jobId);
        assertThat(as(memberLogin).get("/api/jobs/" + refusedId).status()).isEqualTo(404);
        assertThat(as(memberLogin)
                        .get("/api/jobs?memberId=" + registeredMember())
                        .status())
                .isEqualTo(403);
        assertThat(as("staff")
                        .get(board + "&status=REJECTED")
                        .json()
                        .get("items")
                        .findValuesAsText("jobId"))
                .containsExactly(refusedId);
        assertThat(as("auditor")
                        .get("/api/jobs?memberId=" + memberId)
                        .json()
                        .get("items")
                        .findValuesAsText("jobId"))
                .containsExactly(jobId);

        JsonNode job = as(memberLogin).get("/api/jobs/" + jobId).json();
        assertThat(job.get("factoryId").asText()).isEqualTo(factoryId);
        assertThat(job.get("memberId").asText()).isEqualTo(memberId);
        assertThat(job.get("machineHours").asInt()).isEqualTo(16);
        assertThat(job.get("earliestStart").asText()).isEqualTo(start.toString());
        assertThat(job.get("requestedBy").asText()).isEqualTo(memberLogin);
        JsonNode refused = as("officer").get("/api/jobs/" + refusedId).json();
        assertThat(refused.get("status").asText()).isEqualTo("REJECTED");
        assertThat(refused.get("rejection").asText()).isEqualTo("MEMBER_NOT_VERIFIED");

        assertField(as("member").get("/api/jobs?status=LOST"), "status");
        assertField(as("member").get("/api/jobs?size=201"), "size");
        Reply unknown = as(memberLogin).get("/api/jobs/" + UUID.randomUUID());
        assertThat(unknown.status()).isEqualTo(404);
        assertProblem(unknown);
    }

    private static void assertRefused(Reply reply, String rejection) {
        assertThat(reply.status()).as(reply.toString()).isEqualTo(202);
        JsonNode body = reply.json();
        assertThat(reply.header("Location"))
                .isEqualTo("/api/jobs/" + body.get("jobId").asText());
        assertThat(body.get("status").asText()).isEqualTo("REJECTED");
        assertThat(body.get("rejection").asText()).isEqualTo(rejection);
        assertThat(body.get("reason").asText()).isNotBlank();
    }

    private String registeredMember() {
        MemberId memberId = MemberId.newId();
        commands.sendAndWait(TestData.registerMember(memberId, TestData.nib()));
        return memberId.value();
    }

    private String qualifiedMember(String machineType) {
        String memberId = registeredMember();
        commands.sendAndWait(new VerifyMember(new MemberId(memberId), "officer"));
        commands.sendAndWait(new GrantQualification(
                new MemberId(memberId), machineType, TestData.today().plusYears(1), "officer"));
        memberLogin = logins.loginFor(new MemberId(memberId));
        return memberId;
    }

    private static String jobJson(String memberId, String factoryId, LocalDate earliestStart, LocalDate deadline) {
        return """
                {"memberId":"%s","factoryId":"%s","machineType":"%s","product":"Virgin coconut oil",
                 "quantity":400,"machineHours":16,"earliestStart":"%s","deadline":"%s"}""".formatted(memberId, factoryId, PRESS, earliestStart, deadline);
    }
}
