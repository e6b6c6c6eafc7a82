package org.factorysharing.systemtests.programme;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Date;
import java.util.function.Predicate;
import java.util.stream.StreamSupport;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.factorysharing.api.factory.FactoryId;
import org.factorysharing.api.factory.MachinePlan;
import org.factorysharing.api.programme.KpiThresholds;
import org.factorysharing.api.programme.WaveCommands.PlanWave;
import org.factorysharing.api.programme.WaveId;
import org.factorysharing.api.programme.WaveKind;
import org.factorysharing.systemtests.Http;
import org.factorysharing.systemtests.Http.Reply;
import org.factorysharing.systemtests.HttpWalk;
import org.factorysharing.testing.TestData;
import org.factorysharing.workflows.programme.PilotRolloutProcess;

/**
 * Steps the programme tests share: planning a wave and enrolling factories, waiting for a wave's view or task,
 * and ending its pilot period.
 */
public final class Waves {

    /** Out of reach for a wave without jobs: its evaluation recommends extending the pilot. */
    public static final KpiThresholds DEMANDING = new KpiThresholds(0.6, 10, 20, 10_000, 0.95);

    private Waves() {}

    /** The wave's dashboard view once it satisfies the condition. */
    public static JsonNode awaitWave(Http user, String waveId, Predicate<JsonNode> condition) {
        JsonNode[] wave = new JsonNode[1];
        await().atMost(HttpWalk.PATIENCE).until(() -> {
            Reply reply = user.get("/api/programme/waves/" + waveId);
            wave[0] = reply.status() == 200 ? reply.json() : null;
            return wave[0] != null && condition.test(wave[0]);
        });
        return wave[0];
    }

    /** Waits until one of the wave's open tasks has that task key. */
    public static void awaitTask(Http user, String waveId, String taskKey) {
        await().atMost(HttpWalk.PATIENCE)
                .until(() -> StreamSupport.stream(
                                user.get("/api/programme/waves/" + waveId + "/tasks")
                                        .json()
                                        .spliterator(),
                                false)
                        .anyMatch(task -> taskKey.equals(task.get("taskKey").asText())));
    }

    /** A one-month pilot wave planned by command, once the dashboard shows it. */
    public static String plannedWave(CommandGateway commands, Http reader, int target, KpiThresholds thresholds) {
        WaveId waveId = WaveId.newId();
        commands.sendAndWait(
                new PlanWave(waveId, "Wave " + waveId, 2024, WaveKind.PILOT, target, 1, thresholds, null, "officer"));
        await().atMost(HttpWalk.PATIENCE)
                .until(() -> reader.get("/api/programme/waves/" + waveId).status() == 200);
        return waveId.value();
    }

    /** A commissioned coconut factory in Minahasa (a region with a potential for coconut), one oil press. */
    public static FactoryId coconutFactory(CommandGateway commands) {
        return TestData.commissionedFactory(
                commands, "Sulawesi Utara", "Minahasa", "Coconut", new MachinePlan("PRESS-1", "COCONUT_OIL_PRESS", 8));
    }

    public static Reply enrol(Http user, String waveId, String factoryId) {
        return user.post("/api/programme/waves/" + waveId + "/factories", "{\"factoryId\":\"" + factoryId + "\"}");
    }

    /**
     * A wave of one commissioned coconut factory whose pilot period has ended: it recommends EXTEND_PILOT and
     * waits for an officer's proposal. Resets the engine clock before it returns.
     */
    public static String evaluatedWave(
            CommandGateway commands, Http officer, RuntimeService runtime, ManagementService management) {
        String waveId = plannedWave(commands, officer, 1, DEMANDING);
        assertThat(enrol(officer, waveId, coconutFactory(commands).value()).status())
                .isEqualTo(204);
        // the evaluation reads the KPI read model and fails while it has not seen the wave start
        await().atMost(HttpWalk.PATIENCE).until(() -> {
            Reply kpis = officer.get("/api/programme/waves/" + waveId + "/kpis");
            return kpis.status() == 200 && kpis.json().hasNonNull("from");
        });
        try {
            endPilotPeriod(runtime, management, waveId);
        } finally {
            ClockUtil.reset();
        }
        awaitWave(officer, waveId, w -> w.get("recommendations").size() == 1);
        awaitTask(officer, waveId, "user_propose_outcome");
        return waveId;
    }

    /** Waits for the wave's pilot-period timer and returns it. */
    public static Job pilotTimer(RuntimeService runtime, ManagementService management, String waveId) {
        Job[] timer = new Job[1];
        await().atMost(HttpWalk.PATIENCE).until(() -> {
            var rollout = runtime.createProcessInstanceQuery()
                    .processInstanceBusinessKey(waveId)
                    .processDefinitionKey(PilotRolloutProcess.KEY)
                    .singleResult();
            timer[0] = rollout == null
                    ? null
                    : management
                            .createJobQuery()
                            .processInstanceId(rollout.getId())
                            .timers()
                            .activityId(PilotRolloutProcess.TIMER_PILOT_PERIOD)
                            .singleResult();
            return timer[0] != null;
        });
        return timer[0];
    }

    /** Moves the engine clock past the timer and fires it; the test resets the clock afterwards. */
    public static void endPilotPeriod(RuntimeService runtime, ManagementService management, String waveId) {
        Job timer = pilotTimer(runtime, management, waveId);
        ClockUtil.setCurrentTime(Date.from(timer.getDuedate().toInstant().plusSeconds(60)));
        management.executeJob(timer.getId());
    }
}
