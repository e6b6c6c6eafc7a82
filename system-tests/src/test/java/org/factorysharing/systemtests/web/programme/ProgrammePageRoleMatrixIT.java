package org.factorysharing.systemtests.web.programme;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.factorysharing.systemtests.Http;
import org.factorysharing.systemtests.Http.Reply;
import org.factorysharing.systemtests.MemberLogins;
import org.factorysharing.systemtests.ServerTest;
import org.factorysharing.systemtests.programme.Waves;
import org.factorysharing.testing.EventStoreProbe;
import org.factorysharing.testing.TestData;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The programme and regions pages, role by role: each page answers 403 to every demo user whose group may not open
 * it (and 200 to the others), and an action a role may not do is refused and writes nothing: a member or a planner
 * planning a wave, the proposer deciding a stage of their own proposal, the requester deciding their own early
 * evaluation, an officer deciding an early evaluation, factory staff changing a region's potential.
 */
@ServerTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ProgrammePageRoleMatrixIT {

    private static final List<String> USERS =
            List.of("officer", "supervisor", "planner", "executive", "auditor", "staff", "member", "admin");
    private static final Set<String> READERS =
            Set.of("officer", "supervisor", "planner", "executive", "auditor", "admin");
    private static final Set<String> STAFF = Set.of("officer", "supervisor", "admin");
    /** Who sees a task offered to officers: officers work on it; supervisors, auditors and admins read every task. */
    private static final Set<String> OFFICERS_TASK_READERS = Set.of("officer", "supervisor", "auditor", "admin");

    private static final Set<String> REGION_READERS = Set.of("officer", "supervisor", "auditor", "admin", "staff");
    private static final String MINAHASA = "/regions/SULAWESI_UTARA/MINAHASA";

    @LocalServerPort
    int port;

    @Autowired
    CommandGateway commands;

    @Autowired
    MemberLogins logins;

    @Autowired
    EventStoreProbe events;

    private Pilots pilots;
    /** Evaluated: waits for an officer's proposal. */
    private String evaluated;
    /** Proposed by the officer: the regional review is open. */
    private String proposed;
    /** Running, with an early evaluation asked for by the supervisor. */
    private String requested;

    private String proposeTask;
    private String regionalTask;

    @BeforeAll
    void wavesAtEachStep() {
        pilots = new Pilots(port, commands, logins);
        evaluated = evaluatedWave("Matriks dievaluasi");
        proposeTask = taskOf(evaluated, "user_propose_outcome");
        proposed = evaluatedWave("Matriks diusulkan");
        Reply proposal = pilots.as("officer")
                .post(
                        "/api/programme/waves/" + proposed + "/proposal",
                        "{\"outcome\":\"EXTEND_PILOT\",\"extensionMonths\":3}");
        assertThat(proposal.status()).as(proposal.toString()).isEqualTo(204);
        regionalTask = taskOf(proposed, "user_regional_review");
        requested = runningWave("Matriks diminta");
        Reply asked = pilots.as("supervisor")
                .post("/api/programme/waves/" + requested + "/early-evaluations", "{\"reason\":\"budget review\"}");
        assertThat(asked.status()).as(asked.toString()).isEqualTo(204);
        Waves.awaitWave(
                pilots.as("supervisor"),
                requested,
                wave -> wave.get("earlyEvaluations").size() == 1);
    }

    /** One page and who may open it. */
    record Page(String path, Set<String> allowed) {
        @Override
        public String toString() {
            return path;
        }
    }

    List<Page> pages() {
        String wave = "/programme/waves/" + evaluated;
        return List.of(
                new Page("/programme", READERS),
                new Page(wave, READERS),
                new Page(wave + "/kpis", READERS),
                new Page("/programme/waves/new", STAFF),
                new Page(wave + "/enrolment", STAFF),
                new Page("/programme/tasks/" + proposeTask, OFFICERS_TASK_READERS),
                new Page("/programme/tasks/" + regionalTask, OFFICERS_TASK_READERS),
                new Page("/regions", REGION_READERS),
                new Page(MINAHASA, REGION_READERS));
    }

    Stream<Arguments> cells() {
        List<Arguments> cells = new ArrayList<>();
        for (Page page : pages()) {
            for (String user : USERS) {
                cells.add(Arguments.of(page, user, page.allowed().contains(user)));
            }
        }
        return cells.stream();
    }

    @ParameterizedTest(name = "{0} as {1}: allowed={2}")
    @MethodSource("cells")
    void eachRoleOpensExactlyThePagesItMay(Page page, String user, boolean allowed) {
        Http person = Http.signedIn(port, user, TestData.PASSWORD);

        Reply reply = person.send(
                person.request(page.path()).header("Accept", "text/html").GET());

        assertThat(reply.status()).as(page + " as " + user).isEqualTo(allowed ? 200 : 403);
        if (!allowed) {
            assertThat(reply.body()).as("the error page, not a stack trace").doesNotContain("Exception", "\tat ");
        }
    }

    @Test
    void aMemberOrAPlannerWhoPlansAWaveChangesNothing() {
        long planned = events.eventCount("WavePlanned");
        String form = "name=Gelombang+liar&year=2027&kind=PILOT&targetFactories=3&pilotMonths=6"
                + "&minUtilisationPercent=50&minMembersServed=1&minJobsCompleted=1&minOutputUnits=1"
                + "&minQualityPassRatePercent=90";
        for (String user : List.of("member", "planner", "executive", "auditor", "staff")) {
            Reply reply = Http.signedIn(port, user, TestData.PASSWORD).pagePost("/programme/waves", form);
            assertThat(reply.status()).as(user + ": " + reply.status()).isEqualTo(403);
        }
        assertThat(events.eventCount("WavePlanned")).isEqualTo(planned);
        // the same form from an officer plans the wave: the refusals above were about who, not what
        Reply officer = Http.signedIn(port, "officer", TestData.PASSWORD).pagePost("/programme/waves", form);
        assertThat(officer.status()).isEqualTo(302);
        assertThat(officer.header("Location")).endsWith("/programme");
        assertThat(events.eventCount("WavePlanned")).isEqualTo(planned + 1);
    }

    @Test
    void theProposerWhoApprovesTheirOwnProposalChangesNothing() {
        int before = events.eventTypesOf(proposed).size();
        Http officer = Http.signedIn(port, "officer", TestData.PASSWORD);

        Reply own = officer.pagePost(
                "/programme/tasks/" + regionalTask + "/decision", "decision=APPROVE&comment=looks+good+to+me");

        assertThat(own.status()).isEqualTo(403);
        assertThat(own.body()).contains("four-eyes");
        // the page tells the proposer before anyone tries, and offers no form
        Reply page = officer.send(officer.request("/programme/tasks/" + regionalTask)
                .header("Accept", "text/html")
                .GET());
        assertThat(page.body()).contains("Prinsip empat mata").doesNotContain("name=\"decision\"");
        // nor may anyone outside the stage's group decide it
        Reply planner = Http.signedIn(port, "planner", TestData.PASSWORD)
                .pagePost("/programme/tasks/" + regionalTask + "/decision", "decision=APPROVE");
        assertThat(planner.status()).isEqualTo(403);
        assertThat(events.eventTypesOf(proposed)).hasSize(before);
        assertThat(taskOf(proposed, "user_regional_review")).isEqualTo(regionalTask);
    }

    @Test
    void theRequesterWhoApprovesTheirOwnEarlyEvaluationChangesNothing() {
        int before = events.eventTypesOf(requested).size();
        String decision = "/programme/waves/" + requested + "/early-evaluations/1/decision";

        Reply own = Http.signedIn(port, "supervisor", TestData.PASSWORD).pagePost(decision, "decision=APPROVE");
        Reply officer = Http.signedIn(port, "officer", TestData.PASSWORD).pagePost(decision, "decision=APPROVE");
        Reply auditor = Http.signedIn(port, "auditor", TestData.PASSWORD)
                .pagePost("/programme/waves/" + requested + "/early-evaluations", "reason=curious");

        assertThat(own.status()).isEqualTo(403);
        assertThat(officer.status()).isEqualTo(403);
        assertThat(auditor.status()).isEqualTo(403);
        assertThat(events.eventTypesOf(requested)).hasSize(before);
        // the supervisor's own request is shown as waiting for another supervisor, without a decision form
        Http supervisor = Http.signedIn(port, "supervisor", TestData.PASSWORD);
        Reply page = supervisor.send(supervisor
                .request("/programme/waves/" + requested)
                .header("Accept", "text/html")
                .GET());
        assertThat(page.body())
                .contains("menunggu keputusan supervisor lain")
                .doesNotContain("early-evaluations/1/decision");
    }

    @Test
    void factoryStaffWhoChangeARegionsPotentialChangeNothing() {
        int before = events.eventTypesOf("SULAWESI_UTARA/MINAHASA").size();

        Reply staff = Http.signedIn(port, "staff", TestData.PASSWORD)
                .pagePost(MINAHASA + "/potentials", "commodity=Cocoa&score=40&sourceNote=guess");
        Reply planner = Http.signedIn(port, "planner", TestData.PASSWORD)
                .pagePost(MINAHASA + "/potentials/COCONUT/removal", "reason=guess");

        assertThat(staff.status()).isEqualTo(403);
        assertThat(planner.status()).isEqualTo(403);
        assertThat(events.eventTypesOf("SULAWESI_UTARA/MINAHASA")).hasSize(before);
    }

    /** A running wave of one commissioned coconut factory (a six-month pilot, thresholds out of reach). */
    private String runningWave(String name) {
        String waveId = pilots.plannedWave(name, TestData.today().getYear(), 1, 6, """
                {"minUtilisation":0.6,"minMembersServed":10,"minJobsCompleted":20,"minOutputUnits":10000,
                 "minQualityPassRate":0.95}""");
        pilots.enrolledFactory(waveId);
        pilots.awaitRunning(waveId);
        return waveId;
    }

    /** A running wave evaluated early over the API (an officer asks, the supervisor approves). */
    private String evaluatedWave(String name) {
        String waveId = runningWave(name);
        assertThat(pilots.as("officer")
                        .post("/api/programme/waves/" + waveId + "/early-evaluations", "{\"reason\":\"test\"}")
                        .status())
                .isEqualTo(204);
        assertThat(pilots.as("supervisor")
                        .post(
                                "/api/programme/waves/" + waveId + "/early-evaluations/1/decision",
                                "{\"decision\":\"APPROVE\"}")
                        .status())
                .isEqualTo(204);
        Waves.awaitTask(pilots.as("officer"), waveId, "user_propose_outcome");
        return waveId;
    }

    private String taskOf(String waveId, String taskKey) {
        Waves.awaitTask(pilots.as("officer"), waveId, taskKey);
        JsonNode tasks = pilots.as("officer")
                .get("/api/programme/waves/" + waveId + "/tasks")
                .json();
        return StreamSupport.stream(tasks.spliterator(), false)
                .filter(task -> taskKey.equals(task.get("taskKey").asText()))
                .findFirst()
                .orElseThrow()
                .get("id")
                .asText();
    }
}
