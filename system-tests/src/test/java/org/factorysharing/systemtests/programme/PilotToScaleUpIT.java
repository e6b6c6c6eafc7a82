package org.factorysharing.systemtests.programme;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.factorysharing.systemtests.HttpWalk.PATIENCE;
import static org.factorysharing.systemtests.HttpWalk.complete;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.StreamSupport;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.factorysharing.systemtests.Http;
import org.factorysharing.systemtests.Http.Reply;
import org.factorysharing.systemtests.HttpWalk;
import org.factorysharing.systemtests.HttpWalk.MemberLogin;
import org.factorysharing.systemtests.MemberLogins;
import org.factorysharing.systemtests.ServerTest;
import org.factorysharing.testing.EventStoreProbe;
import org.factorysharing.testing.TestData;
import org.factorysharing.workflows.programme.PilotRolloutProcess;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;

/**
 * The run over HTTP on PostgreSQL: a 2022 pilot of five factories in five regions is planned, its
 * factories are enrolled and commissioned through their tasks, members' jobs produce KPIs, the pilot period
 * ends (the engine clock is moved past it), scale_up_eligibility recommends, an officer proposes, three other
 * people approve the three stages, and a 2023 wave of six is planned.
 */
@ServerTest
class PilotToScaleUpIT {

    /** Five regions of the shipped reference list, each with a potential for the factory's commodity. */
    private static final List<Site> SITES = List.of(
            new Site("Sulawesi Utara", "Minahasa", "Coconut", "COCONUT_OIL_PRESS"),
            new Site("Sulawesi Utara", "Minahasa Utara", "Coconut", "COCONUT_OIL_PRESS"),
            new Site("Jawa Tengah", "Sragen", "Furniture", "CNC_ROUTER"),
            new Site("Jawa Tengah", "Jepara", "Furniture", "CNC_ROUTER"),
            new Site("Aceh", "Aceh Tengah", "Coffee", "COFFEE_ROASTER"));

    @Value("${local.server.port}")
    int port;

    @Autowired
    MemberLogins logins;

    @Autowired
    RuntimeService runtime;

    @Autowired
    ManagementService management;

    @Autowired
    EventStoreProbe eventStore;

    record Site(String province, String regency, String commodity, String machineType) {}

    @AfterEach
    void realTime() {
        ClockUtil.reset();
    }

