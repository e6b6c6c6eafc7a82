package org.factorysharing.workflows.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;

import java.time.Duration;
import java.time.LocalDate;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.variable.Variables;
import org.factorysharing.api.factory.FactoryCommands.CommissionFactory;
import org.factorysharing.api.factory.FactoryCommands.EndMachineMaintenance;
import org.factorysharing.api.factory.FactoryCommands.InstallMachine;
import org.factorysharing.api.factory.FactoryCommands.ProposeFactory;
import org.factorysharing.api.factory.FactoryCommands.RecordInspection;
import org.factorysharing.api.factory.FactoryCommands.StartMachineMaintenance;
import org.factorysharing.api.factory.FactoryId;
import org.factorysharing.api.factory.MachinePlan;
import org.factorysharing.api.job.JobCommands.CancelProductionJob;
import org.factorysharing.api.job.JobCommands.RequestProductionJob;
import org.factorysharing.api.job.JobId;
import org.factorysharing.api.member.MemberCommands.GrantQualification;
import org.factorysharing.api.member.MemberCommands.VerifyMember;
import org.factorysharing.api.member.MemberId;
import org.factorysharing.api.shared.Groups;
import org.factorysharing.api.shared.InvalidField;
import org.factorysharing.api.shared.NotPermitted;
import org.factorysharing.api.shared.ProgrammeTime;
import org.factorysharing.testing.EventStoreProbe;
import org.factorysharing.testing.TestData;
import org.factorysharing.workflows.WorkflowTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Every path of production_job on the real engine, command side and PostgreSQL. Each test has its own
 * commissioned factory with two 8-hour coconut oil presses and its own verified, qualified member.
 */
@WorkflowTest
class ProductionJobProcessTest {

    private static final String PRESS = "COCONUT_OIL_PRESS";
    private static final List<String> OFFICERS = List.of("officers");

    @Autowired
    ProcessEngine engine;

    @Autowired
    RuntimeService runtime;

    @Autowired
    TaskService tasks;

    @Autowired
    HistoryService history;

    @Autowired
    IdentityService identity;

    @Autowired
    ManagementService management;

    @Autowired
    CommandGateway commands;

    @Autowired
    EventStoreProbe eventStore;

    LocalDate today;
    FactoryId factoryId;
    List<String> staff;
    MemberId memberId;

    @BeforeEach
    void commissionedFactoryAndQualifiedMember() {
        BpmnAwareTests.init(engine);
        today = LocalDate.now(ProgrammeTime.ZONE);
        factoryId = FactoryId.newId();
        staff = List.of(factoryId.staffGroup());
        List<MachinePlan> presses = List.of(new MachinePlan("press-1", PRESS, 8), new MachinePlan("press-2", PRESS, 8));
        commands.sendAndWait(new ProposeFactory(
                factoryId,
                "RPB Bitung " + factoryId.value().substring(0, 8),
                "Sulawesi Utara",
                "Bitung",
                "Coconut oil",
                "Koperasi Nyiur",
                presses,
                today.plusDays(30),
                "officer"));
        presses.forEach(press -> commands.sendAndWait(new InstallMachine(
                factoryId, press.machineId(), press.machineType(), press.capacityHoursPerDay(), "staff")));
        commands.sendAndWait(new RecordInspection(factoryId, true, null, "officer"));
        commands.sendAndWait(new CommissionFactory(factoryId, "officer2"));

        memberId = MemberId.newId();
        commands.sendAndWait(TestData.registerMember(memberId, TestData.nib()));
        commands.sendAndWait(new VerifyMember(memberId, "officer"));
        commands.sendAndWait(new GrantQualification(memberId, PRESS, today.plusDays(365), "officer"));
    }

    @AfterEach
    void resetClockAndUser() {
        ClockUtil.reset();
        identity.clearAuthentication();
    }

