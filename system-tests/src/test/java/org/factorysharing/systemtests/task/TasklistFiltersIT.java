package org.factorysharing.systemtests.task;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.factorysharing.systemtests.HttpWalk.PATIENCE;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.task.Task;
import org.factorysharing.api.shared.Groups;
import org.factorysharing.systemtests.Http;
import org.factorysharing.systemtests.Http.Reply;
import org.factorysharing.systemtests.ServerTest;
import org.factorysharing.testing.TestData;
import org.factorysharing.workflows.shared.TasklistFilters;
import org.factorysharing.workflows.shared.TasklistFilters.GroupFilter;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Tasklist's filters over the webapps' REST API (what Tasklist itself calls), signed in as each kind of user: every
 * group sees its own filter alone, and it lists only the tasks that group can act on. Before, one filter "My group
 * tasks" listed every task a user may read: an officer saw every factory's staff tasks.
 */
@ServerTest
class TasklistFiltersIT {

    private static final String ENGINE = "/camunda/api/engine/engine/default";

    @LocalServerPort
    int port;

    @Autowired
    TaskService tasks;

    @Autowired
    IdentityService identity;

    @Autowired
    TasklistFilters tasklistFilters;

    @Test
    void anOfficerSeesTheOfficersFilterAndInItOnlyWhatOfficersActOn() {
        String factoryId = proposedFactory(newUser("crew"));
        awaitTasks(factoryId, 3);
        String memberId = as("officer")
                .post("/api/members", TestData.registerMemberJson(TestData.nib()))
                .json()
                .get("memberId")
                .asText();
        String verification = awaitTasks(memberId, 1).get(0);
        GroupFilter officers = programmeFilter(Groups.OFFICERS);
        Http officer = Http.signedInToWebapps(port, "officer", TestData.PASSWORD);

        JsonNode visible = officer.get(ENGINE + "/filter?resourceType=Task").json();

        assertThat(visible.findValuesAsText("name")).containsExactly(officers.name());
        String filterId = visible.get(0).get("id").asText();
        assertThat(ids(list(officer, filterId, "{\"processInstanceBusinessKey\":\"" + factoryId + "\"}")))
                .as("the factory staff's installations are not the officers'")
                .isEmpty();
        assertThat(ids(list(officer, filterId, "{\"processInstanceBusinessKey\":\"" + memberId + "\"}")))
                .containsExactly(verification);
        List<JsonNode> all = list(officer, filterId, "{}");
        assertThat(all).isNotEmpty();
        assertThat(all)
                .extracting(task -> task.get("taskDefinitionKey").asText())
                .allSatisfy(kind -> assertThat(officers.taskKeys()).contains(kind));
        assertThat(officer.get(ENGINE + "/filter/" + filterId + "/count")
                        .json()
                        .get("count")
                        .asLong())
                .isGreaterThanOrEqualTo(all.size());
    }

    @Test
    void aFactorysStaffSeeTheirFactorysFilterAlone() {
        String crew = newUser("crew");
        String otherCrew = newUser("crew");
        String factoryId = proposedFactory(crew);
        String otherFactoryId = proposedFactory(otherCrew);
        List<String> installs = awaitTasks(factoryId, 3);
        awaitTasks(otherFactoryId, 3);
        String otherFilter =
                tasklistFilters.filterOf(Groups.staffOf(otherFactoryId)).getId();
        Http staff = Http.signedInToWebapps(port, crew, TestData.PASSWORD);

        JsonNode visible = staff.get(ENGINE + "/filter?resourceType=Task").json();

        assertThat(visible.findValuesAsText("name"))
                .containsExactly("Factory staff · Staf pabrik: " + factoryName(crew));
        String filterId = visible.get(0).get("id").asText();
        assertThat(ids(list(staff, filterId, "{}"))).containsExactlyInAnyOrderElementsOf(installs);
        assertThat(staff.get(ENGINE + "/filter/" + filterId + "/count")
                        .json()
                        .get("count")
                        .asLong())
                .isEqualTo(3);
        Reply foreign = staff.get(ENGINE + "/filter/" + otherFilter + "/count");
        assertThat(foreign.status()).as(foreign.toString()).isEqualTo(403);
        Http officer = Http.signedInToWebapps(port, "officer", TestData.PASSWORD);
        assertThat(officer.get(ENGINE + "/filter/" + filterId).status()).isEqualTo(403);
    }

