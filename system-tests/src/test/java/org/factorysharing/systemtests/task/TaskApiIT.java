package org.factorysharing.systemtests.task;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.factorysharing.systemtests.HttpWalk.PATIENCE;
import static org.factorysharing.systemtests.Problems.assertField;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.factorysharing.api.member.MemberCommands.GrantQualification;
import org.factorysharing.api.member.MemberCommands.VerifyMember;
import org.factorysharing.api.member.MemberId;
import org.factorysharing.api.shared.Groups;
import org.factorysharing.systemtests.Http;
import org.factorysharing.systemtests.Http.Reply;
import org.factorysharing.systemtests.ServerTest;
import org.factorysharing.testing.TestData;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * GET /api/tasks at volume, over HTTP on PostgreSQL: a page with its total, filters (kind, process, factory, business
 * key, overdue, assignment) and sorting, counted and paged by the engine; bad parameters answer 400 naming them.
 */
@ServerTest
class TaskApiIT {

    @LocalServerPort
    int port;

    @Autowired
    CommandGateway commands;

    @Autowired
    TaskService tasks;

    @Autowired
    TransactionTemplate transactions;

    @Test
    void anOfficerFindsAFactorysInspectionBehindHundredsOfOlderTasks() {
        // 600 older officers' tasks: the old list showed the oldest 500 and nothing after them
        List<String> backlog = officersBacklog(600);
        try {
            String factoryId = proposedFactory();
            for (JsonNode install : awaitTasks(as("staff"), factoryId, "user_install_machine", 3)) {
                complete("staff", install.get("id").asText(), "{}");
            }
            String inspection = awaitTasks(as("officer"), factoryId, "user_inspect_factory", 1)
                    .get(0)
                    .get("id")
                    .asText();

            JsonNode found = as("officer")
                    .get("/api/tasks?factoryId=" + factoryId + "&taskKey=user_inspect_factory")
                    .json();
            assertThat(found.get("totalItems").asLong()).isOne();
            assertThat(found.get("items").get(0).get("id").asText()).isEqualTo(inspection);
            assertThat(found.get("items").get(0).get("processKey").asText()).isEqualTo("factory_commissioning");

            JsonNode everything = as("officer").get("/api/tasks").json();
            long total = everything.get("totalItems").asLong();
            assertThat(total).isGreaterThan(600);
            assertThat(everything.get("items")).hasSize(20);
            assertThat(everything.get("size").asInt()).isEqualTo(20);
            assertThat(everything.get("totalPages").asLong()).isEqualTo((total + 19) / 20);
            JsonNode last = as("officer")
                    .get("/api/tasks?size=200&page=" + (total - 1) / 200)
                    .json();
            assertThat(last.get("items")).hasSize((int) ((total - 1) % 200 + 1));
        } finally {
            tasks.deleteTasks(backlog, true);
        }
    }

    @Test
    void pagesCarryTheTotalAndNeverOverlap() {
        String factoryId = proposedFactory();
        awaitTasks(as("staff"), factoryId, "user_install_machine", 3);
        String path = "/api/tasks?factoryId=" + factoryId + "&size=2&page=";

        JsonNode first = as("staff").get(path + 0).json();
        JsonNode second = as("staff").get(path + 1).json();
        JsonNode beyond = as("staff").get(path + 7).json();

        assertThat(first.get("totalItems").asLong()).isEqualTo(3);
        assertThat(first.get("totalPages").asInt()).isEqualTo(2);
        assertThat(first.get("page").asInt()).isZero();
        assertThat(first.get("items")).hasSize(2);
        assertThat(second.get("page").asInt()).isOne();
        assertThat(second.get("items")).hasSize(1);
        Set<String> ids = new HashSet<>(first.get("items").findValuesAsText("id"));
        ids.addAll(second.get("items").findValuesAsText("id"));
        assertThat(ids).hasSize(3);
        assertThat(beyond.get("items")).isEmpty();
        assertThat(beyond.get("totalItems").asLong()).isEqualTo(3);
        assertThat(as("officer2")
                        .get("/api/tasks?factoryId=" + factoryId)
                        .json()
                        .get("totalItems")
                        .asLong())
                .as("officers are no candidates of installations before they are overdue")
                .isZero();
    }

