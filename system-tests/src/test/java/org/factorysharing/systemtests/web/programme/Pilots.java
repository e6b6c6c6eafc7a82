package org.factorysharing.systemtests.web.programme;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.factorysharing.systemtests.HttpWalk.complete;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.util.function.Predicate;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.factorysharing.systemtests.Http;
import org.factorysharing.systemtests.Http.Reply;
import org.factorysharing.systemtests.HttpWalk;
import org.factorysharing.systemtests.HttpWalk.MemberLogin;
import org.factorysharing.systemtests.MemberLogins;
import org.factorysharing.systemtests.programme.Waves;
import org.factorysharing.testing.TestData;

/**
 * Pilots prepared over the JSON API for the programme pages' tests, so that a page test is about its pages: a wave
 * planned by an officer, commissioned coconut factories enrolled (the wave runs), and members' jobs run through the
 * staff's tasks for the KPIs.
 */
final class Pilots {

    static final String PRESS = "COCONUT_OIL_PRESS";

    private final int port;
    private final CommandGateway commands;
    private final HttpWalk walk;

    Pilots(int port, CommandGateway commands, MemberLogins logins) {
        this.port = port;
        this.commands = commands;
        this.walk = new HttpWalk(port, logins);
    }

    Http as(String user) {
        return walk.as(user);
    }

    /** A wave planned by the officer over the API; answers its id once the dashboard shows it. */
    String plannedWave(String name, int year, int target, int pilotMonths, String thresholdsJson) {
        Reply planned = as("officer")
                .post("/api/programme/waves", """
                {"name":"%s","year":%d,"kind":"PILOT","targetFactories":%d,"pilotMonths":%d,"thresholds":%s}""".formatted(name, year, target, pilotMonths, thresholdsJson));
        assertThat(planned.status()).as(planned.toString()).isEqualTo(201);
        String waveId = planned.json().get("waveId").asText();
        Waves.awaitWave(as("officer"), waveId, wave -> true);
        return waveId;
    }

    /** A commissioned coconut factory in Minahasa (one 8-hour press), the staff user on its staff, enrolled. */
    String enrolledFactory(String waveId) {
        String factoryId = Waves.coconutFactory(commands).value();
        assertThat(as("officer")
                        .put("/api/factories/" + factoryId + "/staff/staff", null)
                        .status())
                .isEqualTo(204);
        Reply enrolled = Waves.enrol(as("officer"), waveId, factoryId);
        assertThat(enrolled.status()).as(enrolled.toString()).isEqualTo(204);
        return factoryId;
    }

    /** Waits until the wave runs and its KPI read model has seen it start (an evaluation reads it). */
    void awaitRunning(String waveId) {
        Waves.awaitWave(
                as("officer"),
                waveId,
                wave -> "RUNNING".equals(wave.get("summary").get("status").asText()));
        awaitKpis(waveId, kpis -> kpis.hasNonNull("from"));
    }

    JsonNode awaitKpis(String waveId, Predicate<JsonNode> condition) {
        JsonNode[] kpis = new JsonNode[1];
        await().atMost(HttpWalk.PATIENCE).until(() -> {
            kpis[0] = as("planner")
                    .get("/api/programme/waves/" + waveId + "/kpis")
                    .json();
            return condition.test(kpis[0]);
        });
        return kpis[0];
    }

    /** A member of its own login, verified and qualified for the oil press. */
    MemberLogin member() {
        return walk.qualifiedMember(PRESS);
    }

    /** Books 8 h today and runs the job through start, output ({@code units} good) and a passed inspection. */
    void completedJob(MemberLogin member, String factoryId, int units) {
        LocalDate today = TestData.today();
        Reply requested = as(member.login())
                .post("/api/jobs", """
                {"memberId":"%s","factoryId":"%s","machineType":"%s","product":"Virgin coconut oil","quantity":%d,
                 "machineHours":8,"earliestStart":"%s","deadline":"%s"}""".formatted(member.memberId(), factoryId, PRESS, units, today, today.plusDays(5)));
        assertThat(requested.status()).as(requested.toString()).isEqualTo(202);
        String jobId = requested.json().get("jobId").asText();
        Http staff = as("staff");
        assertThat(complete(staff, walk.awaitTask(staff, jobId, "user_start_job"), "{}")
                        .status())
                .isEqualTo(204);
        assertThat(complete(
                                staff,
                                walk.awaitTask(staff, jobId, "user_record_output"),
                                "{\"goodUnits\":" + units + ",\"rejectedUnits\":0}")
                        .status())
                .isEqualTo(204);
        assertThat(complete(staff, walk.awaitTask(staff, jobId, "user_quality_inspection"), "{\"passed\":true}")
                        .status())
                .isEqualTo(204);
    }
}
