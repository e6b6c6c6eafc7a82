package org.factorysharing.systemtests.programme;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.factorysharing.systemtests.Problems.assertField;
import static org.factorysharing.systemtests.Problems.assertProblem;
import static org.factorysharing.systemtests.Problems.assertRule;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.factorysharing.systemtests.Http;
import org.factorysharing.systemtests.Http.Reply;
import org.factorysharing.systemtests.HttpWalk;
import org.factorysharing.systemtests.ServerTest;
import org.factorysharing.testing.EventStoreProbe;
import org.factorysharing.testing.TestData;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;

/**
 * Early evaluation over the API: an officer asks with a reason, a supervisor other than the requester approves and
 * the running pilot is evaluated at once (no clock moved), or declines with a reason. Every refusal is problem+json
 * and writes nothing.
 */
@ServerTest
class EarlyEvaluationApiIT {

    @Value("${local.server.port}")
    int port;

    @Autowired
    CommandGateway commands;

    @Autowired
    EventStoreProbe events;

    @Test
    void anOfficerAsksASupervisorApprovesAndTheRunningPilotIsEvaluatedAtOnce() {
        String waveId = runningWave();

        assertField(as("officer").post(requests(waveId), "{\"reason\":\" \"}"), "reason");
        Reply asked = as("officer").post(requests(waveId), "{\"reason\":\"the harvest ended early\"}");
        assertThat(asked.status()).as(asked.toString()).isEqualTo(204);
        int before = events.eventTypesOf(waveId).size();
        assertRule(as("supervisor").post(requests(waveId), "{\"reason\":\"me too\"}"), "wave.early-evaluation-open");
        assertField(decide("supervisor", waveId, 1, "DECLINE", null), "comment");
        assertThat(events.eventTypesOf(waveId)).hasSize(before);

        Reply approved = decide("supervisor", waveId, 1, "APPROVE", "agreed");
        assertThat(approved.status()).as(approved.toString()).isEqualTo(204);
        JsonNode evaluated = Waves.awaitWave(
                as("planner"), waveId, wave -> wave.get("recommendations").size() == 1);
        assertThat(evaluated.get("summary").get("status").asText()).isEqualTo("EVALUATING");
        JsonNode request = evaluated.get("earlyEvaluations").get(0);
        assertThat(request.get("status").asText()).isEqualTo("APPROVED");
        assertThat(request.get("requestedBy").asText()).isEqualTo("officer");
        assertThat(request.get("decidedBy").asText()).isEqualTo("supervisor");
        assertThat(request.get("reason").asText()).isEqualTo("the harvest ended early");
        // the evaluation covers the pilot period until the day of the approval
        assertThat(evaluated.get("recommendations").get(0).get("periodTo").asText())
                .isEqualTo(TestData.today().toString());
        Waves.awaitTask(as("officer"), waveId, "user_propose_outcome");

        // the evaluation closed the request: nothing is left to decide, and the wave is no longer running
        int evaluatedEvents = events.eventTypesOf(waveId).size();
        assertRule(decide("supervisor", waveId, 1, "APPROVE", "agreed"), "wave.no-open-early-evaluation");
        assertRule(decide("supervisor", waveId, 1, "DECLINE", "too late"), "wave.no-open-early-evaluation");
        assertRule(as("officer").post(requests(waveId), "{\"reason\":\"again\"}"), "wave.not-running");
        assertThat(events.eventTypesOf(waveId)).hasSize(evaluatedEvents);
    }

    @Test
    void aSupervisorDeclinesWithTheReasonAndThePilotRunsOn() {
        String waveId = runningWave();
        assertThat(as("officer")
                        .post(requests(waveId), "{\"reason\":\"the harvest ended early\"}")
                        .status())
                .isEqualTo(204);

        Reply declined = decide("supervisor", waveId, 1, "DECLINE", "wait for the second harvest");

        assertThat(declined.status()).as(declined.toString()).isEqualTo(204);
        JsonNode wave = Waves.awaitWave(
                as("officer"),
                waveId,
                w -> w.get("earlyEvaluations").findValuesAsText("status").equals(List.of("DECLINED")));
        assertThat(wave.get("earlyEvaluations").get(0).get("decisionComment").asText())
                .isEqualTo("wait for the second harvest");
        assertThat(wave.get("summary").get("status").asText()).isEqualTo("RUNNING");
        assertThat(wave.get("recommendations")).isEmpty();
        // a new request may follow, with the next number
        assertThat(as("officer").post(requests(waveId), "{\"reason\":\"now\"}").status())
                .isEqualTo(204);
        assertRule(decide("supervisor", waveId, 1, "APPROVE", null), "wave.no-open-early-evaluation");
    }

