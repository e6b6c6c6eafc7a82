package org.factorysharing.systemtests.programme;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.factorysharing.systemtests.HttpWalk.PATIENCE;
import static org.factorysharing.systemtests.Problems.assertField;
import static org.factorysharing.systemtests.Problems.assertProblem;
import static org.factorysharing.systemtests.Problems.assertRule;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.factorysharing.api.factory.FactoryId;
import org.factorysharing.api.factory.MachinePlan;
import org.factorysharing.api.programme.KpiThresholds;
import org.factorysharing.systemtests.Http;
import org.factorysharing.systemtests.Http.Reply;
import org.factorysharing.systemtests.HttpWalk;
import org.factorysharing.systemtests.MemberLogins;
import org.factorysharing.systemtests.ServerTest;
import org.factorysharing.testing.EventStoreProbe;
import org.factorysharing.testing.TestData;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;

/** The programme API's answers to bad input and broken rules, a rejected proposal, and a new decision version. */
@ServerTest
class ProgrammeApiIT {

    private static final KpiThresholds DEMANDING = Waves.DEMANDING;

    @Value("${local.server.port}")
    int port;

    @Autowired
    CommandGateway commands;

    @Autowired
    MemberLogins logins;

    @Autowired
    RuntimeService runtime;

    @Autowired
    ManagementService management;

    @Autowired
    EventStoreProbe events;

    @AfterEach
    void realTime() {
        ClockUtil.reset();
    }

    @Test
    void planningValidatesEveryFieldAndNamesIt() {
        long planned = events.eventCount("WavePlanned");
        Reply reply = officer().post("/api/programme/waves", """
                {"name":" ","year":1999,"kind":"PILOT","targetFactories":0,"pilotMonths":61,
                 "thresholds":{"minUtilisation":1.5,"minMembersServed":-1,"minJobsCompleted":0,
                               "minOutputUnits":0,"minQualityPassRate":0.9}}""");
        for (String field : new String[] {
            "name", "year", "targetFactories", "pilotMonths", "thresholds.minUtilisation", "thresholds.minMembersServed"
        }) {
            assertField(reply, field);
        }
        assertField(officer().post("/api/programme/waves", """
                {"name":"x","year":2024,"kind":"SOMETIMES","targetFactories":1,"pilotMonths":6,
                 "thresholds":{"minUtilisation":0.5,"minMembersServed":1,"minJobsCompleted":1,
                               "minOutputUnits":1,"minQualityPassRate":0.9}}"""), "kind");
        assertField(officer().post("/api/programme/waves", "{\"name\":\"x\",\"year\":2024}"), "thresholds");
        assertThat(events.eventCount("WavePlanned"))
                .as("a refused plan writes nothing")
                .isEqualTo(planned);
    }

    @Test
    void unknownWavesAndFactoriesAre404() {
        assertThat(officer().get("/api/programme/waves/no-such-wave").status()).isEqualTo(404);
        assertProblem(officer().get("/api/programme/waves/no-such-wave/kpis"));
        String waveId = plannedWave(2, DEMANDING);
        Reply unknownFactory =
                officer().post("/api/programme/waves/" + waveId + "/factories", "{\"factoryId\":\"no-such-factory\"}");
        assertThat(unknownFactory.status()).as(unknownFactory.toString()).isEqualTo(404);
        assertProblem(unknownFactory);
        String factoryId = coconutFactory().value();
        Reply unknownWave =
                officer().post("/api/programme/waves/no-such-wave/factories", "{\"factoryId\":\"" + factoryId + "\"}");
        assertThat(unknownWave.status()).as(unknownWave.toString()).isEqualTo(404);
        assertThat(officer()
                        .post("/api/programme/waves/no-such-wave/proposal", "{\"outcome\":\"STOP\"}")
                        .status())
                .isEqualTo(404);
    }

