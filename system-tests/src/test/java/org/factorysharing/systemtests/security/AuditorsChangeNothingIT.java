package org.factorysharing.systemtests.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.factorysharing.systemtests.Http;
import org.factorysharing.systemtests.Http.Reply;
import org.factorysharing.systemtests.HttpWalk;
import org.factorysharing.systemtests.MemberLogins;
import org.factorysharing.systemtests.ServerTest;
import org.factorysharing.testing.EventStoreProbe;
import org.factorysharing.testing.TestData;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;

/**
 * Auditors read everything and change nothing, whichever door they use: signed in to the Camunda webapps
 * (Cockpit, Tasklist and their REST API) and through engine REST, every write is refused, the task stays open
 * and unclaimed, the process keeps running with its variables unchanged and no event is written.
 */
@ServerTest
class AuditorsChangeNothingIT {

    private static final String ENGINE = "/camunda/api/engine/engine/default";

    @Value("${local.server.port}")
    int port;

    @Autowired
    MemberLogins logins;

    @Autowired
    TaskService tasks;

    @Autowired
    RuntimeService runtime;

    @Autowired
    EventStoreProbe events;

    @Test
    void anAuditorSignedInToTheWebappsReadsButEveryWriteIsRefused() {
        HttpWalk walk = new HttpWalk(port, logins);
        String memberId = walk.as("officer")
                .post("/api/members", TestData.registerMemberJson(TestData.nib()))
                .json()
                .get("memberId")
                .asText();
        JsonNode verify = walk.awaitTask(walk.as("officer"), memberId, "user_verify_documents");
        String taskId = verify.get("id").asText();
        String processId = verify.get("processInstanceId").asText();
        List<String> before = events.eventTypesOf(memberId);

        Http auditor = Http.signedInToWebapps(port, "auditor", TestData.PASSWORD);
        assertThat(auditor.get("/camunda/app/cockpit/default/").status()).isEqualTo(200);
        assertThat(auditor.get(ENGINE + "/task/" + taskId).status())
                .as("reads the task")
                .isEqualTo(200);
        assertThat(auditor.get(ENGINE + "/process-instance/" + processId).status())
                .isEqualTo(200);

        List<Reply> writes = List.of(
                auditor.webappPost(
                        ENGINE + "/task/" + taskId + "/submit-form",
                        "{\"variables\":{\"approved\":{\"value\":true,\"type\":\"Boolean\"}}}"),
                auditor.webappPost(ENGINE + "/task/" + taskId + "/complete", "{}"),
                auditor.webappPost(ENGINE + "/task/" + taskId + "/claim", "{\"userId\":\"auditor\"}"),
                auditor.webappPost(ENGINE + "/task/" + taskId + "/assignee", "{\"userId\":\"auditor\"}"),
                auditor.webappPost(ENGINE + "/process-definition/key/member_onboarding/start", "{}"),
                auditor.webappPost(
                        ENGINE + "/process-instance/" + processId + "/variables",
                        "{\"modifications\":{\"approved\":{\"value\":true,\"type\":\"Boolean\"}}}"),
                auditor.webappDelete(ENGINE + "/process-instance/" + processId));
        for (Reply write : writes) {
            assertThat(write.status()).as(write.toString()).isIn(401, 403);
        }
        Http engineRest = Http.as(port, "auditor", TestData.PASSWORD);
        assertThat(engineRest
                        .post("/engine-rest/task/" + taskId + "/complete", "{}")
                        .status())
                .isEqualTo(403);
        assertThat(engineRest
                        .delete("/engine-rest/process-instance/" + processId)
                        .status())
                .isEqualTo(403);

        Task task = tasks.createTaskQuery().taskId(taskId).singleResult();
        assertThat(task).as("the task is still open").isNotNull();
        assertThat(task.getAssignee()).as("and nobody claimed it").isNull();
        assertThat(runtime.createProcessInstanceQuery()
                        .processInstanceId(processId)
                        .count())
                .isEqualTo(1);
        assertThat(runtime.getVariable(processId, "approved")).isNull();
        assertThat(events.eventTypesOf(memberId)).isEqualTo(before);
    }
}
