package org.factorysharing.workflows.programme;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.factorysharing.workflows.programme.Rollouts.*;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.form.FormField;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;
import org.factorysharing.api.programme.ProgrammeQueries.FindWaveKpis;
import org.factorysharing.api.programme.ProgrammeQueries.WaveKpisView;
import org.factorysharing.api.programme.Recommendation;
import org.factorysharing.api.programme.WaveCommands.EnrolFactory;
import org.factorysharing.api.programme.WaveId;
import org.factorysharing.api.shared.InvalidField;
import org.factorysharing.api.shared.NotPermitted;
import org.factorysharing.api.shared.ProgrammeTime;
import org.factorysharing.testing.EventFeed;
import org.factorysharing.testing.EventStoreProbe;
import org.factorysharing.workflows.WorkflowTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Every path of pilot_rollout on the real engine, command side, KPI read model and PostgreSQL: each test plans
 * its own wave and starts it with its own commissioned factory.
 */
@WorkflowTest
class PilotRolloutProcessTest {

    @Autowired
    ProcessEngine engine;

    @Autowired
    RuntimeService runtime;

    @Autowired
    TaskService tasks;

    @Autowired
    FormService forms;

    @Autowired
    IdentityService identity;

    @Autowired
    ManagementService management;

    @Autowired
    RepositoryService repository;

    @Autowired
    CommandGateway commands;

    @Autowired
    QueryGateway queries;

    @Autowired
    EventStoreProbe eventStore;

    @Autowired
    EventFeed feed;

    Rollouts rollouts;
    WaveId waveId;

    @BeforeEach
    void init() {
        BpmnAwareTests.init(engine);
        rollouts = new Rollouts(commands, queries, runtime, tasks, management, identity);
        waveId = WaveId.newId();
    }

    @AfterEach
    void resetClockAndUser() {
        ClockUtil.reset();
        identity.clearAuthentication();
    }