    @Test
    void aRequestThatFitsIsScheduledAndWaitsForTheStaffToStartIt() {
        JobId jobId = JobId.newId();
        ProcessInstance process = request(jobId, 10, today.plusDays(1), today.plusDays(10));

        assertThat(process)
                .hasPassed(ProductionJobProcess.SERVICE_RESERVE_MACHINE_TIME)
                .isWaitingAt(ProductionJobProcess.USER_START_JOB)
                .variables()
                .containsEntry(ProductionJobProcess.RESERVED, true)
                .containsEntry(
                        ProductionJobProcess.PLANNED_START, today.plusDays(1).toString())
                .containsEntry(ProductionJobProcess.STAFF_GROUP, factoryId.staffGroup())
                .containsEntry(ProductionJobProcess.START_OVERDUE_AT, startOfDay(today.plusDays(2)));
        Task start = task(process);
        assertThat(start).hasCandidateGroup(factoryId.staffGroup()).isNotAssigned();
        assertThat(candidateGroups(start)).containsExactly(factoryId.staffGroup());
        assertThat(start.getDueDate()).isEqualTo(startOfDay(today.plusDays(2)));
        assertThat(eventStore.eventTypesOf(jobId.value()))
                .containsExactly("ProductionJobRequested", "ProductionJobScheduled");
        assertThat(eventStore.eventTypesOf(factoryId.value())).endsWith("MachineTimeReserved");
        // earliest days first: press-1's whole day, then the rest on press-2 the same day
        assertThat(eventStore.payloadOf(jobId.value(), 1))
                .contains("\"machineId\":\"press-1\"", "\"machineId\":\"press-2\"", "\"hours\":8", "\"hours\":2");
    }

    @Test
    void aRequestThatDoesNotFitIsRejectedWithTheReason() {
        JobId jobId = JobId.newId();
        HistoricProcessInstance process = requestEnding(jobId, 17, today.plusDays(1), today.plusDays(1));

        assertThat(passed(process, ProductionJobProcess.END_REJECTED)).isTrue();
        assertThat(passed(process, ProductionJobProcess.USER_START_JOB)).isFalse();
        assertThat(eventStore.eventTypesOf(jobId.value()))
                .containsExactly("ProductionJobRequested", "ProductionJobRejected");
        assertThat(eventStore.payloadOf(jobId.value(), 1)).contains("NO_CAPACITY");
        assertThat(eventStore.eventTypesOf(factoryId.value())).endsWith("MachineTimeReservationRejected");
        assertThat(history.createHistoricVariableInstanceQuery()
                        .processInstanceId(process.getId())
                        .variableName(ProductionJobProcess.REJECTION)
                        .singleResult()
                        .getValue())
                .isEqualTo("NO_CAPACITY");
    }

    @Test
    void staffStartTheJobRecordOutputAndPassItWhichReleasesTheUnusedTime() {
        JobId jobId = JobId.newId();
        ProcessInstance process = request(jobId, 10, today.plusDays(1), today.plusDays(10));

        completeAs(task(process).getId(), "staff-ani", staff, Map.of());
        assertThat(process)
                .hasPassed(ProductionJobProcess.SERVICE_START_JOB)
                .isWaitingAt(ProductionJobProcess.USER_RECORD_OUTPUT);
        assertThat(task(process)).hasCandidateGroup(factoryId.staffGroup());

        completeAs(
                task(process).getId(),
                "staff-ani",
                staff,
                Map.of(ProductionJobProcess.GOOD_UNITS, 190L, ProductionJobProcess.REJECTED_UNITS, 10L));
        assertThat(process).isWaitingAt(ProductionJobProcess.USER_QUALITY_INSPECTION);

        completeAs(task(process).getId(), "staff-budi", staff, Map.of(ProductionJobProcess.PASSED, true));

        assertThat(process)
                .isEnded()
                .hasPassed(ProductionJobProcess.SERVICE_COMPLETE_JOB, ProductionJobProcess.END_COMPLETED)
                .hasNotPassed(ProductionJobProcess.SERVICE_ESCALATE_JOB_START);
        assertThat(eventStore.eventTypesOf(jobId.value()))
                .containsExactly(
                        "ProductionJobRequested",
                        "ProductionJobScheduled",
                        "ProductionJobStarted",
                        "JobOutputRecorded",
                        "ProductionJobCompleted");
        assertThat(eventStore.payloadOf(jobId.value(), 2)).contains("\"startedBy\":\"staff-ani\"");
        assertThat(eventStore.payloadOf(jobId.value(), 3))
                .contains("\"goodUnits\":190", "\"rejectedUnits\":10", "\"recordedBy\":\"staff-ani\"");
        assertThat(eventStore.payloadOf(jobId.value(), 4)).contains("\"inspectedBy\":\"staff-budi\"");
        // finished before its booked days: they go back to the factory
        assertThat(lastFactoryEvent()).contains("MachineTimeReleased", "\"reason\":\"completed\"");
        assertThat(management
                        .createJobQuery()
                        .processInstanceId(process.getId())
                        .count())
                .isZero();
    }

