package org.factorysharing.systemtests.web.member;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.factorysharing.systemtests.Http;
import org.factorysharing.systemtests.Http.FilePart;
import org.factorysharing.systemtests.Http.Reply;
import org.factorysharing.systemtests.MemberLogins;
import org.factorysharing.systemtests.SampleDocuments;
import org.factorysharing.systemtests.ServerTest;
import org.factorysharing.testing.EventStoreProbe;
import org.factorysharing.testing.TestData;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Who may open the member pages and do their actions: a page a role may not see answers 403, and an action a role may
 * not do (a member acting on another member, staff verifying before an escalation, an auditor suspending) answers 403
 * and changes nothing.
 */
@ServerTest
class MemberPagesRoleMatrixIT {

    private static final List<String> DEMO_ROLES =
            List.of("officer", "supervisor", "auditor", "admin", "planner", "executive", "staff");

    @LocalServerPort
    int port;

    @Autowired
    MemberLogins logins;

    @Autowired
    EventStoreProbe eventStore;

    String applicant;
    String memberId;
    String documentId;
    String taskId;
    String otherMember;

    @BeforeEach
    void anApplicationWithADocumentAndItsVerificationTask() {
        applicant = logins.newLogin();
        memberId = apply(applicant);
        Reply attached = api(applicant)
                .postMultipart(
                        "/api/members/" + memberId + "/documents",
                        Map.of("kind", "NIB_CERTIFICATE"),
                        List.of(new FilePart("file", "nib.pdf", "application/pdf", SampleDocuments.pdf("NIB"))));
        assertThat(attached.status()).as(attached.toString()).isEqualTo(201);
        documentId = attached.json().get("documentId").asText();
        taskId = await().atMost(Duration.ofSeconds(30))
                .until(
                        () -> {
                            JsonNode tasks = api("officer")
                                    .get("/api/tasks?taskKey=user_verify_documents&businessKey=" + memberId)
                                    .json()
                                    .get("items");
                            return tasks.isEmpty()
                                    ? null
                                    : tasks.get(0).get("id").asText();
                        },
                        id -> id != null);
        otherMember = logins.newLogin();
        apply(otherMember);
        logins.awaitLinked(applicant);
        logins.awaitLinked(otherMember);
    }

    @Test
    void eachPageAnswers403ToTheRolesThatMayNotSeeIt() {
        Map<String, Set<String>> allowed = new LinkedHashMap<>();
        allowed.put("/me", Set.of("member"));
        allowed.put("/me/apply", Set.of("member"));
        allowed.put("/me/forget", Set.of("member"));
        allowed.put("/members", Set.of("officer", "supervisor", "auditor", "admin"));
        allowed.put("/members/" + memberId, Set.of("officer", "supervisor", "auditor", "admin"));
        allowed.put("/members/" + memberId + "/documents/" + documentId, Set.of("officer", "supervisor", "auditor"));
        allowed.put("/members/verification/" + taskId, Set.of("officer", "supervisor"));

        Map<String, Http> people = new LinkedHashMap<>();
        DEMO_ROLES.forEach(role -> people.put(role, Http.signedIn(port, role, TestData.PASSWORD)));
        people.put("member", Http.signedIn(port, otherMember, TestData.PASSWORD));

        allowed.forEach((path, roles) -> people.forEach((role, person) -> {
            int status = person.get(path).status();
            if (roles.contains(role)) {
                assertThat(status).as(role + " GET " + path).isBetween(200, 399);
            } else {
                assertThat(status).as(role + " GET " + path).isEqualTo(403);
            }
        }));
        // the member's own document is its own: another member's is not found through /me
        assertThat(people.get("member").get("/me/documents/" + documentId).status())
                .isEqualTo(404);
        assertThat(Http.signedIn(port, applicant, TestData.PASSWORD)
                        .get("/me/documents/" + documentId)
                        .status())
                .isEqualTo(200);
    }

    @Test
    void anActionARoleMayNotDoAnswers403AndChangesNothing() {
        List<String> events = eventStore.eventTypesOf(memberId);
        Http other = Http.signedIn(port, otherMember, TestData.PASSWORD);
        Http auditor = Http.signedIn(port, "auditor", TestData.PASSWORD);
        Http supervisor = Http.signedIn(port, "supervisor", TestData.PASSWORD);
        Http admin = Http.signedIn(port, "admin", TestData.PASSWORD);
        Http staff = Http.signedIn(port, "staff", TestData.PASSWORD);
        String verify = "/members/verification/" + taskId;

        // a member posting another member's verification, or acting on another member
        assertThat(other.pagePost(verify, "decision=VERIFY").status()).isEqualTo(403);
        assertThat(other.pagePost(verify + "/claim", "").status()).isEqualTo(403);
        assertThat(other.pagePost("/members/" + memberId + "/personal-data", "reason=hapus")
                        .status())
                .isEqualTo(403);
        // staff who may not verify: a supervisor before the check is overdue, admins, auditors, factory staff
        assertThat(supervisor.pagePost(verify, "decision=VERIFY").status()).isEqualTo(403);
        assertThat(admin.pagePost(verify, "decision=VERIFY").status()).isEqualTo(403);
        assertThat(auditor.pagePost(verify, "decision=REJECT&reason=palsu").status())
                .isEqualTo(403);
        assertThat(staff.pagePost(verify, "decision=VERIFY").status()).isEqualTo(403);
        // readers who may not act on members
        assertThat(auditor.pagePost("/members/" + memberId + "/suspension", "reason=tunggakan")
                        .status())
                .isEqualTo(403);
        assertThat(auditor.pagePost(
                                "/members/" + memberId + "/qualifications",
                                "machineType=CNC_ROUTER&expiresOn="
                                        + TestData.today().plusYears(1))
                        .status())
                .isEqualTo(403);
        assertThat(staff.pagePost("/members/" + memberId + "/personal-data", "reason=hapus")
                        .status())
                .isEqualTo(403);
        // the other member's own "send back" acts on its own member only
        assertThat(other.pagePost("/me/resubmission", "").status()).isEqualTo(302);

        assertThat(eventStore.eventTypesOf(memberId)).isEqualTo(events);
        JsonNode task = api("officer").get("/api/tasks/" + taskId).json().get("task");
        assertThat(task.get("id").asText()).isEqualTo(taskId);
        assertThat(task.path("assignee").isMissingNode())
                .as("nobody claimed it")
                .isTrue();
    }

    private String apply(String login) {
        Reply created = api(login).post("/api/members", TestData.registerMemberJson(TestData.nib()));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.json().get("memberId").asText();
    }

    private Http api(String user) {
        return Http.as(port, user, TestData.PASSWORD);
    }
}
