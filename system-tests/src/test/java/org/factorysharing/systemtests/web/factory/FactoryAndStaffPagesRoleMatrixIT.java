package org.factorysharing.systemtests.web.factory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.factorysharing.api.factory.MachinePlan;
import org.factorysharing.systemtests.Http;
import org.factorysharing.systemtests.HttpWalk;
import org.factorysharing.systemtests.MemberLogins;
import org.factorysharing.systemtests.ServerTest;
import org.factorysharing.systemtests.StaffLogins;
import org.factorysharing.testing.EventStoreProbe;
import org.factorysharing.testing.TestData;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Who may open the factory and staff pages, and that an action a role may not do changes nothing: a page a role may
 * not see answers 403 (and one it may see 200, so the matrix can fail both ways); an auditor proposes no factory and
 * names no staff; the crew of another factory records no output on this factory's job and puts none of its machines
 * into maintenance.
 */
@ServerTest
class FactoryAndStaffPagesRoleMatrixIT {

    private static final String PRESS = "COCONUT_OIL_PRESS";

    @LocalServerPort
    int port;

    @Autowired
    CommandGateway commands;

    @Autowired
    MemberLogins members;

    @Autowired
    StaffLogins crews;

    @Autowired
    EventStoreProbe eventStore;

    private String factoryId;
    private String crew;
    private String otherCrew;
    private final Map<String, Http> sessions = new java.util.HashMap<>();

    @BeforeEach
    void aFactoryWithItsCrewAndAnotherFactorysCrew() {
        factoryId = TestData.commissionedFactory(
                        commands, "Sulawesi Utara", "Minahasa", "Coconut", new MachinePlan("PRESS-1", PRESS, 8))
                .value();
        String otherFactory = TestData.commissionedFactory(
                        commands, "Sulawesi Utara", "Minahasa", "Coconut", new MachinePlan("PRESS-1", PRESS, 8))
                .value();
        crew = crews.newCrew();
        otherCrew = crews.newCrew();
        assertThat(officerApi()
                        .put("/api/factories/" + factoryId + "/staff/" + crew, null)
                        .status())
                .isEqualTo(204);
        assertThat(officerApi()
                        .put("/api/factories/" + otherFactory + "/staff/" + otherCrew, null)
                        .status())
                .isEqualTo(204);
    }

    @Test
    void eachRoleOpensTheFactoryAndStaffPagesItMayAndGets403OnTheOthers() {
        String machines = "/staff/factories/" + factoryId;
        Map<String, List<String>> allowed = Map.of(
                "/factories",
                List.of("officer", "supervisor", "auditor", "admin"),
                "/factories/new",
                List.of("officer", "supervisor", "admin"),
                "/factories/" + factoryId,
                List.of("officer", "supervisor", "auditor", "admin"),
                "/factories/" + factoryId + "/capacity",
                List.of("officer", "supervisor", "auditor", "admin"),
                "/staff",
                List.of("officer", "staff", crew, otherCrew),
                machines,
                List.of("officer", "admin", crew));
        List<String> everyone = List.of(
                "officer",
                "officer2",
                "supervisor",
                "planner",
                "executive",
                "auditor",
                "staff",
                "member",
                "admin",
                crew,
                otherCrew);
        allowed.forEach((path, users) -> {
            for (String user : everyone) {
                int expected = users.contains(user) || user.equals("officer2") && users.contains("officer") ? 200 : 403;
                assertThat(page(user).get(path).status())
                        .as(user + " GET " + path)
                        .isEqualTo(expected);
            }
        });
        // the officers' task pages: for officers only, whatever the task
        for (String user : List.of("auditor", "supervisor", "staff", "member", "admin")) {
            assertThat(page(user).get("/factories/tasks/any-task").status())
                    .as(user)
                    .isEqualTo(403);
        }
    }