    @Test
    void aPilotOfFiveFactoriesIsEvaluatedApprovedInThreeStagesAndPlansTheNextWaveOfSix() {
        String waveId =
                officer().post("/api/programme/waves", """
                {"name":"Pilot 2022","year":2022,"kind":"PILOT","targetFactories":5,"pilotMonths":1,
                 "thresholds":{"minUtilisation":0.02,"minMembersServed":3,"minJobsCompleted":5,
                               "minOutputUnits":1000,"minQualityPassRate":0.8}}""").json().get("waveId").asText();
        await().atMost(PATIENCE)
                .until(() -> officer().get("/api/programme/waves/" + waveId).status() == 200);

        List<String> factories = new ArrayList<>();
        for (Site site : SITES) {
            String factoryId = proposeFactory(site);
            assertThat(officer()
                            .post(
                                    "/api/programme/waves/" + waveId + "/factories",
                                    "{\"factoryId\":\"" + factoryId + "\"}")
                            .status())
                    .isEqualTo(204);
            factories.add(factoryId);
        }
        // the target is reached: a sixth factory needs a supervisor
        String sixth = proposeFactory(new Site("Jawa Tengah", "Klaten", "Furniture", "CNC_ROUTER"));
        Reply beyondTarget =
                officer().post("/api/programme/waves/" + waveId + "/factories", "{\"factoryId\":\"" + sixth + "\"}");
        assertThat(beyondTarget.status()).as(beyondTarget.toString()).isEqualTo(409);
        assertThat(beyondTarget.json().get("code").asText()).isEqualTo("wave.beyond-target");

        for (String factoryId : factories) {
            commissionThroughTasks(factoryId);
        }
        JsonNode running = Waves.awaitWave(
                officer(),
                waveId,
                wave -> wave.get("summary").get("commissionedFactories").asInt() == 5);
        assertThat(running.get("summary").get("status").asText()).isEqualTo("RUNNING");
        assertThat(running.get("summary").get("enrolledFactories").asInt()).isEqualTo(5);
        assertThat(running.get("summary").get("runningFactories").asInt()).isEqualTo(5);
        assertThat(running.get("factories").findValuesAsText("regionId"))
                .doesNotHaveDuplicates()
                .hasSize(5);
        assertThat(running.get("factories").findValuesAsText("potentialScore"))
                .allMatch(score -> Integer.parseInt(score) > 0);

        // three members; one job per factory, the first one reworked once
        List<MemberLogin> members = List.of(member(), member(), member());
        for (int i = 0; i < factories.size(); i++) {
            MemberLogin member = members.get(i % members.size());
            runJob(member, factories.get(i), SITES.get(i).machineType(), i == 0);
        }
        JsonNode kpis =
                awaitKpis(waveId, k -> k.get("kpis").get("jobsCompleted").asInt() == 5);
        assertThat(kpis.get("kpis").get("membersServed").asInt()).isEqualTo(3);
        assertThat(kpis.get("kpis").get("outputUnits").asLong()).isEqualTo(5 * 300);
        assertThat(kpis.get("kpis").get("inspections").asInt()).isEqualTo(6);
        assertThat(kpis.get("kpis").get("qualityPassRate").asDouble()).isEqualTo(5.0 / 6);
        assertThat(kpis.get("kpis").get("bookedHours").asLong()).isEqualTo(5 * 8);
        assertThat(kpis.get("months")).isNotEmpty();
        assertThat(kpis.get("eventPosition").asLong()).isPositive();

        endThePilotPeriod(waveId);
        JsonNode evaluated = Waves.awaitWave(
                officer(), waveId, wave -> wave.get("recommendations").size() == 1);
        JsonNode recommendation = evaluated.get("recommendations").get(0);
        assertThat(recommendation.get("recommendation").asText()).isEqualTo("SCALE_UP");
        assertThat(recommendation.get("decision").get("decisionKey").asText()).isEqualTo("scale_up_eligibility");
        assertThat(recommendation.get("decision").get("version").asInt()).isPositive();
        assertThat(recommendation.get("kpiEventPosition").asLong()).isPositive();
        assertThat(recommendation.get("kpis").get("jobsCompleted").asInt()).isEqualTo(5);
        JsonNode again = as("auditor")
                .get("/api/audit/waves/" + waveId + "/recommendations/1/re-evaluation")
                .json();
        assertThat(again.get("matches").asBoolean()).as(again.toString()).isTrue();

        // the officer proposes six factories for the next wave
        Waves.awaitTask(officer(), waveId, PilotRolloutProcess.USER_PROPOSE_OUTCOME);
        Reply proposed = officer()
                .post(
                        "/api/programme/waves/" + waveId + "/proposal",
                        "{\"outcome\":\"SCALE_UP\",\"proposedTarget\":6,\"justification\":\"all five pilots met the KPIs\"}");
        assertThat(proposed.status()).as(proposed.toString()).isEqualTo(204);

        // four-eyes: the proposer never approves; nobody approves two stages; a refusal writes nothing
        Waves.awaitTask(officer(), waveId, "user_regional_review");
        int waveEvents = eventStore.eventTypesOf(waveId).size();
        Reply ownProposal = approve(officer(), waveId, "REGIONAL_REVIEW");
        assertThat(ownProposal.status()).as(ownProposal.toString()).isIn(403, 409);
        assertThat(eventStore.eventTypesOf(waveId)).hasSize(waveEvents);
        assertThat(approve(as("officer2"), waveId, "REGIONAL_REVIEW").status()).isEqualTo(204);
        Waves.awaitTask(officer(), waveId, "user_planning_review");
        waveEvents = eventStore.eventTypesOf(waveId).size();
        Reply secondStage = approve(as("officer2"), waveId, "PLANNING_REVIEW");
        assertThat(secondStage.status()).as(secondStage.toString()).isIn(403, 409);
        assertThat(eventStore.eventTypesOf(waveId)).hasSize(waveEvents);
        assertThat(approve(as("planner"), waveId, "PLANNING_REVIEW").status()).isEqualTo(204);
        Waves.awaitTask(officer(), waveId, "user_final_approval");
        assertThat(approve(as("executive"), waveId, "FINAL_APPROVAL").status()).isEqualTo(204);

        JsonNode approved = Waves.awaitWave(
                officer(),
                waveId,
                wave -> "APPROVED".equals(wave.get("summary").get("status").asText())
                        && !wave.get("nextWaveId").isNull());
        JsonNode timeline = approved.get("proposals").get(0).get("timeline");
        assertThat(StreamSupport.stream(timeline.spliterator(), false)
                        .map(step -> step.get("action").asText() + ":"
                                + step.get("by").asText())
                        .toList())
                .containsExactly("PROPOSED:officer", "APPROVED:officer2", "APPROVED:planner", "APPROVED:executive");
        String nextWaveId = approved.get("nextWaveId").asText();
        JsonNode next = Waves.awaitWave(officer(), nextWaveId, wave -> true);
        assertThat(next.get("summary").get("year").asInt()).isEqualTo(2023);
        assertThat(next.get("summary").get("targetFactories").asInt()).isEqualTo(6);
        assertThat(next.get("summary").get("kind").asText()).isEqualTo("SCALE_UP");
        assertThat(next.get("summary").get("status").asText()).isEqualTo("PLANNED");
        assertThat(next.get("previousWaveId").asText()).isEqualTo(waveId);
        assertThat(officer().get("/api/programme/waves").json().findValuesAsText("waveId"))
                .contains(waveId, nextWaveId);
    }

