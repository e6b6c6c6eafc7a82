package org.factorysharing.systemtests.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.factorysharing.systemtests.HttpWalk.complete;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.StreamSupport;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.factorysharing.systemtests.Http;
import org.factorysharing.systemtests.Http.Reply;
import org.factorysharing.systemtests.HttpWalk;
import org.factorysharing.systemtests.MemberLogins;
import org.factorysharing.systemtests.ServerTest;
import org.factorysharing.testing.TestData;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;

/**
 * The walk, through the HTTP API only, on PostgreSQL: propose a factory, install two machines through
 * staff tasks, inspect, sign off by a second officer, a verified and qualified member books a job, staff start
 * it, record output, the inspection passes, and the job board and utilisation show it. Then twenty-four members
 * book more time than the factory has at once.
 */
@ServerTest
class ProductionWalkthroughIT {

    private static final Duration PATIENCE = HttpWalk.PATIENCE;
    private static final String PRESS = "COCONUT_OIL_PRESS";

    @Value("${local.server.port}")
    int port;

    @Autowired
    CommandGateway commands;

    @Autowired
    IdentityService identity;

    @Autowired
    MemberLogins logins;

    /** The login of the member made by qualifiedMember. */
    private String memberLogin;

    @Test
    void fromProposalToACompletedJobOnTheBoard() {
        LocalDate today = TestData.today();
        String factoryId = officer()
                .post("/api/factories", """
                {"name":"Rumah Produksi Kelapa Minahasa","province":"Sulawesi Utara","regency":"Minahasa",
                 "commodity":"Coconut","operator":"Koperasi Nyiur Melambai",
                 "plannedMachines":[
                   {"machineId":"PRESS-1","machineType":"COCONUT_OIL_PRESS","capacityHoursPerDay":8},
                   {"machineId":"PRESS-2","machineType":"COCONUT_OIL_PRESS","capacityHoursPerDay":8}],
                 "installationDueOn":"%s"}""".formatted(today.plusDays(30)))
                .json()
                .get("factoryId")
                .asText();
        assertThat(officer()
                        .put("/api/factories/" + factoryId + "/staff/staff", null)
                        .status())
                .isEqualTo(204);

        // two "Install machine" tasks, one per planned machine, for this factory's staff
        List<JsonNode> installs = awaitTasks(as("staff"), factoryId, "user_install_machine", 2);
        assertThat(installs)
                .allSatisfy(task ->
                        assertThat(task.get("candidateGroups").toString()).contains("factory-" + factoryId + "-staff"));
        for (JsonNode install : installs) {
            assertThat(complete(as("staff"), install, "{}").status()).isEqualTo(204);
        }

        JsonNode inspection =
                awaitTasks(officer(), factoryId, "user_inspect_factory", 1).get(0);
        assertThat(complete(officer(), inspection, "{\"passed\":true}").status())
                .isEqualTo(204);

        JsonNode signOff = awaitTasks(officer(), factoryId, "user_commissioning_signoff", 1)
                .get(0);
        Reply sameOfficer = complete(officer(), signOff, "{\"approved\":true}");
        assertThat(sameOfficer.status())
                .as("four-eyes: the inspector may not sign off")
                .isEqualTo(403);
        assertThat(complete(as("officer2"), signOff, "{\"approved\":true}").status())
                .isEqualTo(204);
        await().atMost(PATIENCE).untilAsserted(() -> {
            JsonNode factory = officer().get("/api/factories/" + factoryId).json();
            assertThat(factory.get("status").asText()).isEqualTo("COMMISSIONED");
            assertThat(factory.get("commissionedBy").asText()).isEqualTo("officer2");
            assertThat(factory.get("machines").findValuesAsText("status")).containsOnly("OPERATIONAL");
        });

        String memberId = qualifiedMember();
        Reply requested = as(memberLogin).post("/api/jobs", jobJson(memberId, factoryId, 12, today, today.plusDays(5)));
        assertThat(requested.status()).as(requested.toString()).isEqualTo(202);
        String jobId = requested.json().get("jobId").asText();
        assertThat(requested.header("Location")).isEqualTo("/api/jobs/" + jobId);
        await().atMost(PATIENCE).until(() -> "SCHEDULED".equals(jobStatus(jobId)));

        JsonNode start = awaitTasks(as("staff"), jobId, "user_start_job", 1).get(0);
        // the staff of another factory neither see nor complete this factory's tasks
        Http otherCrew = staffOfAnotherFactory();
        assertThat(otherCrew
                        .get("/api/tasks?businessKey=" + jobId)
                        .json()
                        .get("totalItems")
                        .asLong())
                .isZero();
        assertThat(complete(otherCrew, start, "{}").status()).isEqualTo(403);
        assertThat(jobStatus(jobId)).isEqualTo("SCHEDULED");
        assertThat(complete(as("staff"), start, "{}").status()).isEqualTo(204);
        JsonNode output =
                awaitTasks(as("staff"), jobId, "user_record_output", 1).get(0);
        assertThat(complete(as("staff"), output, "{\"goodUnits\":480,\"rejectedUnits\":20}")
                        .status())
                .isEqualTo(204);
        JsonNode quality =
                awaitTasks(as("staff"), jobId, "user_quality_inspection", 1).get(0);
        assertThat(complete(as("staff"), quality, "{\"passed\":true}").status()).isEqualTo(204);

        await().atMost(PATIENCE).untilAsserted(() -> {
            JsonNode job = officer().get("/api/jobs/" + jobId).json();
            assertThat(job.get("status").asText()).isEqualTo("COMPLETED");
            assertThat(job.get("goodUnits").asInt()).isEqualTo(480);
            assertThat(job.get("rejectedUnits").asInt()).isEqualTo(20);
            JsonNode board = officer()
                    .get("/api/jobs?factoryId=" + factoryId + "&status=COMPLETED")
                    .json();
            assertThat(board.get("items").findValuesAsText("jobId")).containsExactly(jobId);
        });
        // 12 h fitted on today's two presses (8 + 4); the job ran today, so those hours stay booked
        JsonNode utilisation = officer()
                .get("/api/factories/" + factoryId + "/utilisation?from=" + today + "&to=" + today)
                .json();
        assertThat(utilisation.get("bookedHours").asLong()).isEqualTo(12);
        assertThat(utilisation.get("availableHours").asLong()).isEqualTo(16);
        assertThat(utilisation.get("utilisation").asDouble()).isEqualTo(0.75);
    }