    @Test
    void anAuditorProposesNoFactoryAndNamesNoStaff() {
        long proposals = eventStore.eventCount("FactoryProposed");
        Http auditor = page("auditor");

        assertThat(auditor.pagePost(
                                "/factories",
                                "name=RPB+Auditor&operator=Koperasi&regionId=SULAWESI_UTARA%2FMINAHASA&commodity=COCONUT"
                                        + "&installationDueOn="
                                        + TestData.today().plusDays(30)
                                        + "&machines%5B0%5D.machineId=P-1&machines%5B0%5D.machineType=COCONUT_OIL_PRESS"
                                        + "&machines%5B0%5D.capacityHoursPerDay=8")
                        .status())
                .isEqualTo(403);
        assertThat(auditor.pagePost("/factories/" + factoryId + "/staff", "userId=staff")
                        .status())
                .isEqualTo(403);
        assertThat(auditor.pagePost("/factories/" + factoryId + "/staff/" + crew + "/removal", "")
                        .status())
                .isEqualTo(403);

        assertThat(eventStore.eventCount("FactoryProposed")).isEqualTo(proposals);
        assertThat(officerApi()
                        .get("/api/factories/" + factoryId + "/staff")
                        .json()
                        .findValuesAsText("userId"))
                .containsExactly(crew);
    }

    @Test
    void theCrewOfAnotherFactoryRecordsNoOutputAndMaintainsNoMachineHere() {
        HttpWalk walk = new HttpWalk(port, members);
        HttpWalk.MemberLogin member = walk.qualifiedMember(PRESS);
        String jobId = walk.as(member.login())
                .post("/api/jobs", """
                        {"memberId":"%s","factoryId":"%s","machineType":"%s","product":"Minyak kelapa",
                         "quantity":100,"machineHours":4,"earliestStart":"%s","deadline":"%s"}""".formatted(
                                member.memberId(),
                                factoryId,
                                PRESS,
                                TestData.today(),
                                TestData.today().plusDays(3)))
                .json()
                .get("jobId")
                .asText();
        JsonNode start = walk.awaitTask(walk.as(crew), jobId, "user_start_job");
        assertThat(HttpWalk.complete(walk.as(crew), start, "{}").status()).isEqualTo(204);
        String output = walk.awaitTask(walk.as(crew), jobId, "user_record_output")
                .get("id")
                .asText();

        Http other = page(otherCrew);
        assertThat(other.get("/staff/tasks/" + output).status()).isEqualTo(403);
        assertThat(other.pagePost("/staff/tasks/" + output, "goodUnits=90&rejectedUnits=10")
                        .status())
                .isEqualTo(403);
        assertThat(other.pagePost("/staff/factories/" + factoryId + "/machines/PRESS-1/maintenance", "reason=Sabuk+aus")
                        .status())
                .isEqualTo(403);

        // nothing changed: the output task is still open for this factory's crew, the job still in progress
        assertThat(walk.awaitTask(walk.as(crew), jobId, "user_record_output")
                        .get("id")
                        .asText())
                .isEqualTo(output);
        assertThat(eventStore.eventTypesOf(jobId)).doesNotContain("JobOutputRecorded");
        assertThat(eventStore.eventTypesOf(factoryId)).doesNotContain("MachineMaintenanceStarted");
        await().atMost(HttpWalk.PATIENCE)
                .until(() -> officerApi()
                        .get("/api/jobs/" + jobId)
                        .json()
                        .get("status")
                        .asText()
                        .equals("IN_PROGRESS"));

        // and this factory's crew may: the refusals above were about who, not about the request
        Http own = page(crew);
        assertThat(own.pagePost("/staff/tasks/" + output, "goodUnits=90&rejectedUnits=10")
                        .status())
                .isEqualTo(302);
        assertThat(eventStore.eventTypesOf(jobId)).contains("JobOutputRecorded");
    }

    /** A browser-like session of the user (signed in once per test). */
    private Http page(String user) {
        return sessions.computeIfAbsent(user, u -> Http.signedIn(port, u, TestData.PASSWORD));
    }

    private Http officerApi() {
        return Http.as(port, "officer", TestData.PASSWORD);
    }
}
