package org.factorysharing.workflows.programme;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ActivityInstance;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.Variables;
import org.factorysharing.api.factory.FactoryCommands.CommissionFactory;
import org.factorysharing.api.factory.FactoryCommands.InstallMachine;
import org.factorysharing.api.factory.FactoryCommands.ProposeFactory;
import org.factorysharing.api.factory.FactoryCommands.RecordInspection;
import org.factorysharing.api.factory.FactoryId;
import org.factorysharing.api.factory.MachinePlan;
import org.factorysharing.api.programme.KpiThresholds;
import org.factorysharing.api.programme.ProgrammeQueries.FindWaveKpis;
import org.factorysharing.api.programme.ProgrammeQueries.WaveKpisView;
import org.factorysharing.api.programme.Recommendation;
import org.factorysharing.api.programme.WaveCommands.ApproveEarlyEvaluation;
import org.factorysharing.api.programme.WaveCommands.DeclineEarlyEvaluation;
import org.factorysharing.api.programme.WaveCommands.EnrolFactory;
import org.factorysharing.api.programme.WaveCommands.PlanWave;
import org.factorysharing.api.programme.WaveCommands.RequestEarlyEvaluation;
import org.factorysharing.api.programme.WaveId;
import org.factorysharing.api.programme.WaveKind;
import org.factorysharing.api.shared.ActorMetaData;
import org.factorysharing.testing.TestData;

/**
 * Drives waves through pilot_rollout for the process tests: plans a wave, enrols a commissioned coconut factory
 * in Minahasa (a region with a coconut potential in the shipped reference data), ends the pilot period, proposes
 * and decides, as users with the given groups (the engine's authentication, as the task API sets it).
 */
final class Rollouts {

    /** Every threshold 0: a wave with a commissioned factory meets them all (SCALE_UP recommended). */
    static final KpiThresholds MET = new KpiThresholds(0.0, 0, 0, 0, 0.0);
    /** Out of reach for a wave without jobs (EXTEND_PILOT, then STOP once extended: quality stays below). */
    static final KpiThresholds UNMET = new KpiThresholds(0.6, 10, 20, 500, 0.9);

    static final String PROPOSER = "officer-ani";
    static final String REGIONAL_REVIEWER = "officer-budi";
    static final String PLANNER = "planner-citra";
    static final String EXECUTIVE = "executive-dewi";
    static final String SUPERVISOR = "supervisor-eko";
    static final List<String> OFFICERS = List.of("officers");
    static final List<String> PLANNERS = List.of("planners");
    static final List<String> EXECUTIVES = List.of("executives");
    static final List<String> SUPERVISORS = List.of("supervisors");

    private final CommandGateway commands;
    private final QueryGateway queries;
    private final RuntimeService runtime;
    private final TaskService tasks;
    private final ManagementService management;
    private final IdentityService identity;

    Rollouts(
            CommandGateway commands,
            QueryGateway queries,
            RuntimeService runtime,
            TaskService tasks,
            ManagementService management,
            IdentityService identity) {
        this.commands = commands;
        this.queries = queries;
        this.runtime = runtime;
        this.tasks = tasks;
        this.management = management;
        this.identity = identity;
    }

    /** Plans a 2022 pilot (target 5, 6 months); answers its pilot_rollout once the bridge has started it. */
    ProcessInstance plan(WaveId waveId, KpiThresholds thresholds) {
        commands.sendAndWait(new PlanWave(
                waveId,
                "Pilot " + waveId.value().substring(0, 8),
                2022,
                WaveKind.PILOT,
                5,
                6,
                thresholds,
                null,
                "planner"));
        return await().atMost(Duration.ofSeconds(30)).until(() -> rollout(waveId), p -> p != null);
    }

    ProcessInstance rollout(WaveId waveId) {
        return runtime.createProcessInstanceQuery()
                .processDefinitionKey(PilotRolloutProcess.KEY)
                .processInstanceBusinessKey(waveId.value())
                .singleResult();
    }

    /** A commissioned coconut factory in Minahasa with one 8-hour oil press. */
    FactoryId commissionedFactory() {
        FactoryId factoryId = proposedFactory();
        commands.sendAndWait(new InstallMachine(factoryId, "PRESS-1", "COCONUT_OIL_PRESS", 8, "staff"));
        commands.sendAndWait(new RecordInspection(factoryId, true, null, "officer"));
        commands.sendAndWait(new CommissionFactory(factoryId, "officer2"));
        return factoryId;
    }

    FactoryId proposedFactory() {
        FactoryId factoryId = FactoryId.newId();
        commands.sendAndWait(new ProposeFactory(
                factoryId,
                "Rumah Produksi " + factoryId,
                "Sulawesi Utara",
                "Minahasa",
                "Coconut",
                "Koperasi Nyiur Melambai",
                List.of(new MachinePlan("PRESS-1", "COCONUT_OIL_PRESS", 8)),
                TestData.today().plusDays(30),
                "officer"));
        return factoryId;
    }

    /** Enrols a commissioned factory, which starts the wave; answers once the process waits for the pilot's end. */
    void start(WaveId waveId, ProcessInstance process) {
        commands.sendAndWait(new EnrolFactory(waveId, commissionedFactory(), "officer", false));
        awaitWaitingAt(process, PilotRolloutProcess.TIMER_PILOT_PERIOD);
    }