    @Test
    void enrolmentRulesAnswer409AndWriteNothing() {
        String waveId = plannedWave(1, DEMANDING);
        String otherWave = plannedWave(3, DEMANDING);
        // Minahasa has no potential recorded for rattan
        FactoryId rattan = TestData.commissionedFactory(
                commands, "Sulawesi Utara", "Minahasa", "Rattan", new MachinePlan("LOOM-1", "RATTAN_LOOM", 8));
        int before = events.eventTypesOf(waveId).size();
        assertRule(enrol("officer", waveId, rattan.value()), "wave.no-potential");
        assertThat(events.eventTypesOf(waveId)).hasSize(before);

        String first = coconutFactory().value();
        assertThat(enrol("officer", waveId, first).status()).isEqualTo(204);
        assertThat(enrol("officer", waveId, first).status())
                .as("enrolling again changes nothing")
                .isEqualTo(204);
        assertRule(enrol("officer", otherWave, first), "wave.factory-already-enrolled");

        String second = coconutFactory().value();
        assertRule(enrol("officer", waveId, second), "wave.beyond-target");
        assertThat(enrol("supervisor", waveId, second).status()).isEqualTo(204);
        JsonNode wave =
                Waves.awaitWave(officer(), waveId, w -> w.get("factories").size() == 2);
        assertThat(wave.get("factories").findValuesAsText("beyondTarget")).containsExactlyInAnyOrder("false", "true");
        assertThat(wave.get("factories").findValuesAsText("regionId")).containsOnly("SULAWESI_UTARA/MINAHASA");
        assertThat(wave.get("factories").findValuesAsText("potentialScore")).containsOnly("92");
        // both factories were commissioned before they were enrolled: the wave runs from the first enrolment
        assertThat(wave.get("summary").get("status").asText()).isEqualTo("RUNNING");
    }

    @Test
    void aRejectedProposalEndsWithItsReasonOnTheTimeline() {
        String waveId = evaluatedWave();
        int waveEvents = events.eventTypesOf(waveId).size();
        assertRule(
                officer()
                        .post(
                                "/api/programme/waves/" + waveId + "/approvals",
                                "{\"stage\":\"REGIONAL_REVIEW\",\"decision\":\"APPROVE\"}"),
                "wave.stage-not-open");
        assertField(
                officer().post("/api/programme/waves/" + waveId + "/proposal", "{\"outcome\":\"STOP\"}"),
                "justification");
        assertField(
                officer().post("/api/programme/waves/" + waveId + "/proposal", "{\"outcome\":\"GROW\"}"), "outcome");
        assertField(
                officer()
                        .post(
                                "/api/programme/waves/" + waveId + "/proposal",
                                "{\"outcome\":\"EXTEND_PILOT\",\"extensionMonths\":99}"),
                "extensionMonths");
        assertField(officer().post("/api/programme/waves/" + waveId + "/approvals", "{}"), "stage");
        assertThat(events.eventTypesOf(waveId)).as("refusals write nothing").hasSize(waveEvents);
        assertThat(officer()
                        .post(
                                "/api/programme/waves/" + waveId + "/proposal",
                                "{\"outcome\":\"EXTEND_PILOT\",\"extensionMonths\":3}")
                        .status())
                .isEqualTo(204);
        assertRule(
                officer().post("/api/programme/waves/" + waveId + "/proposal", "{\"outcome\":\"STOP\"}"),
                "wave.not-awaiting-proposal");

        Waves.awaitTask(officer(), waveId, "user_regional_review");
        assertField(
                as("officer2")
                        .post(
                                "/api/programme/waves/" + waveId + "/approvals",
                                "{\"stage\":\"REGIONAL_REVIEW\",\"decision\":\"REJECT\"}"),
                "comment");
        assertRule(
                as("officer2")
                        .post(
                                "/api/programme/waves/" + waveId + "/approvals",
                                "{\"stage\":\"PLANNING_REVIEW\",\"decision\":\"APPROVE\"}"),
                "wave.stage-not-open");
        assertThat(as("officer2")
                        .post(
                                "/api/programme/waves/" + waveId + "/approvals",
                                "{\"stage\":\"REGIONAL_REVIEW\",\"decision\":\"REJECT\",\"comment\":\"no budget this year\"}")
                        .status())
                .isEqualTo(204);

        JsonNode rejected = Waves.awaitWave(
                officer(),
                waveId,
                w -> "REJECTED".equals(w.get("summary").get("status").asText()));
        JsonNode proposal = rejected.get("proposals").get(0);
        assertThat(proposal.get("status").asText()).isEqualTo("REJECTED");
        JsonNode last = proposal.get("timeline").get(proposal.get("timeline").size() - 1);
        assertThat(last.get("action").asText()).isEqualTo("REJECTED");
        assertThat(last.get("by").asText()).isEqualTo("officer2");
        assertThat(last.get("stage").asText()).isEqualTo("REGIONAL_REVIEW");
        assertThat(last.get("comment").asText()).isEqualTo("no budget this year");
        await().atMost(PATIENCE)
                .until(() -> officer()
                        .get("/api/programme/waves/" + waveId + "/tasks")
                        .json()
                        .isEmpty());

        // an auditor rebuilds the wave as it stood at any instant, from its events
        String state = "/api/audit/aggregates/" + waveId + "/state?at=";
        Instant proposedAt = Instant.parse(proposal.get("proposedAt").asText());
        JsonNode beforeProposal =
                as("auditor").get(state + proposedAt.minusMillis(1)).json();
        assertThat(beforeProposal.get("aggregateType").asText()).isEqualTo("Wave");
        assertThat(beforeProposal.get("state").get("status").asText()).isEqualTo("EVALUATING");
        assertThat(as("auditor")
                        .get(state + Instant.now())
                        .json()
                        .get("state")
                        .get("status")
                        .asText())
                .isEqualTo("REJECTED");
    }

