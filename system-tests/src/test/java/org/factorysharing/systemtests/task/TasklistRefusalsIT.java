package org.factorysharing.systemtests.task;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.factorysharing.systemtests.HttpWalk.PATIENCE;

import java.util.List;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.factorysharing.api.factory.FactoryCommands.ProposeFactory;
import org.factorysharing.api.factory.FactoryId;
import org.factorysharing.api.factory.MachinePlan;
import org.factorysharing.api.member.MemberCommands.RejectMember;
import org.factorysharing.api.member.MemberId;
import org.factorysharing.systemtests.Http;
import org.factorysharing.systemtests.Http.Reply;
import org.factorysharing.systemtests.ServerTest;
import org.factorysharing.testing.EventStoreProbe;
import org.factorysharing.testing.TestData;
import org.factorysharing.workflows.factory.FactoryCommissioningProcess;
import org.factorysharing.workflows.member.MemberOnboardingProcess;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A rule a task listener refuses reaches the Camunda webapps (the REST API Tasklist itself calls) and engine REST as
 * a 4xx with the rule's words, as our own task API answers it, never as the engine's 500 ("ENGINE-03051 There was an
 * exception while invoking the TaskListener"). The refused task stays open and no event is written. The commissioning
 * sign-off is the example: "officer" inspected the factory, so four-eyes keeps them from signing it off.
 */
@ServerTest
class TasklistRefusalsIT {

    private static final String ENGINE = "/camunda/api/engine/engine/default";
    private static final String APPROVED = "{\"variables\":{\"approved\":{\"value\":true,\"type\":\"Boolean\"}}}";
    private static final String REFUSED_WITHOUT_REASON =
            "{\"variables\":{\"approved\":{\"value\":false,\"type\":\"Boolean\"}}}";

    @LocalServerPort
    int port;

    @Autowired
    CommandGateway commands;

    @Autowired
    TaskService tasks;

    @Autowired
    EventStoreProbe events;

    private String factoryId;
    private String signOffId;
    private List<String> eventsBefore;

    /** A factory installed by "staff" and inspected by "officer": its sign-off waits for another officer. */
    @BeforeEach
    void factoryWaitingForItsSignOff() {
        FactoryId factory = FactoryId.newId();
        commands.sendAndWait(new ProposeFactory(
                factory,
                "Rumah Produksi " + factory,
                "Sulawesi Utara",
                "Minahasa",
                "Coconut oil",
                "Koperasi Nyiur Melambai",
                List.of(new MachinePlan("PRESS-1", "COCONUT_OIL_PRESS", 8)),
                TestData.today().plusDays(30),
                "officer"));
        factoryId = factory.value();
        await().atMost(PATIENCE)
                .until(() -> as("officer")
                                .put("/api/factories/" + factoryId + "/staff/staff", null)
                                .status()
                        == 204);
        complete("staff", awaitTask(FactoryCommissioningProcess.USER_INSTALL_MACHINE), "{}");
        complete("officer", awaitTask(FactoryCommissioningProcess.USER_INSPECT_FACTORY), "{\"passed\":true}");
        signOffId = awaitTask(FactoryCommissioningProcess.USER_COMMISSIONING_SIGNOFF);
        eventsBefore = events.eventTypesOf(factoryId);
    }

    @Test
    void fourEyesInTasklistIsA403WithTheRule() {
        Http inspector = Http.signedInToWebapps(port, "officer", TestData.PASSWORD);
        // as Tasklist does it: claim, then submit the form
        Reply claimed = inspector.webappPost(ENGINE + "/task/" + signOffId + "/claim", "{\"userId\":\"officer\"}");
        assertThat(claimed.status()).as(claimed.toString()).isEqualTo(204);

        Reply submitted = inspector.webappPost(ENGINE + "/task/" + signOffId + "/submit-form", APPROVED);

        assertRefusal(submitted, 403, "NotPermitted");
        assertThat(submitted.json().get("message").asText())
                .isEqualTo("four-eyes: officer inspected the factory and may not also sign off its commissioning");
        assertThat(inspector
                        .webappPost(ENGINE + "/task/" + signOffId + "/unclaim", "{}")
                        .status())
                .isEqualTo(204);
        assertUnchanged();
    }

    @Test
    void aUserOutsideTheTasksGroupInTasklistIsA403WithTheRule() {
        // admins may do anything in the engine; the task's rule still wants an officer
        Http admin = Http.signedInToWebapps(port, "admin", TestData.PASSWORD);

        Reply submitted = admin.webappPost(ENGINE + "/task/" + signOffId + "/submit-form", APPROVED);

        assertRefusal(submitted, 403, "NotPermitted");
        assertThat(submitted.json().get("message").asText())
                .isEqualTo("only officers may complete the commissioning sign-off; admin is not an officer");
        assertUnchanged();
    }

    @Test
    void badInputInTasklistIsA400NamingTheField() {
        Http secondOfficer = Http.signedInToWebapps(port, "officer2", TestData.PASSWORD);

        Reply submitted =
                secondOfficer.webappPost(ENGINE + "/task/" + signOffId + "/submit-form", REFUSED_WITHOUT_REASON);

        assertRefusal(submitted, 400, "InvalidField");
        assertThat(submitted.json().get("field").asText()).isEqualTo("signOffReason");
        assertThat(submitted.json().get("message").asText()).contains("signOffReason", "required when");
        assertUnchanged();
    }

    @Test
    void engineRestAnswersTheSameRefusals() {
        Http admin = Http.as(port, "admin", TestData.PASSWORD);

        Reply completed = admin.post("/engine-rest/task/" + signOffId + "/complete", APPROVED);
        Reply submitted = admin.post("/engine-rest/task/" + signOffId + "/submit-form", APPROVED);
        Reply withoutReason = admin.post("/engine-rest/task/" + signOffId + "/complete", REFUSED_WITHOUT_REASON);

        assertRefusal(completed, 403, "NotPermitted");
        assertThat(completed.json().get("message").asText()).contains("admin is not an officer");
        assertRefusal(submitted, 403, "NotPermitted");
        assertRefusal(withoutReason, 400, "InvalidField");
        assertThat(withoutReason.json().get("field").asText()).isEqualTo("signOffReason");
        assertUnchanged();
    }

    @Test
    void aRuleTheProcessesNextCommandBreaksIsA409WithItsCode() {
        // the member is rejected meanwhile (by a command here); approving the documents then breaks the member's rule
        MemberId member = MemberId.newId();
        commands.sendAndWait(TestData.registerMember(member, TestData.nib()));
        String verifyId = awaitTask(member.value(), MemberOnboardingProcess.USER_VERIFY_DOCUMENTS);
        commands.sendAndWait(new RejectMember(member, "documents withdrawn", "officer2"));
        List<String> before = events.eventTypesOf(member.value());
        Http officer = Http.signedInToWebapps(port, "officer", TestData.PASSWORD);

        Reply submitted = officer.webappPost(ENGINE + "/task/" + verifyId + "/submit-form", APPROVED);

        assertRefusal(submitted, 409, "BusinessRuleViolation");
        assertThat(submitted.json().get("code").asText()).isEqualTo("member.rejected");
        assertThat(submitted.json().get("message").asText()).isEqualTo("a rejected member cannot be verified");
        assertThat(tasks.createTaskQuery().taskId(verifyId).count())
                .as("the task stays open")
                .isOne();
        assertThat(events.eventTypesOf(member.value())).isEqualTo(before);
    }

    @Test
    void failuresThatAreNotOurRulesKeepCamundasAnswers() {
        Http admin = Http.as(port, "admin", TestData.PASSWORD);
        Reply unknown = admin.get("/engine-rest/task/no-such-task");
        assertThat(unknown.status()).as(unknown.toString()).isEqualTo(404);
        assertThat(unknown.json().get("type").asText()).isEqualTo("InvalidRequestException");

        // the engine's own refusal: an auditor may read the task but not work on it
        Http auditor = Http.signedInToWebapps(port, "auditor", TestData.PASSWORD);
        Reply refused = auditor.webappPost(ENGINE + "/task/" + signOffId + "/submit-form", APPROVED);
        assertThat(refused.status()).as(refused.toString()).isEqualTo(403);
        assertThat(refused.json().get("type").asText()).isEqualTo("AuthorizationException");
        assertUnchanged();
    }

    private static void assertRefusal(Reply reply, int status, String type) {
        assertThat(reply.status()).as(reply.toString()).isEqualTo(status);
        assertThat(reply.header("Content-Type")).startsWith("application/json");
        assertThat(reply.json().get("type").asText()).isEqualTo(type);
        assertThat(reply.body()).doesNotContain("ENGINE-", "Exception", "org.camunda", "org.factorysharing");
    }

    private void assertUnchanged() {
        Task task = tasks.createTaskQuery().taskId(signOffId).singleResult();
        assertThat(task).as("the sign-off stays open").isNotNull();
        assertThat(task.getAssignee()).as("and unclaimed").isNull();
        assertThat(events.eventTypesOf(factoryId))
                .as("a refusal writes nothing")
                .isEqualTo(eventsBefore);
    }

    private String awaitTask(String taskKey) {
        return awaitTask(factoryId, taskKey);
    }

    private String awaitTask(String businessKey, String taskKey) {
        String[] id = new String[1];
        await().atMost(PATIENCE).until(() -> {
            List<Task> open = tasks.createTaskQuery()
                    .active()
                    .processInstanceBusinessKey(businessKey)
                    .taskDefinitionKey(taskKey)
                    .list();
            id[0] = open.size() == 1 ? open.get(0).getId() : null;
            return id[0] != null;
        });
        return id[0];
    }

    private void complete(String user, String taskId, String variables) {
        Reply reply = as(user).post("/api/tasks/" + taskId + "/complete", "{\"variables\":" + variables + "}");
        assertThat(reply.status()).as(reply.toString()).isEqualTo(204);
    }

    private Http as(String user) {
        return Http.as(port, user, TestData.PASSWORD);
    }
}
