package org.factorysharing.workflows.programme;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.factorysharing.workflows.programme.Rollouts.*;

import java.time.Duration;
import java.time.Period;
import java.util.Date;
import java.util.List;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.queryhandling.QueryGateway;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.factorysharing.api.programme.Recommendation;
import org.factorysharing.api.programme.WaveId;
import org.factorysharing.api.shared.InvalidField;
import org.factorysharing.api.shared.NotPermitted;
import org.factorysharing.testing.EventStoreProbe;
import org.factorysharing.workflows.WorkflowTest;
import org.factorysharing.workflows.programme.ScaleUpApprovalProcess.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Every path of scale_up_approval on the real engine and command side: each test brings its own wave to a
 * scale-up proposal by {@link Rollouts#PROPOSER} (an officer), then decides its stages.
 */
@WorkflowTest
class ScaleUpApprovalProcessTest {

    @Autowired
    ProcessEngine engine;

    @Autowired
    RuntimeService runtime;

    @Autowired
    TaskService tasks;

    @Autowired
    IdentityService identity;

    @Autowired
    ManagementService management;

    @Autowired
    CommandGateway commands;

    @Autowired
    QueryGateway queries;

    @Autowired
    EventStoreProbe eventStore;

    Rollouts rollouts;
    WaveId waveId;
    ProcessInstance rollout;
    ProcessInstance approval;

    @BeforeEach
    void waveWithAScaleUpProposal() {
        BpmnAwareTests.init(engine);
        rollouts = new Rollouts(commands, queries, runtime, tasks, management, identity);
        waveId = WaveId.newId();
        rollout = rollouts.plan(waveId, MET);
        rollouts.start(waveId, rollout);
        rollouts.endPilotPeriod(waveId, rollout);
        rollouts.propose(waveId, Recommendation.SCALE_UP, 8L, null, null);
        approval = runtime.createProcessInstanceQuery()
                .superProcessInstanceId(rollout.getId())
                .singleResult();
    }

    @AfterEach
    void resetClockAndUser() {
        ClockUtil.reset();
        identity.clearAuthentication();
    }

    @Test
    void theProposalPassesItsThreeStagesInOrderEachWithItsGroupAndDueDate() {
        assertThat(approval)
                .isNotNull()
                .hasProcessDefinitionKey(ScaleUpApprovalProcess.KEY)
                .hasBusinessKey(waveId.value())
                .isWaitingAt(ScaleUpApprovalProcess.USER_REGIONAL_REVIEW)
                .variables()
                .containsEntry(ScaleUpApprovalProcess.PROPOSAL_NO, 1)
                .containsEntry(ScaleUpApprovalProcess.PROPOSED_BY, PROPOSER)
                .containsEntry(ScaleUpApprovalProcess.OUTCOME, "SCALE_UP")
                .containsEntry(ScaleUpApprovalProcess.PROPOSED_TARGET, 8L);
        assertThat(eventStore.eventTypesOf(waveId.value())).endsWith("ScaleUpProposed");

        for (Stage stage : ScaleUpApprovalProcess.STAGES) {
            Task task = rollouts.openTask(waveId, stage.userTask());
            assertThat(rollouts.candidateGroups(task)).as(stage.userTask()).containsExactly(stage.group());
            assertThat(task.getDueDate()).isEqualTo(after(task.getCreateTime(), stage.period()));
            assertThat(timerOf(stage).getDuedate()).isEqualTo(task.getDueDate());
            assertThat(task.getPriority()).isEqualTo(50);
            rollouts.approve(waveId, stage.userTask(), approverOf(stage), groupsOf(stage));
            assertThat(approval).hasPassed(stage.userTask());
        }

        assertThat(approval)
                .isEnded()
                .hasPassed(ScaleUpApprovalProcess.END_APPROVED)
                .hasNotPassed(ScaleUpApprovalProcess.END_REJECTED);
        List<String> events = eventStore.eventTypesOf(waveId.value());
        assertThat(events)
                .endsWith("ProposalStageApproved", "ProposalStageApproved", "ProposalStageApproved", "ScaleUpApproved");
        int first = events.indexOf("ProposalStageApproved");
        assertThat(eventStore.payloadOf(waveId.value(), first))
                .contains(
                        "\"stage\":\"REGIONAL_REVIEW\"",
                        "\"approvedBy\":\"" + REGIONAL_REVIEWER + "\"",
                        "\"proposalNo\":1",
                        "\"comment\":\"fine\"");
        assertThat(eventStore.payloadOf(waveId.value(), first + 1))
                .contains("\"stage\":\"PLANNING_REVIEW\"", "\"approvedBy\":\"" + PLANNER + "\"");
        assertThat(eventStore.payloadOf(waveId.value(), first + 2))
                .contains("\"stage\":\"FINAL_APPROVAL\"", "\"approvedBy\":\"" + EXECUTIVE + "\"");
        assertThat(eventStore.payloadOf(waveId.value(), first + 3)).contains("\"approvedTarget\":8");
    }

    @ParameterizedTest(name = "rejected at stage {0}")
    @ValueSource(ints = {0, 1, 2})
    void aRejectionAtAnyStageEndsTheProposalAndTheRolloutWithTheReason(int rejectingStage) {
        for (Stage stage : ScaleUpApprovalProcess.STAGES.subList(0, rejectingStage)) {
            rollouts.approve(waveId, stage.userTask(), approverOf(stage), groupsOf(stage));
        }
        Stage stage = ScaleUpApprovalProcess.STAGES.get(rejectingStage);
        String taskId = rollouts.openTask(waveId, stage.userTask()).getId();
        int before = eventStore.eventTypesOf(waveId.value()).size();

        assertThatThrownBy(() -> rollouts.completeAs(
                        taskId,
                        approverOf(stage),
                        groupsOf(stage),
                        Rollouts.decision(ScaleUpApprovalProcess.REJECT, "  ")))
                .hasRootCauseInstanceOf(InvalidField.class)
                .hasMessageContaining(ScaleUpApprovalProcess.COMMENT);
        assertThatThrownBy(() -> rollouts.completeAs(
                        taskId, approverOf(stage), groupsOf(stage), Rollouts.decision("MAYBE", null)))
                .hasRootCauseInstanceOf(InvalidField.class)
                .hasMessageContaining(ScaleUpApprovalProcess.DECISION);
        assertThat(eventStore.eventTypesOf(waveId.value())).hasSize(before);

        rollouts.completeAs(
                taskId,
                approverOf(stage),
                groupsOf(stage),
                Rollouts.decision(ScaleUpApprovalProcess.REJECT, "Regions not ready for more factories"));

        assertThat(approval)
                .isEnded()
                .hasPassed(ScaleUpApprovalProcess.END_REJECTED)
                .hasNotPassed(ScaleUpApprovalProcess.END_APPROVED);
        assertThat(rollout)
                .isEnded()
                .hasPassed(PilotRolloutProcess.END_REJECTED)
                .hasNotPassed(PilotRolloutProcess.SERVICE_PLAN_NEXT_WAVE);
        List<String> events = eventStore.eventTypesOf(waveId.value());
        assertThat(events).hasSize(before + 1).endsWith("ProposalRejected");
        assertThat(eventStore.payloadOf(waveId.value(), before))
                .contains(
                        "\"stage\":\"" + stage.stage() + "\"",
                        "\"reason\":\"Regions not ready for more factories\"",
                        "\"rejectedBy\":\"" + approverOf(stage) + "\"",
                        "\"proposalNo\":1");
        assertThat(BpmnAwareTests.historyService()
                        .createHistoricVariableInstanceQuery()
                        .processInstanceId(rollout.getId())
                        .variableName(PilotRolloutProcess.REJECTED_STAGE)
                        .singleResult()
                        .getValue())
                .isEqualTo(stage.stage().name());
    }

    @ParameterizedTest(name = "stage {0} overdue")
    @ValueSource(ints = {0, 1, 2})
    void aStagePastItsDueDateIsEscalatedToSupervisorsWhoMayThenDecideIt(int overdueStage) {
        for (Stage stage : ScaleUpApprovalProcess.STAGES.subList(0, overdueStage)) {
            rollouts.approve(waveId, stage.userTask(), approverOf(stage), groupsOf(stage));
        }
        Stage stage = ScaleUpApprovalProcess.STAGES.get(overdueStage);
        Task task = rollouts.openTask(waveId, stage.userTask());
        // a supervisor is not a candidate before the due date
        assertThatThrownBy(() -> rollouts.completeAs(
                        task.getId(), SUPERVISOR, SUPERVISORS, Rollouts.decision(ScaleUpApprovalProcess.APPROVE, null)))
                .satisfies(ScaleUpApprovalProcessTest::isRefusal);
        Job timer = timerOf(stage);
        ClockUtil.setCurrentTime(Date.from(timer.getDuedate().toInstant().plusSeconds(60)));

        management.executeJob(timer.getId());

        Task escalated = rollouts.openTask(waveId, stage.userTask());
        assertThat(escalated.getId()).isEqualTo(task.getId());
        assertThat(rollouts.candidateGroups(escalated)).containsExactlyInAnyOrder(stage.group(), "supervisors");
        assertThat(escalated.getPriority()).isEqualTo(EscalateApprovalStageDelegate.ESCALATED_PRIORITY);
        assertThat(approval).hasPassed(stage.escalationService()).isWaitingAt(stage.userTask());
        List<String> events = eventStore.eventTypesOf(waveId.value());
        assertThat(events).endsWith("ProposalStageEscalated");
        assertThat(eventStore.payloadOf(waveId.value(), events.size() - 1))
                .contains("\"stage\":\"" + stage.stage() + "\"", "\"escalatedTo\":\"supervisors\"", "\"proposalNo\":1");

        rollouts.completeAs(
                escalated.getId(),
                SUPERVISOR,
                SUPERVISORS,
                Rollouts.decision(ScaleUpApprovalProcess.APPROVE, "Overdue: approved by the supervisor"));

        assertThat(eventStore.eventTypesOf(waveId.value()).get(events.size())).isEqualTo("ProposalStageApproved");
        assertThat(eventStore.payloadOf(waveId.value(), events.size()))
                .contains("\"approvedBy\":\"" + SUPERVISOR + "\"", "\"stage\":\"" + stage.stage() + "\"");
        if (overdueStage < 2) {
            Task next = rollouts.openTask(
                    waveId, ScaleUpApprovalProcess.STAGES.get(overdueStage + 1).userTask());
            assertThat(next.getPriority()).as("the next stage starts afresh").isEqualTo(50);
            assertThat(rollouts.candidateGroups(next)).doesNotContain("supervisors");
        } else {
            assertThat(approval).isEnded().hasPassed(ScaleUpApprovalProcess.END_APPROVED);
        }
    }

    @Test
    void fourEyesTheProposerNeverDecidesAndNobodyDecidesTwoStages() {
        String regional = rollouts.openTask(waveId, ScaleUpApprovalProcess.USER_REGIONAL_REVIEW)
                .getId();
        int before = eventStore.eventTypesOf(waveId.value()).size();

        assertThatThrownBy(() -> rollouts.completeAs(
                        regional, PROPOSER, OFFICERS, Rollouts.decision(ScaleUpApprovalProcess.APPROVE, null)))
                .hasRootCauseInstanceOf(NotPermitted.class)
                .hasMessageContaining("four-eyes");
        assertThatThrownBy(() -> rollouts.completeAs(
                        regional,
                        PROPOSER,
                        OFFICERS,
                        Rollouts.decision(ScaleUpApprovalProcess.REJECT, "My own proposal after all")))
                .hasRootCauseInstanceOf(NotPermitted.class)
                .hasMessageContaining("four-eyes");
        assertThat(approval).isWaitingAt(ScaleUpApprovalProcess.USER_REGIONAL_REVIEW);
        assertThat(eventStore.eventTypesOf(waveId.value())).hasSize(before);

        // the regional reviewer is a planner too, and still may not decide the planning review
        List<String> officerAndPlanner = List.of("officers", "planners");
        rollouts.completeAs(
                regional,
                REGIONAL_REVIEWER,
                officerAndPlanner,
                Rollouts.decision(ScaleUpApprovalProcess.APPROVE, null));
        String planning = rollouts.openTask(waveId, ScaleUpApprovalProcess.USER_PLANNING_REVIEW)
                .getId();
        int afterRegional = eventStore.eventTypesOf(waveId.value()).size();
        assertThatThrownBy(() -> rollouts.completeAs(
                        planning,
                        REGIONAL_REVIEWER,
                        officerAndPlanner,
                        Rollouts.decision(ScaleUpApprovalProcess.APPROVE, null)))
                .hasRootCauseInstanceOf(NotPermitted.class)
                .hasMessageContaining("four-eyes")
                .hasMessageContaining("regional review");
        // the proposer is a planner too: still not
        assertThatThrownBy(() -> rollouts.completeAs(
                        planning,
                        PROPOSER,
                        List.of("officers", "planners"),
                        Rollouts.decision(ScaleUpApprovalProcess.APPROVE, null)))
                .hasRootCauseInstanceOf(NotPermitted.class)
                .hasMessageContaining("four-eyes");

        assertThat(approval).isWaitingAt(ScaleUpApprovalProcess.USER_PLANNING_REVIEW);
        assertThat(eventStore.eventTypesOf(waveId.value())).hasSize(afterRegional);
    }

    @Test
    void onlyTheStagesGroupDecidesIt() {
        String regional = rollouts.openTask(waveId, ScaleUpApprovalProcess.USER_REGIONAL_REVIEW)
                .getId();
        int before = eventStore.eventTypesOf(waveId.value()).size();

        // a planner or executive is stopped by the engine's authorisations, an admin (who passes them) by the process
        assertThatThrownBy(() -> rollouts.completeAs(
                        regional, PLANNER, PLANNERS, Rollouts.decision(ScaleUpApprovalProcess.APPROVE, null)))
                .satisfies(ScaleUpApprovalProcessTest::isRefusal);
        assertThatThrownBy(() -> rollouts.completeAs(
                        regional, "admin", List.of("admins"), Rollouts.decision(ScaleUpApprovalProcess.APPROVE, null)))
                .hasRootCauseInstanceOf(NotPermitted.class);
        rollouts.approve(waveId, ScaleUpApprovalProcess.USER_REGIONAL_REVIEW, REGIONAL_REVIEWER, OFFICERS);

        String planning = rollouts.openTask(waveId, ScaleUpApprovalProcess.USER_PLANNING_REVIEW)
                .getId();
        assertThatThrownBy(() -> rollouts.completeAs(
                        planning, "officer-fajar", OFFICERS, Rollouts.decision(ScaleUpApprovalProcess.APPROVE, null)))
                .satisfies(ScaleUpApprovalProcessTest::isRefusal);
        assertThatThrownBy(() -> rollouts.completeAs(
                        planning, EXECUTIVE, EXECUTIVES, Rollouts.decision(ScaleUpApprovalProcess.APPROVE, null)))
                .satisfies(ScaleUpApprovalProcessTest::isRefusal);
        rollouts.approve(waveId, ScaleUpApprovalProcess.USER_PLANNING_REVIEW, PLANNER, PLANNERS);

        String finalApproval = rollouts.openTask(waveId, ScaleUpApprovalProcess.USER_FINAL_APPROVAL)
                .getId();
        assertThatThrownBy(() -> rollouts.completeAs(
                        finalApproval,
                        "planner-gita",
                        PLANNERS,
                        Rollouts.decision(ScaleUpApprovalProcess.APPROVE, null)))
                .satisfies(ScaleUpApprovalProcessTest::isRefusal);

        assertThat(approval).isWaitingAt(ScaleUpApprovalProcess.USER_FINAL_APPROVAL);
        assertThat(eventStore.eventTypesOf(waveId.value())).hasSize(before + 2);
    }

    /** Refused by the engine's authorisations or by the process's own listener. */
    private static void isRefusal(Throwable e) {
        assertThat(e)
                .satisfiesAnyOf(
                        t -> assertThat(t).isInstanceOf(AuthorizationException.class),
                        t -> assertThat(t).hasRootCauseInstanceOf(NotPermitted.class));
    }

    private Job timerOf(Stage stage) {
        String timerId = stage.userTask().replace("user_", "timer_") + "_overdue";
        return management
                .createJobQuery()
                .processInstanceId(approval.getId())
                .timers()
                .activityId(timerId)
                .singleResult();
    }

    private static Date after(Date start, String period) {
        return Date.from(
                start.toInstant().plus(Duration.ofDays(Period.parse(period).getDays())));
    }

    private static String approverOf(Stage stage) {
        return switch (stage.stage()) {
            case REGIONAL_REVIEW -> REGIONAL_REVIEWER;
            case PLANNING_REVIEW -> PLANNER;
            case FINAL_APPROVAL -> EXECUTIVE;
        };
    }

    private static List<String> groupsOf(Stage stage) {
        return List.of(stage.group());
    }
}