    @Test
    void theFactoryFilterFindsItsCommissioningAndItsProductionJobs() {
        String proposed = proposedFactory();
        awaitTasks(as("staff"), proposed, "user_install_machine", 3);
        String factoryId = TestData.commissionedFactory(commands).value();
        addStaff(factoryId);
        String jobId = scheduledJob(factoryId);
        String start = awaitTasks(as("staff"), jobId, "user_start_job", 1)
                .get(0)
                .get("id")
                .asText();

        JsonNode commissioning =
                as("staff").get("/api/tasks?factoryId=" + proposed).json().get("items");
        JsonNode jobs = as("staff")
                .get("/api/tasks?processKey=production_job&factoryId=" + factoryId)
                .json()
                .get("items");

        assertThat(commissioning.findValuesAsText("processKey"))
                .containsExactly("factory_commissioning", "factory_commissioning", "factory_commissioning");
        assertThat(commissioning.findValuesAsText("businessKey")).containsOnly(proposed);
        assertThat(jobs.findValuesAsText("id")).containsExactly(start);
        assertThat(jobs.get(0).get("businessKey").asText()).isEqualTo(jobId);
        assertThat(as("staff")
                        .get("/api/tasks?factoryId=" + proposed + "&processKey=production_job")
                        .json()
                        .get("totalItems")
                        .asLong())
                .isZero();
    }

    @Test
    void filtersByOverdueAndAssignmentAndSortsByDueDateAndPriority() {
        String factoryId = proposedFactory();
        List<String> ids = awaitTasks(as("staff"), factoryId, "user_install_machine", 3).stream()
                .map(task -> task.get("id").asText())
                .sorted()
                .toList();
        String overdue = ids.get(0);
        String urgent = ids.get(1);
        String claimed = ids.get(2);
        Instant now = Instant.now();
        change(overdue, task -> task.setDueDate(Date.from(now.minus(1, ChronoUnit.DAYS))));
        change(urgent, task -> {
            task.setDueDate(Date.from(now.plus(5, ChronoUnit.DAYS)));
            task.setPriority(80);
        });
        // the third keeps the process's due date (installation due + 1 day) and priority 50
        assertThat(as("staff").post("/api/tasks/" + claimed + "/claim", null).status())
                .isEqualTo(204);
        String mine = "/api/tasks?factoryId=" + factoryId;

        assertThat(idsOf(mine + "&overdue=true")).containsExactly(overdue);
        assertThat(idsOf(mine + "&overdue=false")).containsExactlyInAnyOrder(urgent, claimed);
        assertThat(idsOf(mine + "&assignment=MINE")).containsExactly(claimed);
        assertThat(idsOf(mine + "&assignment=UNASSIGNED")).containsExactlyInAnyOrder(overdue, urgent);
        assertThat(idsOf(mine + "&assignment=ANY")).containsExactlyInAnyOrder(overdue, urgent, claimed);
        assertThat(idsOf(mine + "&taskKey=user_install_machine&businessKey=" + factoryId))
                .hasSize(3);
        assertThat(idsOf(mine + "&taskKey=user_inspect_factory")).isEmpty();
        assertThat(idsOf("/api/tasks?assignment=UNASSIGNED&businessKey=" + factoryId))
                .containsExactlyInAnyOrder(overdue, urgent);

        // most urgent first: priority, then the earliest due
        assertThat(idsOf(mine)).containsExactly(urgent, overdue, claimed);
        assertThat(idsOf(mine + "&sort=DUE")).containsExactly(overdue, urgent, claimed);
        assertThat(idsOf(mine + "&sort=DUE&direction=DESC")).containsExactly(claimed, urgent, overdue);
        assertThat(idsOf(mine + "&sort=PRIORITY")).containsExactly(urgent, overdue, claimed);
        assertThat(idsOf(mine + "&sort=PRIORITY&direction=ASC")).containsExactly(overdue, claimed, urgent);
        List<Instant> created =
                as("staff").get(mine + "&sort=CREATED").json().get("items").findValuesAsText("created").stream()
                        .map(Instant::parse)
                        .toList();
        assertThat(created).hasSize(3).isSorted();
    }