    @Test
    void plannersExecutivesAndSupervisorsSeeTheirOwnFilterAndAuditorsNone() {
        Map<String, String> groups =
                Map.of("planner", Groups.PLANNERS, "executive", Groups.EXECUTIVES, "supervisor", Groups.SUPERVISORS);
        for (String user : groups.keySet()) {
            String group = groups.get(user);
            Http signedIn = Http.signedInToWebapps(port, user, TestData.PASSWORD);
            JsonNode visible =
                    signedIn.get(ENGINE + "/filter?resourceType=Task").json();
            assertThat(visible.findValuesAsText("name"))
                    .as(user)
                    .containsExactly(programmeFilter(group).name());
            List<JsonNode> listed = list(signedIn, visible.get(0).get("id").asText(), "{}");
            assertThat(listed)
                    .extracting(task -> task.get("taskDefinitionKey").asText())
                    .allSatisfy(kind ->
                            assertThat(programmeFilter(group).taskKeys()).contains(kind));
        }
        Http auditor = Http.signedInToWebapps(port, "auditor", TestData.PASSWORD);
        assertThat(auditor.get(ENGINE + "/filter?resourceType=Task").json()).isEmpty();
    }

    private static GroupFilter programmeFilter(String group) {
        return TasklistFilters.PROGRAMME_FILTERS.stream()
                .filter(filter -> filter.group().equals(group))
                .findFirst()
                .orElseThrow();
    }

    /** The tasks of a filter as Tasklist asks for them, narrowed by an extending query. */
    private static List<JsonNode> list(Http user, String filterId, String query) {
        Reply reply = user.webappPost(ENGINE + "/filter/" + filterId + "/list?firstResult=0&maxResults=2000", query);
        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        JsonNode json = reply.json();
        JsonNode items = json.isArray() ? json : json.at("/_embedded/task");
        List<JsonNode> result = new ArrayList<>();
        items.forEach(result::add);
        return result;
    }

    private static List<String> ids(List<JsonNode> tasks) {
        return tasks.stream().map(task -> task.get("id").asText()).toList();
    }

    /** A factory proposed over HTTP (three planned machines) with the user on its staff, named after the user. */
    private String proposedFactory(String staff) {
        Reply proposed = as("officer").post("/api/factories", TestData.proposeFactoryJson(factoryName(staff)));
        assertThat(proposed.status()).as(proposed.toString()).isEqualTo(201);
        String factoryId = proposed.json().get("factoryId").asText();
        await().atMost(PATIENCE)
                .until(() -> as("officer")
                                .put("/api/factories/" + factoryId + "/staff/" + staff, null)
                                .status()
                        == 204);
        return factoryId;
    }

    private static String factoryName(String staff) {
        return "Rumah Produksi " + staff;
    }

    private List<String> awaitTasks(String businessKey, int count) {
        List<String> found = new ArrayList<>();
        await().atMost(PATIENCE).until(() -> {
            found.clear();
            tasks.createTaskQuery().active().processInstanceBusinessKey(businessKey).list().stream()
                    .map(Task::getId)
                    .forEach(found::add);
            return found.size() == count;
        });
        return found;
    }

    /** A login in no group yet, password TestData.PASSWORD. */
    private String newUser(String prefix) {
        String userId = prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
        User user = identity.newUser(userId);
        user.setPassword(TestData.PASSWORD);
        identity.saveUser(user);
        return userId;
    }

    private Http as(String user) {
        return Http.as(port, user, TestData.PASSWORD);
    }
}