    @Test
    void onlyTheFactorysOwnStaffWorkOnItsJobs() {
        ProcessInstance process = request(JobId.newId(), 4, today.plusDays(1), today.plusDays(3));
        String start = task(process).getId();

        // staff of another factory and officers are stopped by the engine's authorisations, an admin (who
        // passes them) by the process
        assertThatThrownBy(() -> completeAs(
                        start, "staff-other", List.of(FactoryId.newId().staffGroup()), Map.of()))
                .satisfies(ProductionJobProcessTest::isRefusal);
        assertThatThrownBy(() -> completeAs(start, "officer", OFFICERS, Map.of()))
                .satisfies(ProductionJobProcessTest::isRefusal);
        assertThatThrownBy(() -> completeAs(start, "admin", List.of("admins"), Map.of()))
                .hasRootCauseInstanceOf(NotPermitted.class);
        assertThat(process).isWaitingAt(ProductionJobProcess.USER_START_JOB);

        completeAs(start, "staff-ani", staff, Map.of());
        assertThatThrownBy(() -> completeAs(
                        task(process).getId(),
                        "admin",
                        List.of("admins"),
                        Map.of(ProductionJobProcess.GOOD_UNITS, 1L, ProductionJobProcess.REJECTED_UNITS, 0L)))
                .hasRootCauseInstanceOf(NotPermitted.class);
        completeAs(
                task(process).getId(),
                "staff-ani",
                staff,
                Map.of(ProductionJobProcess.GOOD_UNITS, 1L, ProductionJobProcess.REJECTED_UNITS, 0L));
        assertThatThrownBy(() -> completeAs(
                        task(process).getId(), "admin", List.of("admins"), Map.of(ProductionJobProcess.PASSED, true)))
                .hasRootCauseInstanceOf(NotPermitted.class);

        assertThat(process).isWaitingAt(ProductionJobProcess.USER_QUALITY_INSPECTION);
    }

    @Test
    void outputMustBeWholeUnitsAndReworkNeedsNotes() {
        JobId jobId = JobId.newId();
        ProcessInstance process = request(jobId, 4, today.plusDays(1), today.plusDays(3));
        completeAs(task(process).getId(), "staff-ani", staff, Map.of());
        String record = task(process).getId();

        assertThatThrownBy(() -> completeAs(
                        record,
                        "staff-ani",
                        staff,
                        Map.of(ProductionJobProcess.GOOD_UNITS, -1L, ProductionJobProcess.REJECTED_UNITS, 0L)))
                .hasRootCauseInstanceOf(InvalidField.class)
                .hasMessageContaining(ProductionJobProcess.GOOD_UNITS);
        assertThatThrownBy(() -> completeAs(
                        record,
                        "staff-ani",
                        staff,
                        Map.of(ProductionJobProcess.GOOD_UNITS, 5L, ProductionJobProcess.REJECTED_UNITS, "none")))
                .hasRootCauseInstanceOf(InvalidField.class)
                .hasMessageContaining(ProductionJobProcess.REJECTED_UNITS);
        completeAs(
                record,
                "staff-ani",
                staff,
                Map.of(ProductionJobProcess.GOOD_UNITS, 5L, ProductionJobProcess.REJECTED_UNITS, 0L));

        assertThatThrownBy(() -> completeAs(
                        task(process).getId(), "staff-ani", staff, Map.of(ProductionJobProcess.PASSED, false)))
                .hasRootCauseInstanceOf(InvalidField.class)
                .hasMessageContaining(ProductionJobProcess.NOTES);

        assertThat(process).isWaitingAt(ProductionJobProcess.USER_QUALITY_INSPECTION);
        assertThat(eventStore.eventTypesOf(jobId.value())).endsWith("JobOutputRecorded");
    }