    @Test
    void theRequesterNeverDecidesAndOnlySupervisorsDoWhileOfficersAndSupervisorsAsk() {
        String waveId = runningWave();
        for (String user : new String[] {"planner", "executive", "auditor", "staff", "member", "admin"}) {
            Reply refused = as(user).post(requests(waveId), "{\"reason\":\"why not\"}");
            assertThat(refused.status()).as(user + ": " + refused).isEqualTo(403);
            assertProblem(refused);
        }
        assertThat(as("supervisor")
                        .post(requests(waveId), "{\"reason\":\"budget review\"}")
                        .status())
                .isEqualTo(204);
        int before = events.eventTypesOf(waveId).size();

        Reply ownRequest = decide("supervisor", waveId, 1, "APPROVE", "fine by me");
        assertThat(ownRequest.status()).as(ownRequest.toString()).isEqualTo(403);
        assertProblem(ownRequest);
        assertThat(ownRequest.json().get("detail").asText()).contains("four-eyes");
        for (String user : new String[] {"officer", "planner", "executive", "auditor", "admin"}) {
            Reply refused = decide(user, waveId, 1, "APPROVE", null);
            assertThat(refused.status()).as(user + ": " + refused).isEqualTo(403);
            assertProblem(refused);
        }
        assertThat(events.eventTypesOf(waveId)).hasSize(before);
    }

    @Test
    void onlyARunningPilotIsEvaluatedEarlyAndAnUnknownWaveIsNotFound() {
        String planned = Waves.plannedWave(commands, as("officer"), 1, Waves.DEMANDING);
        assertRule(as("officer").post(requests(planned), "{\"reason\":\"soon\"}"), "wave.not-running");
        assertRule(decide("supervisor", planned, 1, "APPROVE", null), "wave.no-open-early-evaluation");

        Reply unknown = as("officer").post(requests("no-such-wave"), "{\"reason\":\"soon\"}");
        assertThat(unknown.status()).as(unknown.toString()).isEqualTo(404);
        assertProblem(unknown);
        assertField(
                as("supervisor").post("/api/programme/waves/" + planned + "/early-evaluations/1/decision", "{}"),
                "decision");
        Reply badNumber = decide("supervisor", planned, 0, "APPROVE", null);
        assertThat(badNumber.status()).as(badNumber.toString()).isEqualTo(400);
        assertProblem(badNumber);
    }

    /** A wave running with one commissioned coconut factory (its pilot period runs a month). */
    private String runningWave() {
        String waveId = Waves.plannedWave(commands, as("officer"), 1, Waves.DEMANDING);
        assertThat(Waves.enrol(
                                as("officer"),
                                waveId,
                                Waves.coconutFactory(commands).value())
                        .status())
                .isEqualTo(204);
        Waves.awaitWave(
                as("officer"),
                waveId,
                wave -> "RUNNING".equals(wave.get("summary").get("status").asText()));
        // the evaluation reads the KPI read model, which must have seen the wave start
        await().atMost(HttpWalk.PATIENCE)
                .until(() -> as("officer")
                        .get("/api/programme/waves/" + waveId + "/kpis")
                        .json()
                        .hasNonNull("from"));
        return waveId;
    }

    private Reply decide(String user, String waveId, int requestNo, String decision, String comment) {
        return as(user).post(
                        "/api/programme/waves/" + waveId + "/early-evaluations/" + requestNo + "/decision",
                        "{\"decision\":\"" + decision + "\""
                                + (comment == null ? "" : ",\"comment\":\"" + comment + "\"") + "}");
    }

    private static String requests(String waveId) {
        return "/api/programme/waves/" + waveId + "/early-evaluations";
    }

    private Http as(String user) {
        return Http.as(port, user, TestData.PASSWORD);
    }
}