    private Reply approve(Http user, String waveId, String stage) {
        return user.post(
                "/api/programme/waves/" + waveId + "/approvals",
                "{\"stage\":\"" + stage + "\",\"decision\":\"APPROVE\",\"comment\":\"agreed\"}");
    }

    /** The timer waits for the wave's pilotEndsAt; then the engine clock moves past it and it fires. */
    private void endThePilotPeriod(String waveId) {
        Instant pilotEndsAt = Instant.parse(officer()
                .get("/api/programme/waves/" + waveId)
                .json()
                .get("summary")
                .get("pilotEndsAt")
                .asText());
        assertThat(Waves.pilotTimer(runtime, management, waveId).getDuedate().toInstant())
                .isEqualTo(pilotEndsAt);
        Waves.endPilotPeriod(runtime, management, waveId);
    }

    private String proposeFactory(Site site) {
        Reply proposed = officer().post("/api/factories", """
                {"name":"Rumah Produksi %s","province":"%s","regency":"%s","commodity":"%s",
                 "operator":"Koperasi %s","plannedMachines":[{"machineId":"M-1","machineType":"%s","capacityHoursPerDay":8}],
                 "installationDueOn":"%s"}""".formatted(
                        site.regency(),
                        site.province(),
                        site.regency(),
                        site.commodity(),
                        site.regency(),
                        site.machineType(),
                        TestData.today().plusDays(30)));
        assertThat(proposed.status()).as(proposed.toString()).isEqualTo(201);
        String factoryId = proposed.json().get("factoryId").asText();
        assertThat(officer()
                        .put("/api/factories/" + factoryId + "/staff/staff", null)
                        .status())
                .isEqualTo(204);
        return factoryId;
    }

    private void commissionThroughTasks(String factoryId) {
        HttpWalk walk = walk();
        assertThat(complete(as("staff"), walk.awaitTask(as("staff"), factoryId, "user_install_machine"), "{}")
                        .status())
                .isEqualTo(204);
        assertThat(complete(
                                officer(),
                                walk.awaitTask(officer(), factoryId, "user_inspect_factory"),
                                "{\"passed\":true}")
                        .status())
                .isEqualTo(204);
        assertThat(complete(
                                as("officer2"),
                                walk.awaitTask(as("officer2"), factoryId, "user_commissioning_signoff"),
                                "{\"approved\":true}")
                        .status())
                .isEqualTo(204);
    }

    private MemberLogin member() {
        return walk().qualifiedMember(
                        SITES.stream().map(Site::machineType).distinct().toArray(String[]::new));
    }

    /** Books 8 h today, and runs the job through start, output (300 good) and quality; reworked once if asked. */
    private void runJob(MemberLogin member, String factoryId, String machineType, boolean reworkOnce) {
        LocalDate today = TestData.today();
        Reply requested = as(member.login())
                .post("/api/jobs", """
                {"memberId":"%s","factoryId":"%s","machineType":"%s","product":"Pilot batch","quantity":300,
                 "machineHours":8,"earliestStart":"%s","deadline":"%s"}""".formatted(member.memberId(), factoryId, machineType, today, today.plusDays(5)));
        assertThat(requested.status()).as(requested.toString()).isEqualTo(202);
        String jobId = requested.json().get("jobId").asText();
        HttpWalk walk = walk();
        Http staff = as("staff");
        assertThat(complete(staff, walk.awaitTask(staff, jobId, "user_start_job"), "{}")
                        .status())
                .isEqualTo(204);
        assertThat(complete(
                                staff,
                                walk.awaitTask(staff, jobId, "user_record_output"),
                                "{\"goodUnits\":300,\"rejectedUnits\":10}")
                        .status())
                .isEqualTo(204);
        if (reworkOnce) {
            assertThat(complete(
                                    staff,
                                    walk.awaitTask(staff, jobId, "user_quality_inspection"),
                                    "{\"passed\":false,\"notes\":\"uneven finish\"}")
                            .status())
                    .isEqualTo(204);
            assertThat(complete(
                                    staff,
                                    walk.awaitTask(staff, jobId, "user_record_output"),
                                    "{\"goodUnits\":300,\"rejectedUnits\":0}")
                            .status())
                    .isEqualTo(204);
        }
        assertThat(complete(staff, walk.awaitTask(staff, jobId, "user_quality_inspection"), "{\"passed\":true}")
                        .status())
                .isEqualTo(204);
    }

    private JsonNode awaitKpis(String waveId, Predicate<JsonNode> condition) {
        JsonNode[] kpis = new JsonNode[1];
        await().atMost(PATIENCE).until(() -> {
            kpis[0] = as("planner")
                    .get("/api/programme/waves/" + waveId + "/kpis")
                    .json();
            return condition.test(kpis[0]);
        });
        return kpis[0];
    }

    private Http officer() {
        return as("officer");
    }

    private Http as(String user) {
        return walk().as(user);
    }

    private HttpWalk walk() {
        return new HttpWalk(port, logins);
    }
}
