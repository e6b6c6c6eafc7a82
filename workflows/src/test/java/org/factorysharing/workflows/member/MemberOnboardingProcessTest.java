package org.factorysharing.workflows.member;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.factorysharing.api.member.MemberId;
import org.factorysharing.api.shared.Groups;
import org.factorysharing.api.shared.InvalidField;
import org.factorysharing.api.shared.NotPermitted;
import org.factorysharing.testing.EventStoreProbe;
import org.factorysharing.testing.TestData;
import org.factorysharing.workflows.WorkflowTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;

/** Every path of member_onboarding on the real engine, command side and PostgreSQL. */
@WorkflowTest
class MemberOnboardingProcessTest {

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
    DecisionService decisions;

    @Autowired
    CommandGateway commands;

    @Autowired
    EventStoreProbe eventStore;

    MemberId memberId;
    ProcessInstance process;

    @BeforeEach
    void registerMember() {
        BpmnAwareTests.init(engine);
        memberId = MemberId.newId();
        commands.sendAndWait(TestData.registerMember(memberId, TestData.nib()));
        // the registration event starts the process through a streaming event processor
        process = await().atMost(Duration.ofSeconds(30))
                .until(
                        () -> runtime.createProcessInstanceQuery()
                                .processDefinitionKey(MemberOnboardingProcess.KEY)
                                .processInstanceBusinessKey(memberId.value())
                                .singleResult(),
                        p -> p != null);
    }

    @AfterEach
    void resetClockAndUser() {
        ClockUtil.reset();
        identity.clearAuthentication();
    }

    @Test
    void registrationIsScreenedAndWaitsForAnOfficer() {
        assertThat(process)
                .hasPassed(MemberOnboardingProcess.RULE_SCREEN)
                .isWaitingAt(MemberOnboardingProcess.USER_VERIFY_DOCUMENTS)
                .hasVariables(
                        MemberOnboardingProcess.MEMBER_ID,
                        MemberOnboardingProcess.NIB,
                        MemberOnboardingProcess.BUSINESS_NAME,
                        MemberOnboardingProcess.SCALE);
        assertThat(runtime.getVariables(process.getId())).doesNotContainKeys("ownerNik", "nik");
        Task verify = task(process);
        assertThat(verify).hasCandidateGroup(Groups.OFFICERS).isNotAssigned();
        assertThat(verify.getPriority()).isEqualTo(80); // MICRO: first priority
        assertThat(verify.getDueDate())
                .isAfter(Date.from(Instant.now().plus(Duration.ofDays(4))))
                .isBefore(Date.from(Instant.now().plus(Duration.ofDays(6))));
    }

    @Test
    void approvalVerifiesTheMember() {
        completeAs("officer", List.of("officers"), Map.of(MemberOnboardingProcess.APPROVED, true));

        assertThat(process)
                .hasPassed(MemberOnboardingProcess.SERVICE_VERIFY_MEMBER)
                .isEnded()
                .hasPassed(MemberOnboardingProcess.END_VERIFIED);
        assertThat(eventStore.eventTypesOf(memberId.value())).containsExactly("MemberRegistered", "MemberVerified");
        assertThat(eventStore.payloadOf(memberId.value(), 1)).contains("\"verifiedBy\":\"officer\"");
    }

    @Test
    void rejectionRejectsTheMemberWithTheOfficersReason() {
        completeAs(
                "officer",
                List.of("officers"),
                Map.of(
                        MemberOnboardingProcess.APPROVED,
                        false,
                        MemberOnboardingProcess.REJECTION_REASON,
                        "NIB does not match the business name"));

        assertThat(process)
                .isEnded()
                .hasPassed(MemberOnboardingProcess.SERVICE_REJECT_MEMBER, MemberOnboardingProcess.END_REJECTED);
        assertThat(eventStore.eventTypesOf(memberId.value())).containsExactly("MemberRegistered", "MemberRejected");
        assertThat(eventStore.payloadOf(memberId.value(), 1)).contains("NIB does not match the business name");
    }

    @Test
    void rejectionWithoutReasonIsRefusedAndChangesNothing() {
        assertThatThrownBy(() ->
                        completeAs("officer", List.of("officers"), Map.of(MemberOnboardingProcess.APPROVED, false)))
                .hasRootCauseInstanceOf(InvalidField.class)
                .hasMessageContaining(MemberOnboardingProcess.REJECTION_REASON);

        assertNothingChanged();
    }