    @Test
    void reworkGoesBackToRecordingOutputUntilTheInspectionPasses() {
        JobId jobId = JobId.newId();
        ProcessInstance process = request(jobId, 4, today.plusDays(1), today.plusDays(3));
        completeAs(task(process).getId(), "staff-ani", staff, Map.of());
        completeAs(
                task(process).getId(),
                "staff-ani",
                staff,
                Map.of(ProductionJobProcess.GOOD_UNITS, 150L, ProductionJobProcess.REJECTED_UNITS, 50L));

        completeAs(
                task(process).getId(),
                "staff-budi",
                staff,
                Map.of(ProductionJobProcess.PASSED, false, ProductionJobProcess.NOTES, "Oil cloudy: filter again"));

        assertThat(process)
                .hasPassed(ProductionJobProcess.SERVICE_SEND_TO_REWORK)
                .isWaitingAt(ProductionJobProcess.USER_RECORD_OUTPUT)
                .variables()
                .doesNotContainKeys(ProductionJobProcess.GOOD_UNITS, ProductionJobProcess.REJECTED_UNITS);
        assertThat(eventStore.eventTypesOf(jobId.value())).endsWith("JobOutputRecorded", "ProductionJobSentToRework");
        assertThat(eventStore.payloadOf(jobId.value(), 4))
                .contains("Oil cloudy: filter again", "\"inspectedBy\":\"staff-budi\"");

        completeAs(
                task(process).getId(),
                "staff-ani",
                staff,
                Map.of(ProductionJobProcess.GOOD_UNITS, 195L, ProductionJobProcess.REJECTED_UNITS, 5L));
        assertThat(process)
                .isWaitingAt(ProductionJobProcess.USER_QUALITY_INSPECTION)
                .variables()
                .doesNotContainKeys(ProductionJobProcess.PASSED, ProductionJobProcess.NOTES);
        completeAs(task(process).getId(), "staff-budi", staff, Map.of(ProductionJobProcess.PASSED, true));

        assertThat(process).isEnded().hasPassed(ProductionJobProcess.END_COMPLETED);
        assertThat(eventStore.eventTypesOf(jobId.value()))
                .containsExactly(
                        "ProductionJobRequested",
                        "ProductionJobScheduled",
                        "ProductionJobStarted",
                        "JobOutputRecorded",
                        "ProductionJobSentToRework",
                        "JobOutputRecorded",
                        "ProductionJobCompleted");
        assertThat(eventStore.payloadOf(jobId.value(), 6)).contains("\"goodUnits\":195");
    }

    @Test
    void aStartOverdueAfterThePlannedDayIsEscalatedToOfficersWhoMayThenStartIt() {
        JobId jobId = JobId.newId();
        ProcessInstance process = request(jobId, 4, today.plusDays(1), today.plusDays(3));
        Task start = task(process);
        Job timer = management
                .createJobQuery()
                .processInstanceId(process.getId())
                .timers()
                .singleResult();
        assertThat(timer.getDuedate()).isEqualTo(startOfDay(today.plusDays(2))).isEqualTo(start.getDueDate());
        ClockUtil.setCurrentTime(Date.from(timer.getDuedate().toInstant().plusSeconds(60)));

        management.executeJob(timer.getId());

        assertThat(process)
                .hasPassed(
                        ProductionJobProcess.TIMER_START_OVERDUE,
                        ProductionJobProcess.SERVICE_ESCALATE_JOB_START,
                        ProductionJobProcess.END_START_ESCALATED)
                .isWaitingAt(ProductionJobProcess.USER_START_JOB)
                .variables()
                .containsEntry(ProductionJobProcess.ESCALATED, true);
        Task escalated = task(process);
        assertThat(escalated.getId()).isEqualTo(start.getId());
        assertThat(escalated.getPriority()).isEqualTo(EscalateJobStartDelegate.ESCALATED_PRIORITY);
        assertThat(candidateGroups(escalated)).containsExactlyInAnyOrder(factoryId.staffGroup(), Groups.OFFICERS);

        completeAs(escalated.getId(), "officer", OFFICERS, Map.of());

        assertThat(process).isWaitingAt(ProductionJobProcess.USER_RECORD_OUTPUT);
        assertThat(eventStore.payloadOf(jobId.value(), 2)).contains("\"startedBy\":\"officer\"");
    }

