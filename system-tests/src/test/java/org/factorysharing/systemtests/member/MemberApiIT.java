package org.factorysharing.systemtests.member;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.factorysharing.systemtests.Problems.assertField;
import static org.factorysharing.systemtests.Problems.assertProblem;
import static org.factorysharing.systemtests.Problems.assertRule;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.factorysharing.systemtests.Http;
import org.factorysharing.systemtests.Http.Reply;
import org.factorysharing.systemtests.MemberLogins;
import org.factorysharing.systemtests.Problems;
import org.factorysharing.systemtests.ServerTest;
import org.factorysharing.testing.EventStoreProbe;
import org.factorysharing.testing.TestData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The member API over real HTTP on PostgreSQL: the onboarding walk, and every kind of bad request. */
@ServerTest
class MemberApiIT {

    @LocalServerPort
    int port;

    @Autowired
    EventStoreProbe eventStore;

    @Autowired
    MemberLogins logins;

    Http officer() {
        return Http.as(port, "officer", TestData.PASSWORD);
    }

    Http as(String user) {
        return Http.as(port, user, TestData.PASSWORD);
    }

    @Test
    void registeredMemberIsVerifiedByAnOfficerThroughTheTaskApi() {
        String applicant = logins.newLogin();
        Reply created = as(applicant).post("/api/members", TestData.registerMemberJson(TestData.nib()));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String memberId = created.json().get("memberId").asText();
        assertThat(created.header("Location")).isEqualTo("/api/members/" + memberId);
        // the applicant's login now acts for the member: it sees its own record, applies only once
        logins.awaitLinked(applicant);
        assertThat(as(applicant).get("/api/members/" + memberId).status()).isEqualTo(200);
        assertRule(
                as(applicant).post("/api/members", TestData.registerMemberJson(TestData.nib())),
                "member.account-taken");
        String other = officer()
                .post("/api/members", TestData.registerMemberJson(TestData.nib()))
                .json()
                .get("memberId")
                .asText();
        assertThat(as(applicant).get("/api/members/" + other).status()).isEqualTo(404);

        JsonNode task = awaitVerificationTask(memberId);
        assertThat(task.get("name").asText()).isEqualTo("Verify documents");
        assertThat(task.get("candidateGroups").toString()).contains("officers");
        assertThat(task.get("due").isNull()).isFalse();
        String taskId = task.get("id").asText();

        JsonNode detail = officer().get("/api/tasks/" + taskId).json();
        assertThat(detail.get("form").toString()).contains("\"id\":\"approved\"", "\"required\":true");
        assertThat(officer().post("/api/tasks/" + taskId + "/claim", null).status())
                .isEqualTo(204);
        assertThat(Http.as(port, "officer2", TestData.PASSWORD)
                        .post("/api/tasks/" + taskId + "/claim", null)
                        .status())
                .isEqualTo(409);
        Reply completed = officer().post("/api/tasks/" + taskId + "/complete", "{\"variables\":{\"approved\":true}}");
        assertThat(completed.status()).as(completed.toString()).isEqualTo(204);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonNode page = officer()
                    .get(
                            "/api/members?status=VERIFIED&province=Jawa%20Tengah&size=200&sort=REGISTERED_AT&direction=DESC")
                    .json();
            assertThat(page.get("items").findValuesAsText("memberId")).contains(memberId);
        });
        JsonNode member = officer().get("/api/members/" + memberId).json();
        assertThat(member.get("status").asText()).isEqualTo("VERIFIED");
        assertThat(member.get("ownerNikMasked").asText()).matches("\\*{12}\\d{4}");
        assertThat(member.toString()).doesNotContain("ownerNik\"");
        assertThat(eventStore.eventTypesOf(memberId))
                .containsExactly("MemberRegistered", "MemberAccountLinked", "MemberVerified");
    }

    @Test
    void anOfficerLinksALoginToOneMemberOnly() {
        String first = officer()
                .post("/api/members", TestData.registerMemberJson(TestData.nib()))
                .json()
                .get("memberId")
                .asText();
        String second = officer()
                .post("/api/members", TestData.registerMemberJson(TestData.nib()))
                .json()
                .get("memberId")
                .asText();
        String login = logins.newLogin();

        assertThat(officer()
                        .put("/api/members/" + first + "/accounts/" + login, null)
                        .status())
                .isEqualTo(204);
        logins.awaitLinked(login);
        assertThat(as(login).get("/api/members/" + first).status()).isEqualTo(200);
        assertThat(officer()
                        .put("/api/members/" + first + "/accounts/" + login, null)
                        .status())
                .as("linking again changes nothing")
                .isEqualTo(204);

        assertRule(officer().put("/api/members/" + second + "/accounts/" + login, null), "member.account-taken");
        assertThat(officer()
                        .put("/api/members/" + second + "/accounts/nobody-" + login, null)
                        .status())
                .isEqualTo(404);
        assertThat(as(login)
                        .put("/api/members/" + second + "/accounts/" + login, null)
                        .status())
                .isEqualTo(403);
        assertThat(eventStore.eventTypesOf(first)).containsOnlyOnce("MemberAccountLinked");
        assertThat(eventStore.eventTypesOf(second)).doesNotContain("MemberAccountLinked");
    }

    @Test
    void verificationThroughCamundaTasklistHasTheSameEffect() {
        String memberId = officer()
                .post("/api/members", TestData.registerMemberJson(TestData.nib()))
                .json()
                .get("memberId")
                .asText();
        String taskId = awaitVerificationTask(memberId).get("id").asText();

        Http browser = Http.signedInToWebapps(port, "officer", TestData.PASSWORD);
        Reply submitted = browser.webappPost(
                "/camunda/api/engine/engine/default/task/" + taskId + "/submit-form",
                "{\"variables\":{\"approved\":{\"value\":true,\"type\":\"Boolean\"}}}");
        assertThat(submitted.status()).as(submitted.toString()).isEqualTo(204);

        assertThat(eventStore.eventTypesOf(memberId)).containsExactly("MemberRegistered", "MemberVerified");
        assertThat(eventStore.payloadOf(memberId, 1)).contains("\"verifiedBy\":\"officer\"");
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(officer()
                                .get("/api/members/" + memberId)
                                .json()
                                .get("status")
                                .asText())
                        .isEqualTo("VERIFIED"));
    }

    static Stream<Arguments> invalidRegistrations() {
        String valid = TestData.registerMemberJson("1111111111111");
        return Stream.of(
                Arguments.of("malformed JSON", "{\"nib\": \"1234", null),
                Arguments.of("NIB too short", valid.replace("1111111111111", "123456789012"), "nib"),
                Arguments.of("NIB with letters", valid.replace("1111111111111", "12345678901AB"), "nib"),
                Arguments.of("NIB missing", valid.replace("\"nib\":\"1111111111111\",", ""), "nib"),
                Arguments.of("unknown scale", valid.replace("\"SMALL\"", "\"HUGE\""), "scale"),
                Arguments.of(
                        "NIK not 16 digits",
                        valid.replaceAll("\"ownerNik\":\"\\d+\"", "\"ownerNik\":\"12\""),
                        "ownerNik"),
                Arguments.of(
                        "blank business name",
                        valid.replaceAll("\"businessName\":\"[^\"]+\"", "\"businessName\":\" \""),
                        "businessName"),
                Arguments.of("bad email", valid.replace("siti@example.id", "not-an-email"), "contactEmail"),
                Arguments.of("number as province", valid.replace("\"Jawa Tengah\"", "{\"x\":1}"), "province"),
                Arguments.of("NUL in a name", valid.replace("Siti Rahayu", "Siti\\u0000Rahayu"), "ownerName"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidRegistrations")
    void invalidRegistrationAnswers400NamingTheFieldAndWritesNothing(String why, String body, String field) {
        long events = eventStore.eventCount();

        Reply reply = officer().post("/api/members", body);

        assertThat(reply.status()).as(reply.toString()).isEqualTo(400);
        assertProblem(reply);
        if (field != null) {
            assertThat(reply.json().get("errors").findValuesAsText("field")).contains(field);
        }
        assertThat(eventStore.eventCount()).isEqualTo(events);
        assertThat(eventStore.nibClaims("1111111111111")).isZero();
    }

    @Test
    void secondRegistrationOfANibAnswers409AndWritesNothing() {
        String nib = TestData.nib();
        assertThat(officer()
                        .post("/api/members", TestData.registerMemberJson(nib))
                        .status())
                .isEqualTo(201);
        long events = eventStore.eventCount();

        Reply duplicate = officer().post("/api/members", TestData.registerMemberJson(nib));

        assertThat(duplicate.status()).isEqualTo(409);
        assertProblem(duplicate);
        assertThat(duplicate.json().get("rule").asText()).contains("NIB " + nib + " is already registered");
        assertThat(eventStore.eventCount()).isEqualTo(events);
    }

    @Test
    void unknownIdsAnswer404AndWriteNothing() {
        long events = eventStore.eventCount();
        String unknown = UUID.randomUUID().toString();

        for (Reply reply : List.of(
                officer().get("/api/members/" + unknown),
                officer().post("/api/members/" + unknown + "/suspension", "{\"reason\":\"late payments\"}"),
                officer()
                        .put(
                                "/api/members/" + unknown + "/qualifications/CNC_ROUTER",
                                "{\"expiresOn\":\"2030-01-01\"}"),
                officer().get("/api/tasks/" + unknown),
                officer().post("/api/tasks/" + unknown + "/complete", "{\"variables\":{}}"))) {
            assertThat(reply.status()).as(reply.toString()).isEqualTo(404);
            assertProblem(reply);
        }
        assertThat(eventStore.eventCount()).isEqualTo(events);
    }

    @Test
    void ruleViolationsAnswer409WithTheRuleAndWriteNothing() {
        String memberId = officer()
                .post("/api/members", TestData.registerMemberJson(TestData.nib()))
                .json()
                .get("memberId")
                .asText();
        long events = eventStore.eventCount();

        Reply suspend = officer().post("/api/members/" + memberId + "/suspension", "{\"reason\":\"no show\"}");
        Reply qualify = officer()
                .put(
                        "/api/members/" + memberId + "/qualifications/CNC_ROUTER",
                        "{\"expiresOn\":\"" + LocalDate.now().plusYears(1) + "\"}");

        assertThat(suspend.status()).isEqualTo(409);
        assertThat(suspend.json().get("rule").asText()).contains("only a verified member can be suspended");
        assertThat(qualify.status()).isEqualTo(409);
        assertThat(qualify.json().get("rule").asText()).contains("only a verified member can be qualified");
        assertProblem(suspend);
        assertThat(eventStore.eventCount()).isEqualTo(events);
    }

    @Test
    void missingOrWrongCredentialsAnswer401AndMissingRightsAnswer403() {
        long events = eventStore.eventCount();
        String body = TestData.registerMemberJson(TestData.nib());

        Reply anonymous = Http.anonymous(port).post("/api/members", body);
        // an unknown user: a wrong password for a real one would slow that user's next logins down
        Reply wrongPassword = Http.as(port, "intruder", "wrong").post("/api/members", body);
        Reply auditorWrites = as("auditor").post("/api/members", body);
        Reply memberBrowses = as("member").get("/api/members");
        Reply staffSuspends = as("staff").post("/api/members/x/suspension", "{\"reason\":\"r\"}");

        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(wrongPassword.status()).isEqualTo(401);
        assertThat(auditorWrites.status()).isEqualTo(403);
        assertThat(memberBrowses.status()).isEqualTo(403);
        assertThat(staffSuspends.status()).isEqualTo(403);
        Stream.of(anonymous, wrongPassword, auditorWrites, memberBrowses, staffSuspends)
                .forEach(Problems::assertProblem);
        assertThat(Http.anonymous(port).get("/engine-rest/task").status()).isEqualTo(401);
        assertThat(as("auditor").get("/engine-rest/task").status()).isEqualTo(403);
        assertThat(as("auditor").get("/api/members").status()).isEqualTo(200);
        assertThat(eventStore.eventCount()).isEqualTo(events);
    }

    @Test
    void auditorsAndOtherGroupsCannotCompleteAnOfficersTask() {
        String memberId = officer()
                .post("/api/members", TestData.registerMemberJson(TestData.nib()))
                .json()
                .get("memberId")
                .asText();
        String taskId = awaitVerificationTask(memberId).get("id").asText();
        long events = eventStore.eventCount();

        for (String user : List.of("auditor", "staff", "member", "supervisor")) {
            Reply reply = as(user).post("/api/tasks/" + taskId + "/complete", "{\"variables\":{\"approved\":true}}");
            assertThat(reply.status()).as(user + ": " + reply).isEqualTo(403);
        }
        assertThat(as("auditor").get("/api/tasks/" + taskId).status()).isEqualTo(200);
        assertThat(eventStore.eventCount()).isEqualTo(events);
        assertThat(officer()
                        .get("/api/tasks?businessKey=" + memberId)
                        .json()
                        .get("items")
                        .findValuesAsText("id"))
                .containsExactly(taskId);
    }

    @Test
    void engineRestActsAsTheSignedInUserSoAnAdminCannotDecideInAnOfficersName() {
        String memberId = officer()
                .post("/api/members", TestData.registerMemberJson(TestData.nib()))
                .json()
                .get("memberId")
                .asText();
        String taskId = awaitVerificationTask(memberId).get("id").asText();
        Http admin = as("admin");

        assertThat(admin.post("/engine-rest/task/" + taskId + "/assignee", "{\"userId\":\"officer\"}")
                        .status())
                .isEqualTo(204);
        Reply completed = admin.post(
                "/engine-rest/task/" + taskId + "/complete",
                "{\"variables\":{\"approved\":{\"value\":true,\"type\":\"Boolean\"}}}");

        assertThat(completed.status()).as(completed.toString()).isNotEqualTo(204);
        assertThat(completed.body()).contains("not an officer");
        assertThat(eventStore.eventTypesOf(memberId)).containsExactly("MemberRegistered");
    }

    @Test
    void taskCompletionValidatesItsVariables() {
        String memberId = officer()
                .post("/api/members", TestData.registerMemberJson(TestData.nib()))
                .json()
                .get("memberId")
                .asText();
        String path = "/api/tasks/" + awaitVerificationTask(memberId).get("id").asText() + "/complete";
        long events = eventStore.eventCount();

        assertField(officer().post(path, "{\"variables\":{}}"), "approved");
        assertField(officer().post(path, "{\"variables\":{\"approved\":\"yes\"}}"), "approved");
        assertField(officer().post(path, "{\"variables\":{\"approved\":false}}"), "rejectionReason");
        assertField(officer().post(path, "{\"variables\":{\"approved\":true,\"nib\":\"9999999999999\"}}"), "nib");
        assertField(officer().post(path, "{\"variables\":{\"approved\":true,\"decidedBy\":\"someone\"}}"), "decidedBy");
        assertField(
                officer().post(path, "{\"variables\":{\"approved\":false,\"rejectionReason\":\"a\\u0000b\"}}"),
                "rejectionReason");

        assertThat(eventStore.eventCount()).isEqualTo(events);
        Reply rejected = officer()
                .post(
                        path,
                        "{\"variables\":{\"approved\":false,\"rejectionReason\":\"NIB belongs to another business\"}}");
        assertThat(rejected.status()).isEqualTo(204);
        assertThat(eventStore.eventTypesOf(memberId)).containsExactly("MemberRegistered", "MemberRejected");
    }

    @Test
    void verifiedMemberIsQualifiedSuspendedAndReinstated() {
        String memberId = verifiedMember();
        String expiry = LocalDate.now().plusYears(1).toString();

        assertThat(officer()
                        .put(
                                "/api/members/" + memberId + "/qualifications/COCONUT_OIL_PRESS",
                                "{\"expiresOn\":\"" + expiry + "\"}")
                        .status())
                .isEqualTo(204);
        assertField(
                officer()
                        .put(
                                "/api/members/" + memberId + "/qualifications/COCONUT_OIL_PRESS",
                                "{\"expiresOn\":\"2000-01-01\"}"),
                "expiresOn");
        assertField(
                officer()
                        .put(
                                "/api/members/" + memberId + "/qualifications/coconut-press",
                                "{\"expiresOn\":\"" + expiry + "\"}"),
                "machineType");
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(officer()
                                .get("/api/members/" + memberId)
                                .json()
                                .path("qualifications")
                                .findValuesAsText("machineType"))
                        .containsExactly("COCONUT_OIL_PRESS"));

        assertThat(officer()
                        .post(
                                "/api/members/" + memberId + "/qualifications/COCONUT_OIL_PRESS/revocation",
                                "{\"reason\":\"failed refresher training\"}")
                        .status())
                .isEqualTo(204);
        assertThat(officer()
                        .post("/api/members/" + memberId + "/suspension", "{\"reason\":\"unpaid fees\"}")
                        .status())
                .isEqualTo(204);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonNode member = officer().get("/api/members/" + memberId).json();
            assertThat(member.get("status").asText()).isEqualTo("SUSPENDED");
            assertThat(member.get("statusReason").asText()).isEqualTo("unpaid fees");
            assertThat(member.get("qualifications")).isEmpty();
        });
        assertThat(as("supervisor")
                        .post("/api/members/" + memberId + "/reinstatement", null)
                        .status())
                .isEqualTo(204);
        assertThat(eventStore.eventTypesOf(memberId))
                .containsExactly(
                        "MemberRegistered",
                        "MemberVerified",
                        "QualificationGranted",
                        "QualificationRevoked",
                        "MemberSuspended",
                        "MemberReinstated");
    }

    @Test
    void directoryFiltersPagesAndSorts() {
        String province = "Provinsi Uji " + UUID.randomUUID().toString().substring(0, 8);
        List<String> names = new ArrayList<>();
        for (String name : List.of("Batik Cendana", "Anyaman Pandan", "Cokelat Kakao")) {
            String body = TestData.registerMemberJson(TestData.nib())
                    .replace("\"Jawa Tengah\"", "\"" + province + "\"")
                    .replaceAll("\"businessName\":\"[^\"]+\"", "\"businessName\":\"" + name + "\"");
            assertThat(officer().post("/api/members", body).status()).isEqualTo(201);
            names.add(name);
        }
        String query =
                "/api/members?province=" + province.replace(" ", "%20") + "&sort=BUSINESS_NAME&direction=DESC&size=2";

        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(
                                officer().get(query).json().get("totalItems").asLong())
                        .isEqualTo(3));
        JsonNode first = officer().get(query + "&page=0").json();
        JsonNode second = officer().get(query + "&page=1").json();
        assertThat(first.get("items").findValuesAsText("businessName"))
                .containsExactly("Cokelat Kakao", "Batik Cendana");
        assertThat(second.get("items").findValuesAsText("businessName")).containsExactly("Anyaman Pandan");
        assertThat(first.get("totalPages").asInt()).isEqualTo(2);
        assertThat(officer()
                        .get(query.replace("province=", "sector=furniture&status=VERIFIED&province="))
                        .json()
                        .get("totalItems")
                        .asLong())
                .isZero();

        assertField(officer().get("/api/members?sort=NIK"), "sort");
        assertField(officer().get("/api/members?size=0"), "size");
        assertField(officer().get("/api/members?status=SLEEPING"), "status");
        assertField(officer().get("/api/members?direction=UP"), "direction");
        assertField(officer().get("/api/members?province=a%00b"), "province");
        assertField(officer().get("/api/members?page=99999999"), "page");
    }

    private String verifiedMember() {
        String memberId = officer()
                .post("/api/members", TestData.registerMemberJson(TestData.nib()))
                .json()
                .get("memberId")
                .asText();
        String taskId = awaitVerificationTask(memberId).get("id").asText();
        assertThat(officer()
                        .post("/api/tasks/" + taskId + "/complete", "{\"variables\":{\"approved\":true}}")
                        .status())
                .isEqualTo(204);
        return memberId;
    }

    private JsonNode awaitVerificationTask(String memberId) {
        return await().atMost(Duration.ofSeconds(30))
                .until(
                        () -> {
                            JsonNode tasks = officer()
                                    .get("/api/tasks?businessKey=" + memberId)
                                    .json()
                                    .get("items");
                            return tasks.isEmpty() ? null : tasks.get(0);
                        },
                        task -> task != null);
    }
}