    @Test
    void aNewDecisionVersionIsUsedByTheNextEvaluationAndRecorded() throws IOException {
        Reply notDmn = deploy("officer", "<definitions/>");
        assertField(notDmn, "body");
        Reply wrongDecision =
                deploy("officer", shippedTable().replace("id=\"scale_up_eligibility\"", "id=\"something_else\""));
        assertField(wrongDecision, "body");
        assertThat(deploy("auditor", shippedTable()).status()).isEqualTo(403);
        int versionsBefore = as("officer")
                .get("/api/programme/decisions/scale-up-eligibility")
                .json()
                .size();
        // a table that answers something no wave can act on is not kept
        assertRule(deploy("officer", shippedTable().replace("\"STOP\"", "\"HALT\"")), "decision.unusable");
        assertThat(as("officer")
                        .get("/api/programme/decisions/scale-up-eligibility")
                        .json()
                        .size())
                .isEqualTo(versionsBefore);

        Reply deployed = deploy(
                "officer",
                shippedTable()
                        .replace(
                                "Some KPI thresholds are not met yet",
                                "Some KPI thresholds are not met yet (revised table)"));
        assertThat(deployed.status()).as(deployed.toString()).isEqualTo(201);
        int version = deployed.json().get("version").asInt();
        JsonNode versions = as("planner")
                .get("/api/programme/decisions/scale-up-eligibility")
                .json();
        assertThat(versions.get(0).get("version").asInt()).isEqualTo(version);
        assertThat(versions.get(0).get("decisionDefinitionId").asText())
                .isEqualTo(deployed.json().get("decisionDefinitionId").asText());

        String waveId = evaluatedWave();
        JsonNode recommendation = Waves.awaitWave(
                        officer(), waveId, w -> w.get("recommendations").size() == 1)
                .get("recommendations")
                .get(0);
        assertThat(recommendation.get("recommendation").asText()).isEqualTo("EXTEND_PILOT");
        assertThat(recommendation.get("reason").asText()).endsWith("(revised table)");
        assertThat(recommendation.get("decision").get("version").asInt()).isEqualTo(version);
        JsonNode again = as("auditor")
                .get("/api/audit/waves/" + waveId + "/recommendations/1/re-evaluation")
                .json();
        assertThat(again.get("matches").asBoolean()).isTrue();
        assertThat(again.get("reEvaluatedReason").asText()).endsWith("(revised table)");
        assertThat(as("auditor")
                        .get("/api/audit/waves/" + waveId + "/recommendations/2/re-evaluation")
                        .status())
                .isEqualTo(404);
    }

    private String evaluatedWave() {
        return Waves.evaluatedWave(commands, officer(), runtime, management);
    }

    private String plannedWave(int target, KpiThresholds thresholds) {
        return Waves.plannedWave(commands, officer(), target, thresholds);
    }

    private FactoryId coconutFactory() {
        return Waves.coconutFactory(commands);
    }

    private Reply enrol(String user, String waveId, String factoryId) {
        return Waves.enrol(as(user), waveId, factoryId);
    }

    private Reply deploy(String user, String xml) {
        Http http = as(user);
        return http.send(http.request("/api/programme/decisions/scale-up-eligibility")
                .header("Content-Type", "application/xml")
                .POST(HttpRequest.BodyPublishers.ofString(xml)));
    }

    private static String shippedTable() throws IOException {
        try (InputStream in = ProgrammeApiIT.class.getResourceAsStream("/dmn/scale_up_eligibility.dmn")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private Http officer() {
        return as("officer");
    }

    private Http as(String user) {
        return new HttpWalk(port, logins).as(user);
    }
}