    @Test
    void cancellationReleasesTheMachineTimeAndEndsTheProcess() {
        JobId jobId = JobId.newId();
        ProcessInstance process = request(jobId, 10, today.plusDays(1), today.plusDays(10));

        commands.sendAndWait(new CancelProductionJob(jobId, "Order withdrawn by the buyer", "member"));

        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(process).isEnded());
        assertThat(process)
                .hasPassed(
                        ProductionJobProcess.START_CANCELLED,
                        ProductionJobProcess.SERVICE_RELEASE_MACHINE_TIME,
                        ProductionJobProcess.END_CANCELLED);
        assertThat(lastFactoryEvent())
                .contains("MachineTimeReleased", "\"reason\":\"cancelled\"", "\"machineId\":\"press-2\"");
        assertThat(tasks.createTaskQuery().processInstanceId(process.getId()).count())
                .isZero();
        assertThat(management
                        .createJobQuery()
                        .processInstanceId(process.getId())
                        .count())
                .isZero();
    }

    @Test
    void reschedulingIsRetriedWhileNoTimeIsFreeAndSucceedsOnceItIs() {
        JobId jobId = JobId.newId();
        ProcessInstance process = request(jobId, 8, today.plusDays(1), today.plusDays(1)); // press-1, day 1
        JobId otherJob = JobId.newId();
        ProcessInstance other = request(otherJob, 8, today.plusDays(1), today.plusDays(1)); // press-2, day 1

        commands.sendAndWait(new StartMachineMaintenance(factoryId, "press-1", "Bearing replacement", "staff"));

        Task reschedule = awaitTask(process, ProductionJobProcess.USER_RESCHEDULE_JOB);
        assertThat(reschedule).hasCandidateGroup(factoryId.staffGroup());
        assertThat(tasks.getVariable(reschedule.getId(), ProductionJobProcess.AFFECTED_MACHINE_ID))
                .isEqualTo("press-1");
        assertThat(process).isWaitingAt(ProductionJobProcess.USER_START_JOB, ProductionJobProcess.USER_RESCHEDULE_JOB);
        assertThat(tasks.createTaskQuery()
                        .processInstanceId(other.getId())
                        .taskDefinitionKey(ProductionJobProcess.USER_RESCHEDULE_JOB)
                        .count())
                .as("press-2 is fine")
                .isZero();

        completeAs(reschedule.getId(), "staff-ani", staff, Map.of());

        Task retry = openTask(process, ProductionJobProcess.USER_RESCHEDULE_JOB);
        assertThat(tasks.getVariable(retry.getId(), ProductionJobProcess.REBOOK_REFUSAL))
                .asString()
                .contains("not enough free");
        assertThat(eventStore.eventTypesOf(jobId.value())).doesNotContain("ProductionJobRescheduled");
        assertThat(lastFactoryEvent()).contains("MachineTimeReservationRejected", "rebooking");

        // the other job gives day 1 on press-2 back
        commands.sendAndWait(new CancelProductionJob(otherJob, "Not needed", "member"));
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(other).isEnded());
        completeAs(retry.getId(), "staff-ani", staff, Map.of());

        assertThat(process)
                .hasPassed(ProductionJobProcess.SERVICE_REBOOK_MACHINE_TIME, ProductionJobProcess.END_RESCHEDULED)
                .isWaitingAt(ProductionJobProcess.USER_START_JOB);
        assertThat(eventStore.eventTypesOf(jobId.value())).endsWith("ProductionJobRescheduled");
        assertThat(eventStore.payloadOf(jobId.value(), 2))
                .contains("\"machineId\":\"press-2\"")
                .doesNotContain("press-1");
    }

    @Test
    void aRebookingToALaterDayMovesTheStartDeadline() {
        JobId jobId = JobId.newId();
        ProcessInstance process = request(jobId, 8, today.plusDays(1), today.plusDays(5)); // press-1, day 1
        request(JobId.newId(), 8, today.plusDays(1), today.plusDays(1)); // press-2, day 1
        commands.sendAndWait(new StartMachineMaintenance(factoryId, "press-1", "Bearing replacement", "staff"));

        completeAs(awaitTask(process, ProductionJobProcess.USER_RESCHEDULE_JOB).getId(), "staff-ani", staff, Map.of());

        assertThat(process)
                .hasPassed(ProductionJobProcess.END_RESCHEDULED)
                .variables()
                .containsEntry(
                        ProductionJobProcess.PLANNED_START, today.plusDays(2).toString())
                .containsEntry(ProductionJobProcess.START_OVERDUE_AT, startOfDay(today.plusDays(3)));
        assertThat(openTask(process, ProductionJobProcess.USER_START_JOB).getDueDate())
                .isEqualTo(startOfDay(today.plusDays(3)));
        assertThat(management
                        .createJobQuery()
                        .processInstanceId(process.getId())
                        .timers()
                        .singleResult()
                        .getDuedate())
                .isEqualTo(startOfDay(today.plusDays(3)));
        assertThat(eventStore.payloadOf(jobId.value(), 2))
                .contains("\"machineId\":\"press-2\"", "\"plannedStart\":\"" + today.plusDays(2) + "\"");

        // once the machine is back, nothing else changes for the job
        commands.sendAndWait(new EndMachineMaintenance(factoryId, "press-1", "staff"));
        assertThat(process).isWaitingAt(ProductionJobProcess.USER_START_JOB);
    }

    /** Refused by the engine's authorisations or by the process's own listener. */
    private static void isRefusal(Throwable e) {
        assertThat(e)
                .satisfiesAnyOf(
                        t -> assertThat(t).isInstanceOf(AuthorizationException.class),
                        t -> assertThat(t).hasRootCauseInstanceOf(NotPermitted.class));
    }

    /** Requests a job that will be scheduled; answers its running process. */
    private ProcessInstance request(JobId jobId, int hours, LocalDate earliestStart, LocalDate deadline) {
        send(jobId, hours, earliestStart, deadline);
        return await().atMost(Duration.ofSeconds(30))
                .until(
                        () -> runtime.createProcessInstanceQuery()
                                .processDefinitionKey(ProductionJobProcess.KEY)
                                .processInstanceBusinessKey(jobId.value())
                                .singleResult(),
                        p -> p != null);
    }

    /** Requests a job whose process ends at once; answers its history. */
    private HistoricProcessInstance requestEnding(JobId jobId, int hours, LocalDate earliestStart, LocalDate deadline) {
        send(jobId, hours, earliestStart, deadline);
        return await().atMost(Duration.ofSeconds(30))
                .until(
                        () -> history.createHistoricProcessInstanceQuery()
                                .processDefinitionKey(ProductionJobProcess.KEY)
                                .processInstanceBusinessKey(jobId.value())
                                .completed()
                                .singleResult(),
                        p -> p != null);
    }

    private void send(JobId jobId, int hours, LocalDate earliestStart, LocalDate deadline) {
        commands.sendAndWait(new RequestProductionJob(
                jobId,
                memberId,
                factoryId,
                PRESS,
                "Virgin coconut oil",
                200,
                hours,
                earliestStart,
                deadline,
                "member"));
    }

    private boolean passed(HistoricProcessInstance process, String activityId) {
        return history.createHistoricActivityInstanceQuery()
                        .processInstanceId(process.getId())
                        .activityId(activityId)
                        .count()
                > 0;
    }

    private Task awaitTask(ProcessInstance process, String taskKey) {
        return await().atMost(Duration.ofSeconds(30))
                .until(
                        () -> tasks.createTaskQuery()
                                .processInstanceId(process.getId())
                                .taskDefinitionKey(taskKey)
                                .singleResult(),
                        t -> t != null);
    }

    private Task openTask(ProcessInstance process, String taskKey) {
        return tasks.createTaskQuery()
                .processInstanceId(process.getId())
                .taskDefinitionKey(taskKey)
                .singleResult();
    }

    private List<String> candidateGroups(Task task) {
        return tasks.getIdentityLinksForTask(task.getId()).stream()
                .map(IdentityLink::getGroupId)
                .filter(group -> group != null)
                .toList();
    }

    /** Type and payload of the factory's newest event. */
    private String lastFactoryEvent() {
        List<String> types = eventStore.eventTypesOf(factoryId.value());
        return types.get(types.size() - 1) + " " + eventStore.payloadOf(factoryId.value(), types.size() - 1);
    }

    private static Date startOfDay(LocalDate day) {
        return Date.from(day.atStartOfDay(ProgrammeTime.ZONE).toInstant());
    }

    private void completeAs(String taskId, String user, List<String> groups, Map<String, Object> variables) {
        identity.setAuthentication(user, groups);
        try {
            tasks.complete(taskId, Variables.fromMap(variables));
        } finally {
            identity.clearAuthentication();
        }
    }
}