    @Test
    void aPlannedWaveWaitsForItsFirstCommissionedFactoryThenForTheEndOfItsPilotPeriod() {
        ProcessInstance process = rollouts.plan(waveId, MET);

        assertThat(process)
                .isWaitingAt(PilotRolloutProcess.RECEIVE_WAVE_STARTED)
                .variables()
                .containsEntry(PilotRolloutProcess.WAVE_ID, waveId.value())
                .containsEntry(PilotRolloutProcess.YEAR, 2022)
                .containsEntry(PilotRolloutProcess.KIND, "PILOT")
                .containsEntry(PilotRolloutProcess.TARGET_FACTORIES, 5)
                .containsEntry(PilotRolloutProcess.PILOT_MONTHS, 6)
                .containsEntry(PilotRolloutProcess.MIN_UTILISATION, 0.0)
                .containsEntry(PilotRolloutProcess.ENROLLED_FACTORIES, 0)
                .containsEntry(PilotRolloutProcess.EXTENSIONS, 0);

        // a factory still being built is enrolled, but starts nothing
        commands.sendAndWait(new EnrolFactory(waveId, rollouts.proposedFactory(), "officer", false));
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(
                        () -> assertThat(runtime.getVariable(process.getId(), PilotRolloutProcess.ENROLLED_FACTORIES))
                                .isEqualTo(1));
        assertThat(process).isWaitingAt(PilotRolloutProcess.RECEIVE_WAVE_STARTED);

        rollouts.start(waveId, process);

        assertThat(process)
                .hasPassed(PilotRolloutProcess.RECEIVE_WAVE_STARTED)
                .isWaitingAt(PilotRolloutProcess.TIMER_PILOT_PERIOD);
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(process)
                        .variables()
                        .containsEntry(PilotRolloutProcess.ENROLLED_FACTORIES, 2)
                        .containsEntry(PilotRolloutProcess.COMMISSIONED_FACTORIES, 1));
        Date pilotEndsAt = (Date) runtime.getVariable(process.getId(), PilotRolloutProcess.PILOT_ENDS_AT);
        // a Date keeps milliseconds
        assertThat(pilotEndsAtIn(eventStore.payloadOf(waveId.value(), startedSequence())))
                .isEqualTo(pilotEndsAt.toInstant());
        assertThat(rollouts.pilotPeriodTimer(process).getDuedate()).isEqualTo(pilotEndsAt);
    }

    @Test
    void theEndOfThePilotPeriodRecordsTheRecommendationWithTheDecisionVersionAndAsksAnOfficer() {
        ProcessInstance process = rollouts.plan(waveId, MET);
        rollouts.start(waveId, process);

        Task propose = rollouts.endPilotPeriod(waveId, process);

        var decision = repository
                .createDecisionDefinitionQuery()
                .decisionDefinitionKey(ScaleUpEligibilityDecision.KEY)
                .latestVersion()
                .singleResult();
        assertThat(process)
                .hasPassed(PilotRolloutProcess.TIMER_PILOT_PERIOD, PilotRolloutProcess.SERVICE_EVALUATE_WAVE)
                .isWaitingAt(PilotRolloutProcess.USER_PROPOSE_OUTCOME)
                .variables()
                .containsEntry(PilotRolloutProcess.RECOMMENDATION, "SCALE_UP")
                .containsEntry(PilotRolloutProcess.RECOMMENDATION_REASON, "Every KPI threshold was met")
                .containsEntry(PilotRolloutProcess.DECISION_DEFINITION_ID, decision.getId())
                .containsEntry(PilotRolloutProcess.DECISION_VERSION, decision.getVersion())
                .containsEntry(PilotRolloutProcess.EVALUATIONS, 1);
        List<String> events = eventStore.eventTypesOf(waveId.value());
        assertThat(events).endsWith("ScaleUpRecommended");
        assertThat(eventStore.payloadOf(waveId.value(), events.size() - 1))
                .contains(
                        "\"recommendation\":\"SCALE_UP\"",
                        "\"evaluationNo\":1",
                        "\"extensions\":0",
                        "\"decisionKey\":\"scale_up_eligibility\"",
                        "\"decisionDefinitionId\":\"" + decision.getId() + "\"",
                        "\"version\":" + decision.getVersion(),
                        "\"commissionedFactories\":1",
                        "\"kpiEventPosition\":");
        assertThat(rollouts.candidateGroups(propose)).containsExactly("officers");
        // the form offers the recommendation as the outcome and shows why
        Map<String, Object> form = formValues(propose);
        assertThat(form)
                .containsEntry(PilotRolloutProcess.OUTCOME, "SCALE_UP")
                .containsEntry(PilotRolloutProcess.RECOMMENDATION_REASON, "Every KPI threshold was met");
        assertThat((String) form.get(PilotRolloutProcess.KPI_SUMMARY)).contains("commissioned factories 1");
    }

    @Test
    void anApprovedEarlyEvaluationEndsThePilotPeriodNowAndEvaluatesAtOnce() {
        ProcessInstance process = rollouts.plan(waveId, MET);
        rollouts.start(waveId, process);
        awaitKpisStarted();
        Date plannedEnd = rollouts.pilotPeriodTimer(process).getDuedate();

        rollouts.requestEarlyEvaluation(waveId, "the harvest ended early");
        assertThat(process).isWaitingAt(PilotRolloutProcess.TIMER_PILOT_PERIOD);
        rollouts.approveEarlyEvaluation(waveId, 1);

        // the bridge delivers the approval: the pilot period ends and the wave is evaluated in that transaction
        Task propose = await().atMost(Duration.ofSeconds(30))
                .until(() -> rollouts.openTask(waveId, PilotRolloutProcess.USER_PROPOSE_OUTCOME), t -> t != null);
        assertThat(process)
                .hasPassed(
                        PilotRolloutProcess.BOUNDARY_EARLY_EVALUATION_APPROVED,
                        PilotRolloutProcess.XOR_JOIN_EVALUATION,
                        PilotRolloutProcess.SERVICE_EVALUATE_WAVE)
                // the timer was waiting and is cancelled, never reached
                .hasNotPassed(PilotRolloutProcess.END_PILOT_PERIOD_OVER)
                .isWaitingAt(PilotRolloutProcess.USER_PROPOSE_OUTCOME)
                .variables()
                .containsEntry(PilotRolloutProcess.RECOMMENDATION, "SCALE_UP")
                .containsEntry(PilotRolloutProcess.EVALUATIONS, 1);
        assertThat(rollouts.pilotPeriodTimer(process))
                .as("the pilot-period timer is gone")
                .isNull();
        List<String> events = eventStore.eventTypesOf(waveId.value());
        assertThat(events)
                .containsSubsequence("EarlyEvaluationRequested", "EarlyEvaluationApproved", "ScaleUpRecommended");
        Instant approvedAt =
                pilotEndsAtIn(eventStore.payloadOf(waveId.value(), events.indexOf("EarlyEvaluationApproved")));
        assertThat(approvedAt).isBefore(plannedEnd.toInstant());
        assertThat(((Date) runtime.getVariable(process.getId(), PilotRolloutProcess.PILOT_ENDS_AT)).toInstant())
                .isEqualTo(approvedAt);
        // the recommendation covers the pilot period until the day of the approval
        assertThat(eventStore.payloadOf(waveId.value(), events.indexOf("ScaleUpRecommended")))
                .contains("\"periodTo\":\"" + ProgrammeTime.dateOf(approvedAt) + "\"");
        assertThat(propose).isNotNull();
    }

    @Test
    void aDeclinedEarlyEvaluationLeavesThePilotRunningUntilItsTimer() {
        ProcessInstance process = rollouts.plan(waveId, MET);
        rollouts.start(waveId, process);
        Date plannedEnd = rollouts.pilotPeriodTimer(process).getDuedate();

        rollouts.requestEarlyEvaluation(waveId, "the harvest ended early");
        rollouts.declineEarlyEvaluation(waveId, 1, "wait for the second harvest");
        feed.awaitCaughtUp(PilotRolloutBridge.PROCESSING_GROUP);

        assertThat(process).isWaitingAt(PilotRolloutProcess.TIMER_PILOT_PERIOD);
        assertThat(rollouts.pilotPeriodTimer(process).getDuedate()).isEqualTo(plannedEnd);
        assertThat(eventStore.eventTypesOf(waveId.value())).endsWith("EarlyEvaluationDeclined");

        // the pilot period ends as planned
        rollouts.endPilotPeriod(waveId, process);
        assertThat(process)
                .hasPassed(PilotRolloutProcess.TIMER_PILOT_PERIOD, PilotRolloutProcess.END_PILOT_PERIOD_OVER)
                .hasNotPassed(PilotRolloutProcess.BOUNDARY_EARLY_EVALUATION_APPROVED)
                .isWaitingAt(PilotRolloutProcess.USER_PROPOSE_OUTCOME);
    }

    @Test
    void anExtendedPilotMayBeEvaluatedEarlyToo() {
        ProcessInstance process = rollouts.plan(waveId, UNMET);
        rollouts.start(waveId, process);
        rollouts.endPilotPeriod(waveId, process);
        ClockUtil.reset();
        rollouts.propose(waveId, Recommendation.EXTEND_PILOT, null, 3L, null);
        rollouts.approveAllStages(waveId);
        rollouts.awaitWaitingAt(process, PilotRolloutProcess.TIMER_PILOT_PERIOD);

        rollouts.requestEarlyEvaluation(waveId, "the extension already shows the answer");
        rollouts.approveEarlyEvaluation(waveId, 1);

        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(process)
                        .isWaitingAt(PilotRolloutProcess.USER_PROPOSE_OUTCOME)
                        .variables()
                        .containsEntry(PilotRolloutProcess.EVALUATIONS, 2)
                        .containsEntry(PilotRolloutProcess.EXTENSIONS, 1));
        assertThat(eventStore.eventTypesOf(waveId.value()))
                .containsSubsequence("PilotExtended", "EarlyEvaluationApproved", "ScaleUpRecommended");
    }

    @Test
    void aRolloutOfTheModelBeforeEarlyEvaluationEvaluatesAtItsTimerMovedToTheApproval() {
        // release 0.8.0's model is the latest while this wave is planned, the current one again right after
        repository
                .createDeployment()
                .name("pilot_rollout of release 0.8.0")
                .addInputStream(
                        "pilot_rollout.bpmn", getClass().getResourceAsStream("/previous/pilot_rollout-v0.8.0.xml"))
                .deploy();
        ProcessInstance process;
        try {
            process = rollouts.plan(waveId, MET);
        } finally {
            repository
                    .createDeployment()
                    .name("pilot_rollout")
                    .addClasspathResource("bpmn/pilot_rollout.bpmn")
                    .deploy();
        }
        assertThat(hasEarlyEvaluation(process))
                .as("the earlier model has no early evaluation")
                .isFalse();
        rollouts.start(waveId, process);
        awaitKpisStarted();
        Date plannedEnd = rollouts.pilotPeriodTimer(process).getDuedate();

        rollouts.requestEarlyEvaluation(waveId, "the harvest ended early");
        rollouts.approveEarlyEvaluation(waveId, 1);

        Job moved = await().atMost(Duration.ofSeconds(30))
                .until(
                        () -> rollouts.pilotPeriodTimer(process),
                        timer -> timer.getDuedate().before(plannedEnd));
        management.executeJob(moved.getId());
        assertThat(process)
                .hasPassed(PilotRolloutProcess.SERVICE_EVALUATE_WAVE)
                .isWaitingAt(PilotRolloutProcess.USER_PROPOSE_OUTCOME);
        List<String> events = eventStore.eventTypesOf(waveId.value());
        Instant approvedAt =
                pilotEndsAtIn(eventStore.payloadOf(waveId.value(), events.indexOf("EarlyEvaluationApproved")));
        assertThat(moved.getDuedate().toInstant()).isEqualTo(approvedAt);
        assertThat(eventStore.payloadOf(waveId.value(), events.indexOf("ScaleUpRecommended")))
                .contains("\"periodTo\":\"" + ProgrammeTime.dateOf(approvedAt) + "\"");
        // waves planned now start on the current model again
        WaveId next = WaveId.newId();
        assertThat(hasEarlyEvaluation(rollouts.plan(next, MET))).isTrue();
    }

    private boolean hasEarlyEvaluation(ProcessInstance process) {
        ModelElementInstance boundary = repository
                .getBpmnModelInstance(process.getProcessDefinitionId())
                .getModelElementById(PilotRolloutProcess.BOUNDARY_EARLY_EVALUATION_APPROVED);
        return boundary != null;
    }

    private void awaitKpisStarted() {
        await().atMost(Duration.ofSeconds(30))
                .until(
                        () -> queries.query(
                                        new FindWaveKpis(waveId), ResponseTypes.optionalInstanceOf(WaveKpisView.class))
                                .join(),
                        view -> view.isPresent() && view.get().from() != null);
    }

    @Test
    void anApprovedScaleUpPlansTheNextWaveWhichStartsItsOwnRollout() {
        ProcessInstance process = rollouts.plan(waveId, MET);
        rollouts.start(waveId, process);
        rollouts.endPilotPeriod(waveId, process);

        rollouts.propose(waveId, Recommendation.SCALE_UP, 8L, null, null);
        rollouts.approveAllStages(waveId);

        assertThat(process)
                .isEnded()
                .hasPassed(
                        PilotRolloutProcess.CALL_SCALE_UP_APPROVAL,
                        PilotRolloutProcess.SERVICE_PLAN_NEXT_WAVE,
                        PilotRolloutProcess.END_SCALED_UP);
        assertThat(eventStore.eventTypesOf(waveId.value()))
                .endsWith(
                        "ScaleUpProposed",
                        "ProposalStageApproved",
                        "ProposalStageApproved",
                        "ProposalStageApproved",
                        "ScaleUpApproved");
        String nextWaveId = (String) BpmnAwareTests.historyService()
                .createHistoricVariableInstanceQuery()
                .processInstanceId(process.getId())
                .variableName(PilotRolloutProcess.NEXT_WAVE_ID)
                .singleResult()
                .getValue();
        assertThat(eventStore.eventTypesOf(nextWaveId)).containsExactly("WavePlanned");
        assertThat(eventStore.payloadOf(nextWaveId, 0))
                .contains(
                        "\"name\":\"Scale-up wave 2023\"",
                        "\"year\":2023",
                        "\"kind\":\"SCALE_UP\"",
                        "\"targetFactories\":8",
                        "\"pilotMonths\":6",
                        "\"previousWaveId\":{\"value\":\"" + waveId.value() + "\"}",
                        "\"plannedBy\":\"" + EXECUTIVE + "\"");
        ProcessInstance next = await().atMost(Duration.ofSeconds(30))
                .until(() -> rollouts.rollout(new WaveId(nextWaveId)), p -> p != null);
        assertThat(next).isWaitingAt(PilotRolloutProcess.RECEIVE_WAVE_STARTED);
    }

    @Test
    void submittedAsAFormTheOutcomeDefaultsToTheRecommendationAndEachStageNeedsItsDecision() {
        ProcessInstance process = rollouts.plan(waveId, MET);
        rollouts.start(waveId, process);
        Task propose = rollouts.endPilotPeriod(waveId, process);

        // as the task API and Tasklist submit: form fields only, defaults applied, validators run
        submitAs(propose.getId(), PROPOSER, OFFICERS, Map.of(PilotRolloutProcess.PROPOSED_TARGET, 6L));

        assertThat(process)
                .hasPassed(PilotRolloutProcess.SERVICE_PROPOSE_OUTCOME)
                .variables()
                .containsEntry(PilotRolloutProcess.OUTCOME, "SCALE_UP")
                .containsEntry(PilotRolloutProcess.PROPOSED_BY, PROPOSER);
        String regional = rollouts.openTask(waveId, ScaleUpApprovalProcess.USER_REGIONAL_REVIEW)
                .getId();
        assertThatThrownBy(() -> submitAs(regional, REGIONAL_REVIEWER, OFFICERS, Map.of()))
                .hasMessageContaining(ScaleUpApprovalProcess.DECISION);
        submitAs(
                regional,
                REGIONAL_REVIEWER,
                OFFICERS,
                Map.of(ScaleUpApprovalProcess.DECISION, ScaleUpApprovalProcess.APPROVE));
        assertThat(rollouts.openTask(waveId, ScaleUpApprovalProcess.USER_PLANNING_REVIEW))
                .isNotNull();
    }

    @Test
    void anApprovedExtensionRestartsThePilotPeriodAndTheWaveIsEvaluatedAgain() {
        ProcessInstance process = rollouts.plan(waveId, UNMET);
        rollouts.start(waveId, process);
        rollouts.endPilotPeriod(waveId, process);
        assertThat(process).variables().containsEntry(PilotRolloutProcess.RECOMMENDATION, "EXTEND_PILOT");

        rollouts.propose(waveId, Recommendation.EXTEND_PILOT, null, 3L, null);
        rollouts.approveAllStages(waveId);

        assertThat(process).hasPassed(PilotRolloutProcess.CALL_SCALE_UP_APPROVAL);
        rollouts.awaitWaitingAt(process, PilotRolloutProcess.TIMER_PILOT_PERIOD);
        List<String> events = eventStore.eventTypesOf(waveId.value());
        assertThat(events).endsWith("PilotExtended");
        Date pilotEndsAt = (Date) runtime.getVariable(process.getId(), PilotRolloutProcess.PILOT_ENDS_AT);
        String extended = eventStore.payloadOf(waveId.value(), events.size() - 1);
        assertThat(extended).contains("\"extensions\":1", "\"proposalNo\":1");
        assertThat(pilotEndsAtIn(extended)).isEqualTo(pilotEndsAt.toInstant());
        assertThat(process)
                .variables()
                .containsEntry(PilotRolloutProcess.EXTENSIONS, 1)
                .containsEntry(PilotRolloutProcess.PROPOSAL_NO, 1);
        Job timer = rollouts.pilotPeriodTimer(process);
        assertThat(timer.getDuedate()).isEqualTo(pilotEndsAt);

        // the second evaluation counts the extension: quality is still below its threshold
        Task propose = rollouts.endPilotPeriod(waveId, process);
        assertThat(process)
                .variables()
                .containsEntry(PilotRolloutProcess.EVALUATIONS, 2)
                .containsEntry(PilotRolloutProcess.RECOMMENDATION, "STOP")
                .containsEntry(
                        PilotRolloutProcess.RECOMMENDATION_REASON,
                        "Quality stayed below its threshold after an extension");
        assertThat(formValues(propose))
                .containsEntry(PilotRolloutProcess.OUTCOME, "STOP")
                .doesNotContainEntry(PilotRolloutProcess.EXTENSION_MONTHS, 3L);
        int recommended = eventStore.eventTypesOf(waveId.value()).size() - 1;
        assertThat(eventStore.payloadOf(waveId.value(), recommended))
                .contains("\"evaluationNo\":2", "\"extensions\":1", "\"recommendation\":\"STOP\"");

        rollouts.propose(waveId, Recommendation.STOP, null, null, null);
        assertThat(rollouts.openTask(waveId, ScaleUpApprovalProcess.USER_REGIONAL_REVIEW))
                .isNotNull();
        assertThat(runtime.getVariable(process.getId(), PilotRolloutProcess.PROPOSAL_NO))
                .isEqualTo(2);
        rollouts.approveAllStages(waveId);

        assertThat(process)
                .isEnded()
                .hasPassed(PilotRolloutProcess.END_STOPPED)
                .hasNotPassed(PilotRolloutProcess.SERVICE_PLAN_NEXT_WAVE);
        List<String> finalEvents = eventStore.eventTypesOf(waveId.value());
        assertThat(finalEvents).endsWith("WaveStopped");
        assertThat(eventStore.payloadOf(waveId.value(), finalEvents.size() - 1))
                .contains("\"proposalNo\":2", "\"approvedBy\":\"" + EXECUTIVE + "\"");
    }

    @Test
    void anApprovedStopAgainstTheRecommendationEndsTheRollout() {
        ProcessInstance process = rollouts.plan(waveId, MET);
        rollouts.start(waveId, process);
        rollouts.endPilotPeriod(waveId, process);

        rollouts.propose(waveId, Recommendation.STOP, null, null, "Budget moved to another programme");
        rollouts.approveAllStages(waveId);

        assertThat(process).isEnded().hasPassed(PilotRolloutProcess.END_STOPPED);
        List<String> events = eventStore.eventTypesOf(waveId.value());
        assertThat(events).endsWith("WaveStopped").doesNotContain("ScaleUpApproved", "PilotExtended");
        assertThat(eventStore.payloadOf(waveId.value(), events.indexOf("ScaleUpProposed")))
                .contains(
                        "\"outcome\":\"STOP\"",
                        "\"recommended\":\"SCALE_UP\"",
                        "Budget moved to another programme",
                        "\"proposedBy\":\"" + PROPOSER + "\"");
    }

    @Test
    void onlyOfficersProposeAndAProposalMustBeComplete() {
        ProcessInstance process = rollouts.plan(waveId, MET);
        rollouts.start(waveId, process);
        String propose = rollouts.endPilotPeriod(waveId, process).getId();
        long events = eventStore.eventTypesOf(waveId.value()).size();

        assertThatThrownBy(() -> rollouts.completeAs(
                        propose, PLANNER, PLANNERS, Rollouts.proposal(Recommendation.SCALE_UP, 8L, null, null)))
                .satisfiesAnyOf(
                        e -> assertThat(e).isInstanceOf(AuthorizationException.class),
                        e -> assertThat(e).hasRootCauseInstanceOf(NotPermitted.class));
        assertThatThrownBy(() -> rollouts.completeAs(
                        propose,
                        "admin",
                        List.of("admins"),
                        Rollouts.proposal(Recommendation.SCALE_UP, 8L, null, null)))
                .hasRootCauseInstanceOf(NotPermitted.class);
        assertInvalid(
                propose,
                Rollouts.proposal(Recommendation.SCALE_UP, null, null, null),
                PilotRolloutProcess.PROPOSED_TARGET);
        assertInvalid(
                propose,
                Rollouts.proposal(Recommendation.SCALE_UP, 0L, null, null),
                PilotRolloutProcess.PROPOSED_TARGET);
        assertInvalid(
                propose,
                Rollouts.proposal(Recommendation.EXTEND_PILOT, null, 25L, "More time"),
                PilotRolloutProcess.EXTENSION_MONTHS);
        assertInvalid(
                propose,
                Rollouts.proposal(Recommendation.EXTEND_PILOT, null, 3L, " "),
                PilotRolloutProcess.JUSTIFICATION);
        assertInvalid(propose, Map.of(PilotRolloutProcess.OUTCOME, "GROW"), PilotRolloutProcess.OUTCOME);

        assertThat(process).isWaitingAt(PilotRolloutProcess.USER_PROPOSE_OUTCOME);
        assertThat(eventStore.eventTypesOf(waveId.value())).hasSize((int) events);
    }

    private void assertInvalid(String taskId, Map<String, Object> variables, String field) {
        assertThatThrownBy(() -> rollouts.completeAs(taskId, PROPOSER, OFFICERS, variables))
                .hasRootCauseInstanceOf(InvalidField.class)
                .hasMessageContaining(field);
    }

    private void submitAs(String taskId, String user, List<String> groups, Map<String, Object> values) {
        identity.setAuthentication(user, groups);
        try {
            forms.submitTaskForm(taskId, values);
        } finally {
            identity.clearAuthentication();
        }
    }

    private Map<String, Object> formValues(Task task) {
        Map<String, Object> values = new java.util.HashMap<>();
        for (FormField field : forms.getTaskFormData(task.getId()).getFormFields()) {
            values.put(
                    field.getId(),
                    field.getValue() == null ? null : field.getValue().getValue());
        }
        return values;
    }

    /** The event's pilotEndsAt, to the millisecond as the process keeps it. */
    private static Instant pilotEndsAtIn(String payload) {
        Matcher matcher = Pattern.compile("\"pilotEndsAt\":\"([^\"]+)\"").matcher(payload);
        assertThat(matcher.find()).as("pilotEndsAt in " + payload).isTrue();
        return Instant.parse(matcher.group(1)).truncatedTo(ChronoUnit.MILLIS);
    }

    private int startedSequence() {
        return eventStore.eventTypesOf(waveId.value()).indexOf("WaveStarted");
    }
}