    @Test
    void onlyOfficersOrSupervisorsMayDecide() {
        // an auditor is stopped by the engine's authorisations, an admin (who passes them) by the process
        assertThatThrownBy(() ->
                        completeAs("auditor", List.of("auditors"), Map.of(MemberOnboardingProcess.APPROVED, true)))
                .satisfies(MemberOnboardingProcessTest::isRefusal);
        assertThatThrownBy(() -> completeAs("admin", List.of("admins"), Map.of(MemberOnboardingProcess.APPROVED, true)))
                .hasRootCauseInstanceOf(NotPermitted.class);

        assertNothingChanged();
    }

    @Test
    void supervisorsMayNotDecideBeforeTheCheckIsOverdue() {
        assertThatThrownBy(() -> completeAs(
                        "supervisor", List.of("supervisors"), Map.of(MemberOnboardingProcess.APPROVED, true)))
                .satisfies(MemberOnboardingProcessTest::isRefusal);

        assertNothingChanged();
    }

    @Test
    void overdueVerificationIsEscalatedToSupervisorsWhoMayThenDecide() {
        Task verify = task(process);
        ClockUtil.setCurrentTime(Date.from(Instant.now().plus(Duration.ofDays(6))));
        Job timer = management
                .createJobQuery()
                .processInstanceId(process.getId())
                .timers()
                .singleResult();
        assertThat(timer.getDuedate()).isCloseTo(verify.getDueDate(), 1000);

        management.executeJob(timer.getId());

        assertThat(process)
                .hasPassed(
                        MemberOnboardingProcess.TIMER_VERIFICATION_OVERDUE,
                        MemberOnboardingProcess.SERVICE_ESCALATE,
                        MemberOnboardingProcess.END_ESCALATED)
                .isWaitingAt(MemberOnboardingProcess.USER_VERIFY_DOCUMENTS)
                .variables()
                .containsEntry(MemberOnboardingProcess.ESCALATED, true);
        Task escalated = task(process);
        assertThat(escalated.getId()).isEqualTo(verify.getId());
        assertThat(escalated.getPriority()).isEqualTo(EscalateVerificationDelegate.ESCALATED_PRIORITY);
        assertThat(tasks.getIdentityLinksForTask(escalated.getId()).stream().map(IdentityLink::getGroupId))
                .contains(Groups.OFFICERS, Groups.SUPERVISORS);

        completeAs("supervisor", List.of("supervisors"), Map.of(MemberOnboardingProcess.APPROVED, true));

        assertThat(process).isEnded().hasPassed(MemberOnboardingProcess.END_VERIFIED);
        assertThat(eventStore.payloadOf(memberId.value(), 1)).contains("\"verifiedBy\":\"supervisor\"");
    }

    @Test
    void verificationWithinTheDueDateIsNotEscalated() {
        completeAs("officer", List.of("officers"), Map.of(MemberOnboardingProcess.APPROVED, true));

        assertThat(process).isEnded().hasNotPassed(MemberOnboardingProcess.SERVICE_ESCALATE);
        assertThat(management
                        .createJobQuery()
                        .processInstanceId(process.getId())
                        .count())
                .isZero();
    }

    @ParameterizedTest(name = "{0} -> priority {1}, {2} days")
    @CsvSource({"MICRO, 80, 5", "SMALL, 60, 7", "MEDIUM, 40, 10"})
    void screeningTableSetsPriorityAndVerificationPeriodByScale(String scale, int priority, int days) {
        Map<String, Object> result = decisions
                .evaluateDecisionTableByKey(MemberOnboardingProcess.SCREENING_DECISION)
                .variables(Map.of(MemberOnboardingProcess.SCALE, scale))
                .evaluate()
                .getSingleResult()
                .getEntryMap();

        assertThat(result).containsEntry("priority", priority).containsEntry("verificationDays", days);
    }

    /** Refused by the engine's authorisations or by the process's own listener. */
    private static void isRefusal(Throwable e) {
        assertThat(e)
                .satisfiesAnyOf(
                        t -> assertThat(t).isInstanceOf(AuthorizationException.class),
                        t -> assertThat(t).hasRootCauseInstanceOf(NotPermitted.class));
    }

    /** The task is still open and no event beyond the registration was written. */
    private void assertNothingChanged() {
        assertThat(process).isWaitingAt(MemberOnboardingProcess.USER_VERIFY_DOCUMENTS);
        assertThat(eventStore.eventTypesOf(memberId.value())).containsExactly("MemberRegistered");
    }

    private void completeAs(String user, List<String> groups, Map<String, Object> variables) {
        VariableMap values = Variables.fromMap(variables);
        String taskId = task(process).getId();
        identity.setAuthentication(user, groups);
        try {
            tasks.complete(taskId, values);
        } finally {
            identity.clearAuthentication();
        }
    }
}