    @Test
    void twentyFourSimultaneousRequestsBookExactlyWhatFitsAndTheRestAreRejectedWithAReason() throws Exception {
        LocalDate today = TestData.today();
        String factoryId = TestData.commissionedFactory(commands).value();
        String memberId = qualifiedMember();
        // one press of 8 h a day over 3 days = 24 h; 24 requests of 2 h want 48 h: exactly 12 fit
        int requests = 24;
        ExecutorService clients = Executors.newFixedThreadPool(requests);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Reply>> answers = new ArrayList<>();
        for (int i = 0; i < requests; i++) {
            answers.add(clients.submit(() -> {
                go.await();
                return as(memberLogin).post("/api/jobs", jobJson(memberId, factoryId, 2, today, today.plusDays(2)));
            }));
        }
        go.countDown();
        List<String> jobIds = new ArrayList<>();
        for (Future<Reply> answer : answers) {
            Reply reply = answer.get();
            assertThat(reply.status()).as(reply.toString()).isEqualTo(202);
            jobIds.add(reply.json().get("jobId").asText());
        }
        clients.shutdown();

        await().atMost(PATIENCE)
                .until(() -> jobIds.stream()
                        .map(this::jobStatus)
                        .allMatch(status -> "SCHEDULED".equals(status) || "REJECTED".equals(status)));
        List<JsonNode> jobs = jobIds.stream()
                .map(id -> officer().get("/api/jobs/" + id).json())
                .toList();
        List<JsonNode> scheduled = jobs.stream()
                .filter(j -> j.get("status").asText().equals("SCHEDULED"))
                .toList();
        List<JsonNode> rejected = jobs.stream()
                .filter(j -> j.get("status").asText().equals("REJECTED"))
                .toList();
        assertThat(scheduled).hasSize(12);
        assertThat(rejected).hasSize(12).allSatisfy(job -> {
            assertThat(job.get("rejection").asText()).isEqualTo("NO_CAPACITY");
            assertThat(job.get("reason").asText()).contains("not enough free");
        });
        // the member sees the reason on its own job too
        assertThat(as(memberLogin)
                        .get("/api/jobs/" + rejected.get(0).get("jobId").asText())
                        .json()
                        .get("rejection")
                        .asText())
                .isEqualTo("NO_CAPACITY");
        await().atMost(PATIENCE).untilAsserted(() -> {
            JsonNode calendar = officer()
                    .get("/api/factories/" + factoryId + "/calendar?from=" + today + "&to=" + today.plusDays(2))
                    .json();
            List<JsonNode> days = StreamSupport.stream(
                            calendar.get("machines").get(0).get("days").spliterator(), false)
                    .toList();
            assertThat(days).hasSize(3).allSatisfy(day -> {
                assertThat(day.get("bookedHours").asInt()).isEqualTo(8);
                assertThat(day.get("freeHours").asInt()).isZero();
            });
        });
    }

    /** A new user, made staff of another commissioned factory through the API. */
    private Http staffOfAnotherFactory() {
        String crew = "crew-" + UUID.randomUUID().toString().substring(0, 8);
        User user = identity.newUser(crew);
        user.setPassword(TestData.PASSWORD);
        identity.saveUser(user);
        String otherFactory = TestData.commissionedFactory(commands).value();
        assertThat(officer()
                        .put("/api/factories/" + otherFactory + "/staff/" + crew, null)
                        .status())
                .isEqualTo(204);
        return as(crew);
    }

    private static String jobJson(String memberId, String factoryId, int hours, LocalDate from, LocalDate to) {
        return """
                {"memberId":"%s","factoryId":"%s","machineType":"%s","product":"Virgin coconut oil",
                 "quantity":500,"machineHours":%d,"earliestStart":"%s","deadline":"%s"}""".formatted(memberId, factoryId, PRESS, hours, from, to);
    }

    private String jobStatus(String jobId) {
        Reply reply = officer().get("/api/jobs/" + jobId);
        return reply.status() == 200 ? reply.json().get("status").asText() : "UNKNOWN";
    }

    private Http officer() {
        return as("officer");
    }

    private Http as(String user) {
        return walk().as(user);
    }

    private List<JsonNode> awaitTasks(Http user, String businessKey, String taskKey, int count) {
        return walk().awaitTasks(user, businessKey, taskKey, count);
    }

    /** A verified member qualified for the press; remembers its login. */
    private String qualifiedMember() {
        HttpWalk.MemberLogin member = walk().qualifiedMember(PRESS);
        memberLogin = member.login();
        return member.memberId();
    }

    private HttpWalk walk() {
        return new HttpWalk(port, logins);
    }
}
