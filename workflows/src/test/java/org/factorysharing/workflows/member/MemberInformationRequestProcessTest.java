package org.factorysharing.workflows.member;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
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
import org.camunda.bpm.engine.variable.Variables;
import org.factorysharing.api.member.DocumentKind;
import org.factorysharing.api.member.MemberCommands.AttachMemberDocument;
import org.factorysharing.api.member.MemberCommands.RegisterMember;
import org.factorysharing.api.member.MemberCommands.ResubmitMemberApplication;
import org.factorysharing.api.member.MemberId;
import org.factorysharing.api.shared.ActorMetaData;
import org.factorysharing.api.shared.BusinessRuleViolation;
import org.factorysharing.api.shared.Groups;
import org.factorysharing.api.shared.InvalidField;
import org.factorysharing.api.shared.NotPermitted;
import org.factorysharing.testing.EventStoreProbe;
import org.factorysharing.testing.TestData;
import org.factorysharing.workflows.WorkflowTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The third answer of "Verify documents", needs more information, on the real engine, command side and PostgreSQL:
 * the note goes to the applicant, the process waits for the application to come back (or for the answer period to
 * end) and returns to the officers' verification.
 */
@WorkflowTest
class MemberInformationRequestProcessTest {

    private static final String NOTE = "Foto KTP kurang jelas; unggah pindaian yang lebih tajam.";
    private static final byte[] PDF = "%PDF-1.4\n% a sharper KTP scan\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);

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
    EventStoreProbe eventStore;

    @Autowired
    MemberOnboardingSettings settings;

    MemberId memberId;
    String login;
    ProcessInstance process;