    /**
     * Moves the engine's clock past the pilot period (once the KPI read model has seen the wave start) and runs
     * its timer: the wave is evaluated and an officer is asked to propose.
     */
    Task endPilotPeriod(WaveId waveId, ProcessInstance process) {
        await().atMost(Duration.ofSeconds(30))
                .until(
                        () -> queries.query(
                                        new FindWaveKpis(waveId), ResponseTypes.optionalInstanceOf(WaveKpisView.class))
                                .join(),
                        view -> view.isPresent()
                                && view.get().from() != null
                                && view.get().kpis().commissionedFactories() >= 1);
        Job timer = pilotPeriodTimer(process);
        ClockUtil.setCurrentTime(Date.from(timer.getDuedate().toInstant().plusSeconds(60)));
        management.executeJob(timer.getId());
        return openTask(waveId, PilotRolloutProcess.USER_PROPOSE_OUTCOME);
    }

    Job pilotPeriodTimer(ProcessInstance process) {
        return management
                .createJobQuery()
                .processInstanceId(process.getId())
                .timers()
                .activityId(PilotRolloutProcess.TIMER_PILOT_PERIOD)
                .singleResult();
    }

    /** The proposer (an officer) asks for an early evaluation of the running pilot: request 1, 2, ... */
    void requestEarlyEvaluation(WaveId waveId, String reason) {
        sendAs(new RequestEarlyEvaluation(waveId, reason), PROPOSER, OFFICERS);
    }

    /** The supervisor approves the request: the bridge then ends the pilot period. */
    void approveEarlyEvaluation(WaveId waveId, int requestNo) {
        sendAs(new ApproveEarlyEvaluation(waveId, requestNo, "agreed"), SUPERVISOR, SUPERVISORS);
    }

    void declineEarlyEvaluation(WaveId waveId, int requestNo, String reason) {
        sendAs(new DeclineEarlyEvaluation(waveId, requestNo, reason), SUPERVISOR, SUPERVISORS);
    }

    /** A command as a signed-in user sends it from the API or a page: who and their groups in the metadata. */
    void sendAs(Object command, String user, List<String> groups) {
        commands.sendAndWait(GenericCommandMessage.asCommandMessage(command)
                .withMetaData(Map.of(ActorMetaData.USER_ID, user, ActorMetaData.GROUPS, groups)));
    }

    /** The proposer proposes; answers the regional review task. */
    Task propose(WaveId waveId, Recommendation outcome, Long target, Long months, String justification) {
        completeAs(
                openTask(waveId, PilotRolloutProcess.USER_PROPOSE_OUTCOME).getId(),
                PROPOSER,
                OFFICERS,
                proposal(outcome, target, months, justification));
        return openTask(waveId, ScaleUpApprovalProcess.USER_REGIONAL_REVIEW);
    }

    static Map<String, Object> proposal(Recommendation outcome, Long target, Long months, String justification) {
        Map<String, Object> variables = new HashMap<>();
        variables.put(PilotRolloutProcess.OUTCOME, outcome.name());
        variables.put(PilotRolloutProcess.PROPOSED_TARGET, target);
        variables.put(PilotRolloutProcess.EXTENSION_MONTHS, months);
        variables.put(PilotRolloutProcess.JUSTIFICATION, justification);
        return variables;
    }

    /** The regional reviewer, a planner and an executive approve, in this order. */
    void approveAllStages(WaveId waveId) {
        approve(waveId, ScaleUpApprovalProcess.USER_REGIONAL_REVIEW, REGIONAL_REVIEWER, OFFICERS);
        approve(waveId, ScaleUpApprovalProcess.USER_PLANNING_REVIEW, PLANNER, PLANNERS);
        approve(waveId, ScaleUpApprovalProcess.USER_FINAL_APPROVAL, EXECUTIVE, EXECUTIVES);
    }

    void approve(WaveId waveId, String taskKey, String user, List<String> groups) {
        completeAs(openTask(waveId, taskKey).getId(), user, groups, decision(ScaleUpApprovalProcess.APPROVE, "fine"));
    }

    static Map<String, Object> decision(String decision, String comment) {
        Map<String, Object> variables = new HashMap<>();
        variables.put(ScaleUpApprovalProcess.DECISION, decision);
        variables.put(ScaleUpApprovalProcess.COMMENT, comment);
        return variables;
    }

    /** The open task of the wave's processes (pilot_rollout and its scale_up_approval share the business key). */
    Task openTask(WaveId waveId, String taskKey) {
        return tasks.createTaskQuery()
                .processInstanceBusinessKey(waveId.value())
                .taskDefinitionKey(taskKey)
                .singleResult();
    }

    void awaitWaitingAt(ProcessInstance process, String activityId) {
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(isWaitingAt(process, activityId))
                        .as("waiting at " + activityId)
                        .isTrue());
    }

    private boolean isWaitingAt(ProcessInstance process, String activityId) {
        ActivityInstance tree = runtime.getActivityInstance(process.getId());
        return tree != null && tree.getActivityInstances(activityId).length > 0;
    }

    List<String> candidateGroups(Task task) {
        return tasks.getIdentityLinksForTask(task.getId()).stream()
                .map(IdentityLink::getGroupId)
                .filter(group -> group != null)
                .toList();
    }

    void completeAs(String taskId, String user, List<String> groups, Map<String, Object> variables) {
        identity.setAuthentication(user, groups);
        try {
            tasks.complete(taskId, Variables.fromMap(variables));
        } finally {
            identity.clearAuthentication();
        }
    }
}
