package org.factorysharing.server.programme;

import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Date;
import java.util.function.Predicate;
import java.util.stream.StreamSupport;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.factorysharing.server.Http;
import org.factorysharing.server.Http.Reply;
import org.factorysharing.server.HttpWalk;
import org.factorysharing.workflows.programme.PilotRolloutProcess;

/** Steps the programme tests share: waiting for a wave's view or task, and ending its pilot period. */
final class Waves {

    private Waves() {
    }

    /** The wave's dashboard view once it satisfies the condition. */
    static JsonNode awaitWave(Http user, String waveId, Predicate<JsonNode> condition) {
        JsonNode[] wave = new JsonNode[1];
        await().atMost(HttpWalk.PATIENCE).until(() -> {
            Reply reply = user.get("/api/programme/waves/" + waveId);
            wave[0] = reply.status() == 200 ? reply.json() : null;
            return wave[0] != null && condition.test(wave[0]);
        });
        return wave[0];
    }

    /** Waits until one of the wave's open tasks has that task key. */
    static void awaitTask(Http user, String waveId, String taskKey) {
        await().atMost(HttpWalk.PATIENCE).until(() -> StreamSupport.stream(
                        user.get("/api/programme/waves/" + waveId + "/tasks").json().spliterator(), false)
                .anyMatch(task -> taskKey.equals(task.get("taskKey").asText())));
    }

    /** Waits for the wave's pilot-period timer and returns it. */
    static Job pilotTimer(RuntimeService runtime, ManagementService management, String waveId) {
        Job[] timer = new Job[1];
        await().atMost(HttpWalk.PATIENCE).until(() -> {
            var rollout = runtime.createProcessInstanceQuery().processInstanceBusinessKey(waveId)
                    .processDefinitionKey(PilotRolloutProcess.KEY).singleResult();
            timer[0] = rollout == null ? null : management.createJobQuery().processInstanceId(rollout.getId())
                    .timers().activityId(PilotRolloutProcess.TIMER_PILOT_PERIOD).singleResult();
            return timer[0] != null;
        });
        return timer[0];
    }

    /** Moves the engine clock past the timer and fires it; the test resets the clock afterwards. */
    static void endPilotPeriod(RuntimeService runtime, ManagementService management, String waveId) {
        Job timer = pilotTimer(runtime, management, waveId);
        ClockUtil.setCurrentTime(Date.from(timer.getDuedate().toInstant().plusSeconds(60)));
        management.executeJob(timer.getId());
    }
}