    @Test
    void badParametersAre400NamingThem() {
        Http officer = as("officer");
        assertField(officer.get("/api/tasks?size=0"), "size");
        assertField(officer.get("/api/tasks?size=201"), "size");
        assertField(officer.get("/api/tasks?page=-1"), "page");
        assertField(officer.get("/api/tasks?page=x"), "page");
        assertField(officer.get("/api/tasks?sort=SOON"), "sort");
        assertField(officer.get("/api/tasks?assignment=EVERYONE"), "assignment");
        assertField(officer.get("/api/tasks?direction=UP"), "direction");
        assertField(officer.get("/api/tasks?overdue=perhaps"), "overdue");
        assertField(officer.get("/api/tasks?factoryId=a%00b"), "factoryId");
        assertField(officer.get("/api/tasks?businessKey=" + "k".repeat(101)), "businessKey");
        Reply valid = officer.get("/api/tasks?size=200&page=0&sort=DUE&direction=DESC&assignment=MINE&overdue=false");
        assertThat(valid.status()).as(valid.toString()).isEqualTo(200);
    }

    // --- steps

    /** Standalone officers' tasks, made by the engine; deleted again by the test. */
    private List<String> officersBacklog(int count) {
        List<String> ids = new ArrayList<>();
        transactions.executeWithoutResult(status -> {
            for (int i = 0; i < count; i++) {
                Task task = tasks.newTask();
                task.setName("Verify documents (backlog " + i + ")");
                tasks.saveTask(task);
                tasks.addCandidateGroup(task.getId(), Groups.OFFICERS);
                ids.add(task.getId());
            }
        });
        return ids;
    }

    private void change(String taskId, java.util.function.Consumer<Task> change) {
        Task task = tasks.createTaskQuery().taskId(taskId).singleResult();
        change.accept(task);
        tasks.saveTask(task);
    }

    private List<String> idsOf(String path) {
        Reply reply = as("staff").get(path);
        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        return reply.json().get("items").findValuesAsText("id");
    }

    /** A factory proposed over HTTP with three planned machines and "staff" on its staff. */
    private String proposedFactory() {
        Reply proposed = as("officer").post("/api/factories", TestData.proposeFactoryJson("Rumah Produksi Tugas"));
        assertThat(proposed.status()).as(proposed.toString()).isEqualTo(201);
        String factoryId = proposed.json().get("factoryId").asText();
        addStaff(factoryId);
        return factoryId;
    }

    private void addStaff(String factoryId) {
        await().atMost(PATIENCE)
                .until(() -> as("officer")
                                .put("/api/factories/" + factoryId + "/staff/staff", null)
                                .status()
                        == 204);
    }

    private String scheduledJob(String factoryId) {
        MemberId member = MemberId.newId();
        commands.sendAndWait(TestData.registerMember(member, TestData.nib()));
        commands.sendAndWait(new VerifyMember(member, "officer"));
        commands.sendAndWait(new GrantQualification(
                member, "COCONUT_OIL_PRESS", TestData.today().plusYears(1), "officer"));
        Reply requested = as("officer").post("/api/jobs", """
                {"memberId":"%s","factoryId":"%s","machineType":"COCONUT_OIL_PRESS","product":"Copra",
                 "quantity":10,"machineHours":1,"earliestStart":"%s","deadline":"%s"}""".formatted(
                member.value(), factoryId, TestData.today(), TestData.today().plusDays(20)));
        assertThat(requested.status()).as(requested.toString()).isEqualTo(202);
        return requested.json().get("jobId").asText();
    }

    private List<JsonNode> awaitTasks(Http user, String businessKey, String taskKey, int count) {
        List<JsonNode> found = new ArrayList<>();
        await().atMost(PATIENCE).until(() -> {
            found.clear();
            user.get("/api/tasks?size=200&businessKey=" + businessKey + "&taskKey=" + taskKey)
                    .json()
                    .get("items")
                    .forEach(found::add);
            return found.size() == count;
        });
        return found;
    }

    private void complete(String user, String taskId, String variables) {
        Reply reply = as(user).post("/api/tasks/" + taskId + "/complete", "{\"variables\":" + variables + "}");
        assertThat(reply.status()).as(reply.toString()).isEqualTo(204);
    }

    private Http as(String user) {
        return Http.as(port, user, TestData.PASSWORD);
    }
}