    @BeforeEach
    void registerMemberWithItsOwnLogin() {
        BpmnAwareTests.init(engine);
        memberId = MemberId.newId();
        login = "umkm-" + UUID.randomUUID().toString().substring(0, 8);
        RegisterMember registration = TestData.registerMember(memberId, TestData.nib());
        commands.sendAndWait(new RegisterMember(
                memberId,
                registration.nib(),
                registration.businessName(),
                registration.ownerName(),
                registration.ownerNik(),
                registration.sector(),
                registration.province(),
                registration.regency(),
                registration.scale(),
                registration.contactPhone(),
                registration.contactEmail(),
                login));
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
    void askingForMoreSendsTheNoteToTheApplicantAndWaitsForTheAnswer() {
        askForMore("officer");

        assertThat(process)
                .hasPassed(MemberOnboardingProcess.SERVICE_REQUEST_INFORMATION)
                .isWaitingAt(MemberOnboardingProcess.EVENT_AWAIT_MEMBER)
                .hasNotPassed(MemberOnboardingProcess.SERVICE_REJECT_MEMBER);
        assertThat(tasks.createTaskQuery().processInstanceId(process.getId()).count())
                .isZero();
        assertThat(eventStore.eventTypesOf(memberId.value()))
                .containsExactly("MemberRegistered", "MemberAccountLinked", "MemberInformationRequested");
        assertThat(eventStore.payloadOf(memberId.value(), 2)).contains(NOTE, "\"requestedBy\":\"officer\"");
        // the next round starts without the last decision
        assertThat(runtime.getVariables(process.getId()))
                .doesNotContainKeys(
                        MemberOnboardingProcess.APPROVED,
                        MemberOnboardingProcess.REJECTION_REASON,
                        MemberOnboardingProcess.INFORMATION_REQUEST,
                        MemberOnboardingProcess.DECIDED_BY)
                .containsEntry(MemberOnboardingProcess.INFORMATION_ROUNDS, 1);
    }

    @Test
    void theApplicantsAnswerBringsTheApplicationBackToTheOfficersWhoVerify() {
        askForMore("officer");

        attachDocument();
        commands.sendAndWait(GenericCommandMessage.asCommandMessage(new ResubmitMemberApplication(memberId, login))
                .withMetaData(asMember()));

        // the bridge delivers the answer to the waiting process
        Task again = awaitVerificationTask();
        assertThat(process)
                .hasPassed(MemberOnboardingProcess.MESSAGE_RESUBMITTED)
                .hasNotPassed(MemberOnboardingProcess.TIMER_MEMBER_SILENT);
        assertThat(again).hasCandidateGroup(Groups.OFFICERS).isNotAssigned();
        assertThat(management
                        .createJobQuery()
                        .processInstanceId(process.getId())
                        .timers()
                        .list())
                .as("the answer period's timer is gone; only the verification's own due-date timer is left")
                .singleElement()
                .satisfies(job -> assertThat(job.getDuedate()).isCloseTo(again.getDueDate(), 1000));

        completeAs("officer2", List.of(Groups.OFFICERS), Map.of(MemberOnboardingProcess.APPROVED, true));

        assertThat(process).isEnded().hasPassed(MemberOnboardingProcess.END_VERIFIED);
        assertThat(eventStore.eventTypesOf(memberId.value()))
                .containsExactly(
                        "MemberRegistered",
                        "MemberAccountLinked",
                        "MemberInformationRequested",
                        "MemberDocumentAttached",
                        "MemberApplicationResubmitted",
                        "MemberVerified");
    }

    @Test
    void withoutAnAnswerInTheSettingsPeriodTheRequestExpiresAndTheOfficersDecide() {
        Instant askedAt = Instant.now();
        askForMore("officer");
        Job timer = management
                .createJobQuery()
                .processInstanceId(process.getId())
                .timers()
                .singleResult();
        assertThat(settings.answerPeriod()).isEqualTo(Duration.ofDays(14));
        assertThat(timer.getDuedate())
                .isCloseTo(
                        Date.from(askedAt.plus(settings.answerPeriod())),
                        Duration.ofMinutes(1).toMillis());

        ClockUtil.setCurrentTime(Date.from(askedAt.plus(settings.answerPeriod()).plusSeconds(60)));
        management.executeJob(timer.getId());

        assertThat(process)
                .hasPassed(
                        MemberOnboardingProcess.TIMER_MEMBER_SILENT,
                        MemberOnboardingProcess.SERVICE_EXPIRE_INFORMATION_REQUEST)
                .hasNotPassed(MemberOnboardingProcess.MESSAGE_RESUBMITTED)
                .isWaitingAt(MemberOnboardingProcess.USER_VERIFY_DOCUMENTS)
                .variables()
                .containsEntry(MemberOnboardingProcess.MEMBER_SILENT, true);
        assertThat(eventStore.eventTypesOf(memberId.value())).endsWith("MemberInformationRequestExpired");

        // a late answer is refused: the application is with the officers again
        attachDocument();
        assertThatThrownBy(() -> commands.sendAndWait(
                        GenericCommandMessage.asCommandMessage(new ResubmitMemberApplication(memberId, login))
                                .withMetaData(asMember())))
                .isInstanceOf(BusinessRuleViolation.class);

        completeAs(
                "officer",
                List.of(Groups.OFFICERS),
                Map.of(
                        MemberOnboardingProcess.APPROVED,
                        false,
                        MemberOnboardingProcess.REJECTION_REASON,
                        "Tidak ada jawaban dalam 14 hari"));
        assertThat(process).isEnded().hasPassed(MemberOnboardingProcess.END_REJECTED);
    }

    @Test
    void anAnswerAfterAnEscalationComesBackAsAFreshVerificationForOfficersOnly() {
        ClockUtil.setCurrentTime(Date.from(Instant.now().plus(Duration.ofDays(6))));
        Job overdue = management
                .createJobQuery()
                .processInstanceId(process.getId())
                .timers()
                .singleResult();
        management.executeJob(overdue.getId());
        // once escalated, a supervisor may give any of the three answers
        askForMore("supervisor");
        assertThat(eventStore.payloadOf(memberId.value(), 2)).contains("\"requestedBy\":\"supervisor\"");

        attachDocument();
        commands.sendAndWait(GenericCommandMessage.asCommandMessage(new ResubmitMemberApplication(memberId, login))
                .withMetaData(asMember()));
        Task again = awaitVerificationTask();

        assertThat(again.getPriority()).isEqualTo(80);
        assertThat(tasks.getIdentityLinksForTask(again.getId()).stream().map(IdentityLink::getGroupId))
                .containsExactly(Groups.OFFICERS);
        assertThat(runtime.getVariable(process.getId(), MemberOnboardingProcess.ESCALATED))
                .isEqualTo(false);
        assertThatThrownBy(() -> completeAs(
                        "supervisor", List.of(Groups.SUPERVISORS), Map.of(MemberOnboardingProcess.APPROVED, true)))
                .satisfies(e -> assertThat(e)
                        .satisfiesAnyOf(
                                t -> assertThat(t).isInstanceOf(org.camunda.bpm.engine.AuthorizationException.class),
                                t -> assertThat(t).hasRootCauseInstanceOf(NotPermitted.class)));
    }

    @Test
    void approvalWithANoteIsRefusedAndChangesNothing() {
        assertThatThrownBy(() -> completeAs(
                        "officer",
                        List.of(Groups.OFFICERS),
                        Map.of(
                                MemberOnboardingProcess.APPROVED,
                                true,
                                MemberOnboardingProcess.INFORMATION_REQUEST,
                                NOTE)))
                .hasRootCauseInstanceOf(InvalidField.class)
                .hasMessageContaining(MemberOnboardingProcess.INFORMATION_REQUEST);

        assertNothingChanged();
    }

    @Test
    void aReasonAndANoteTogetherAreRefusedAndChangeNothing() {
        assertThatThrownBy(() -> completeAs(
                        "officer",
                        List.of(Groups.OFFICERS),
                        Map.of(
                                MemberOnboardingProcess.APPROVED,
                                false,
                                MemberOnboardingProcess.REJECTION_REASON,
                                "NIB palsu",
                                MemberOnboardingProcess.INFORMATION_REQUEST,
                                NOTE)))
                .hasRootCauseInstanceOf(InvalidField.class)
                .hasMessageContaining("not both");

        assertNothingChanged();
    }

    @Test
    void aBlankNoteIsNoRequestAndWithoutAReasonIsRefused() {
        assertThatThrownBy(() -> completeAs(
                        "officer",
                        List.of(Groups.OFFICERS),
                        Map.of(
                                MemberOnboardingProcess.APPROVED,
                                false,
                                MemberOnboardingProcess.INFORMATION_REQUEST,
                                "   ")))
                .hasRootCauseInstanceOf(InvalidField.class)
                .hasMessageContaining(MemberOnboardingProcess.REJECTION_REASON);

        assertNothingChanged();
    }

    @Test
    void theAnswerPeriodMustBeAPositiveIsoDuration() {
        assertThat(new MemberOnboardingSettings("P30D").answerPeriod()).isEqualTo(Duration.ofDays(30));
        assertThat(new MemberOnboardingSettings(" PT36H ").getAnswerPeriod()).isEqualTo("PT36H");
        assertThatThrownBy(() -> new MemberOnboardingSettings("P0D")).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> new MemberOnboardingSettings("-P1D")).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> new MemberOnboardingSettings("14 days"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("P14D");
    }

    private void askForMore(String officer) {
        completeAs(
                officer,
                List.of(officer.equals("supervisor") ? Groups.SUPERVISORS : Groups.OFFICERS),
                Map.of(MemberOnboardingProcess.APPROVED, false, MemberOnboardingProcess.INFORMATION_REQUEST, NOTE));
    }

    private void attachDocument() {
        commands.sendAndWait(GenericCommandMessage.asCommandMessage(new AttachMemberDocument(
                        memberId, UUID.randomUUID().toString(), DocumentKind.OWNER_ID_CARD, "ktp-baru.pdf", PDF, login))
                .withMetaData(asMember()));
    }

    private Map<String, Object> asMember() {
        return Map.of(ActorMetaData.USER_ID, login, ActorMetaData.GROUPS, List.of(Groups.MEMBERS));
    }

    private Task awaitVerificationTask() {
        return await().atMost(Duration.ofSeconds(30))
                .until(
                        () -> tasks.createTaskQuery()
                                .processInstanceId(process.getId())
                                .taskDefinitionKey(MemberOnboardingProcess.USER_VERIFY_DOCUMENTS)
                                .singleResult(),
                        t -> t != null);
    }

    private void assertNothingChanged() {
        assertThat(process).isWaitingAt(MemberOnboardingProcess.USER_VERIFY_DOCUMENTS);
        assertThat(eventStore.eventTypesOf(memberId.value()))
                .containsExactly("MemberRegistered", "MemberAccountLinked");
    }

    private void completeAs(String user, List<String> groups, Map<String, Object> variables) {
        String taskId = task(process).getId();
        identity.setAuthentication(user, groups);
        try {
            tasks.complete(taskId, Variables.fromMap(variables));
        } finally {
            identity.clearAuthentication();
        }
    }
}
