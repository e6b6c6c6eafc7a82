package org.factorysharing.workflows.factory;

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
import java.util.stream.Collectors;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.form.FormField;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.variable.Variables;
import org.factorysharing.api.factory.FactoryCommands.CommissionFactory;
import org.factorysharing.api.factory.FactoryCommands.DecommissionFactory;
import org.factorysharing.api.factory.FactoryCommands.ProposeFactory;
import org.factorysharing.api.factory.FactoryEvent.FactoryProposed;
import org.factorysharing.api.factory.FactoryId;
import org.factorysharing.api.factory.MachinePlan;
import org.factorysharing.api.shared.BusinessRuleViolation;
import org.factorysharing.api.shared.Groups;
import org.factorysharing.api.shared.InvalidField;
import org.factorysharing.api.shared.NotPermitted;
import org.factorysharing.api.shared.ProgrammeTime;
import org.factorysharing.testing.EventStoreProbe;
import org.factorysharing.workflows.WorkflowTest;
import org.factorysharing.workflows.shared.TasklistFilters;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Every path of factory_commissioning on the real engine, command side and PostgreSQL. */
@WorkflowTest
class FactoryCommissioningProcessTest {

    private static final List<String> OFFICERS = List.of("officers");

    @Autowired
    ProcessEngine engine;

    @Autowired
    RuntimeService runtime;

    @Autowired
    TaskService tasks;

    @Autowired
    FormService forms;

    @Autowired
    HistoryService history;

    @Autowired
    IdentityService identity;

    @Autowired
    AuthorizationService authorizations;

    @Autowired
    ManagementService management;

    @Autowired
    CommandGateway commands;

    @Autowired
    TasklistFilters tasklistFilters;

    @Autowired
    EventStoreProbe eventStore;

    @Autowired
    FactoryCommissioningBridge starter;

    FactoryId factoryId;
    String staffGroup;
    List<String> staff;
    LocalDate installationDueOn;
    ProcessInstance process;

    @BeforeEach
    void proposeFactory() {
        BpmnAwareTests.init(engine);
        factoryId = FactoryId.newId();
        staffGroup = factoryId.staffGroup();
        staff = List.of(staffGroup);
        installationDueOn = LocalDate.now(ProgrammeTime.ZONE).plusDays(30);
        commands.sendAndWait(new ProposeFactory(
                factoryId,
                "RPB Minahasa " + factoryId.value().substring(0, 8),
                "Sulawesi Utara",
                "Minahasa",
                "Coconut oil",
                "Koperasi Nyiur Melambai",
                List.of(
                        new MachinePlan("press-1", "COCONUT_OIL_PRESS", 8),
                        new MachinePlan("grater-1", "COCONUT_GRATER", 6)),
                installationDueOn,
                "officer"));
        // the proposal event starts the process through a streaming event processor
        process = await().atMost(Duration.ofSeconds(30))
                .until(
                        () -> runtime.createProcessInstanceQuery()
                                .processDefinitionKey(FactoryCommissioningProcess.KEY)
                                .processInstanceBusinessKey(factoryId.value())
                                .singleResult(),
                        p -> p != null);
    }

    @AfterEach
    void resetClockAndUser() {
        ClockUtil.reset();
        identity.clearAuthentication();
    }

    @Test
    void proposalCreatesTheStaffGroupAndOneInstallTaskPerPlannedMachine() {
        assertThat(identity.createGroupQuery().groupId(staffGroup).count()).isOne();
        assertThat(authorizations.isUserAuthorized(
                        "someone", staff, Permissions.ACCESS, Resources.APPLICATION, "tasklist"))
                .isTrue();
        Filter filter = tasklistFilters.filterOf(staffGroup);
        assertThat(filter).as("the staff's Tasklist filter").isNotNull();
        assertThat(filter.getName()).startsWith("Factory staff · Staf pabrik: RPB Minahasa");
        assertThat(authorizations.isUserAuthorized(
                        "someone", staff, Permissions.READ, Resources.FILTER, filter.getId()))
                .isTrue();
        assertThat(authorizations.isUserAuthorized("someone", staff, Permissions.READ, Resources.FILTER, "*"))
                .as("no longer every filter")
                .isFalse();

        List<Task> installs = installTasks();
        assertThat(installs).hasSize(2).allSatisfy(install -> {
            assertThat(install.getName()).isEqualTo("Install machine");
            assertThat(candidateGroups(install)).containsExactly(staffGroup);
            assertThat(install.getDueDate())
                    .isEqualTo(Date.from(installationDueOn
                            .plusDays(1)
                            .atStartOfDay(ProgrammeTime.ZONE)
                            .toInstant()));
        });
        assertThat(installs)
                .extracting(install -> formValues(install.getId()))
                .containsExactlyInAnyOrder(
                        Map.of("machineId", "press-1", "machineType", "COCONUT_OIL_PRESS", "capacityHoursPerDay", 8L),
                        Map.of("machineId", "grater-1", "machineType", "COCONUT_GRATER", "capacityHoursPerDay", 6L));
    }

    @Test
    void eachInstallationByTheStaffInstallsItsMachineThenOfficersInspect() {
        completeAs(installTask("press-1"), "staff-ani", staff, Map.of());

        assertThat(eventStore.eventTypesOf(factoryId.value())).containsExactly("FactoryProposed", "MachineInstalled");
        assertThat(eventStore.payloadOf(factoryId.value(), 1))
                .contains("\"machineId\":\"press-1\"", "\"capacityHoursPerDay\":8", "\"installedBy\":\"staff-ani\"");
        assertThat(process).isWaitingAt(FactoryCommissioningProcess.USER_INSTALL_MACHINE);

        completeAs(installTask("grater-1"), "staff-budi", staff, Map.of());

        assertThat(eventStore.eventTypesOf(factoryId.value()))
                .containsExactly("FactoryProposed", "MachineInstalled", "MachineInstalled");
        assertThat(eventStore.payloadOf(factoryId.value(), 2))
                .contains("\"machineId\":\"grater-1\"", "\"installedBy\":\"staff-budi\"");
        assertThat(process)
                .hasPassed(FactoryCommissioningProcess.SERVICE_INSTALL_MACHINE)
                .isWaitingAt(FactoryCommissioningProcess.USER_INSPECT_FACTORY);
        assertThat(task(process)).hasCandidateGroup(Groups.OFFICERS);
        assertThat(management
                        .createJobQuery()
                        .processInstanceId(process.getId())
                        .count())
                .as("the overdue timer ends with the installations")
                .isZero();
    }

    @Test
    void onlyTheFactorysOwnStaffMayInstall() {
        String press = installTask("press-1");
        // staff of another factory and officers are stopped by the engine's authorisations, an admin (who
        // passes them) by the process
        assertThatThrownBy(() -> completeAs(
                        press, "staff-other", List.of(FactoryId.newId().staffGroup()), Map.of()))
                .satisfies(FactoryCommissioningProcessTest::isRefusal);
        assertThatThrownBy(() -> completeAs(press, "officer", OFFICERS, Map.of()))
                .satisfies(FactoryCommissioningProcessTest::isRefusal);
        assertThatThrownBy(() -> completeAs(press, "admin", List.of("admins"), Map.of()))
                .hasRootCauseInstanceOf(NotPermitted.class);

        assertThat(installTasks()).hasSize(2);
        assertThat(eventStore.eventTypesOf(factoryId.value())).containsExactly("FactoryProposed");
    }

    @Test
    void overdueInstallationIsEscalatedToOfficersWhoMayThenInstall() {
        completeAs(installTask("press-1"), "staff-ani", staff, Map.of());
        Job timer = management
                .createJobQuery()
                .processInstanceId(process.getId())
                .timers()
                .singleResult();
        assertThat(timer.getDuedate())
                .isEqualTo(taskById(installTask("grater-1")).getDueDate());
        ClockUtil.setCurrentTime(Date.from(timer.getDuedate().toInstant().plusSeconds(60)));

        management.executeJob(timer.getId());

        assertThat(process)
                .hasPassed(
                        FactoryCommissioningProcess.TIMER_INSTALLATION_OVERDUE,
                        FactoryCommissioningProcess.SERVICE_ESCALATE_INSTALLATION,
                        FactoryCommissioningProcess.END_INSTALLATION_ESCALATED)
                .isWaitingAt(FactoryCommissioningProcess.USER_INSTALL_MACHINE)
                .variables()
                .containsEntry(FactoryCommissioningProcess.ESCALATED, true);
        Task grater = taskById(installTask("grater-1"));
        assertThat(installTasks()).hasSize(1);
        assertThat(grater.getPriority()).isEqualTo(EscalateInstallationDelegate.ESCALATED_PRIORITY);
        assertThat(candidateGroups(grater)).containsExactlyInAnyOrder(staffGroup, Groups.OFFICERS);

        completeAs(grater.getId(), "officer", OFFICERS, Map.of());

        assertThat(process).isWaitingAt(FactoryCommissioningProcess.USER_INSPECT_FACTORY);
        assertThat(eventStore.payloadOf(factoryId.value(), 2)).contains("\"installedBy\":\"officer\"");
    }

    @Test
    void passedInspectionAndSignOffByASecondOfficerCommissionTheFactory() {
        installAll();
        completeAs(task(process).getId(), "officer", OFFICERS, Map.of(FactoryCommissioningProcess.PASSED, true));

        assertThat(process)
                .hasPassed(FactoryCommissioningProcess.SERVICE_RECORD_INSPECTION)
                .isWaitingAt(FactoryCommissioningProcess.USER_COMMISSIONING_SIGNOFF)
                .variables()
                .containsEntry(FactoryCommissioningProcess.INSPECTED_BY, "officer");
        assertThat(task(process)).hasCandidateGroup(Groups.OFFICERS);

        completeAs(task(process).getId(), "officer2", OFFICERS, Map.of(FactoryCommissioningProcess.APPROVED, true));

        assertThat(process)
                .isEnded()
                .hasPassed(
                        FactoryCommissioningProcess.SERVICE_COMMISSION_FACTORY,
                        FactoryCommissioningProcess.END_COMMISSIONED);
        assertThat(eventStore.eventTypesOf(factoryId.value()))
                .containsExactly(
                        "FactoryProposed",
                        "MachineInstalled",
                        "MachineInstalled",
                        "FactoryInspected",
                        "FactoryCommissioned");
        assertThat(eventStore.payloadOf(factoryId.value(), 4))
                .contains("\"signedOffBy\":\"officer2\"", "\"inspectedBy\":\"officer\"");
    }

    @Test
    void theInspectorMayNotSignOffAndNeitherTheProcessNorTheFactoryLetsThrough() {
        installAll();
        completeAs(task(process).getId(), "officer", OFFICERS, Map.of(FactoryCommissioningProcess.PASSED, true));
        String signOff = task(process).getId();

        assertThatThrownBy(() ->
                        completeAs(signOff, "officer", OFFICERS, Map.of(FactoryCommissioningProcess.APPROVED, true)))
                .hasRootCauseInstanceOf(NotPermitted.class)
                .hasMessageContaining("four-eyes");
        // the aggregate refuses too, whoever sends the command
        assertThatThrownBy(() -> commands.sendAndWait(new CommissionFactory(factoryId, "officer")))
                .isInstanceOfSatisfying(
                        BusinessRuleViolation.class,
                        violation -> assertThat(violation.code()).isEqualTo("factory.four-eyes"));

        assertThat(process).isWaitingAt(FactoryCommissioningProcess.USER_COMMISSIONING_SIGNOFF);
        assertThat(eventStore.eventTypesOf(factoryId.value())).doesNotContain("FactoryCommissioned");

        completeAs(signOff, "officer2", OFFICERS, Map.of(FactoryCommissioningProcess.APPROVED, true));
        assertThat(process).isEnded().hasPassed(FactoryCommissioningProcess.END_COMMISSIONED);
    }

    @Test
    void failedInspectionGoesToTheStaffAndIsInspectedAgain() {
        installAll();
        completeAs(
                task(process).getId(),
                "officer",
                OFFICERS,
                Map.of(
                        FactoryCommissioningProcess.PASSED,
                        false,
                        FactoryCommissioningProcess.FINDINGS,
                        "No guard on the press belt"));

        assertThat(process).isWaitingAt(FactoryCommissioningProcess.USER_RESOLVE_FINDINGS);
        Task resolve = task(process);
        assertThat(resolve).hasCandidateGroup(staffGroup);
        assertThat(formValues(resolve.getId())).containsEntry("findings", "No guard on the press belt");
        assertThat(eventStore.payloadOf(factoryId.value(), 3))
                .contains("\"passed\":false", "No guard on the press belt");
        // resolving is the staff's work, not the officers'
        assertThatThrownBy(() -> completeAs(
                        resolve.getId(),
                        "admin",
                        List.of("admins"),
                        Map.of(FactoryCommissioningProcess.RESOLUTION_NOTES, "Guard fitted")))
                .hasRootCauseInstanceOf(NotPermitted.class);

        completeAs(
                resolve.getId(),
                "staff-ani",
                staff,
                Map.of(FactoryCommissioningProcess.RESOLUTION_NOTES, "Guard fitted"));

        assertThat(process)
                .isWaitingAt(FactoryCommissioningProcess.USER_INSPECT_FACTORY)
                .variables()
                .containsEntry(FactoryCommissioningProcess.RESOLVED_BY, "staff-ani")
                .doesNotContainKeys(FactoryCommissioningProcess.PASSED, FactoryCommissioningProcess.FINDINGS);

        completeAs(task(process).getId(), "officer2", OFFICERS, Map.of(FactoryCommissioningProcess.PASSED, true));
        assertThat(eventStore.payloadOf(factoryId.value(), 4))
                .contains("\"passed\":true")
                .doesNotContain("No guard on the press belt");
        // four-eyes is about the last inspector: the first one may now sign off
        completeAs(task(process).getId(), "officer", OFFICERS, Map.of(FactoryCommissioningProcess.APPROVED, true));

        assertThat(process)
                .isEnded()
                .hasPassed(
                        FactoryCommissioningProcess.USER_RESOLVE_FINDINGS,
                        FactoryCommissioningProcess.END_COMMISSIONED);
        assertThat(eventStore.eventTypesOf(factoryId.value()))
                .endsWith("FactoryInspected", "FactoryInspected", "FactoryCommissioned");
    }

    @Test
    void aFailedInspectionNeedsFindingsAndOnlyOfficersInspect() {
        installAll();
        String inspect = task(process).getId();

        assertThatThrownBy(() ->
                        completeAs(inspect, "officer", OFFICERS, Map.of(FactoryCommissioningProcess.PASSED, false)))
                .hasRootCauseInstanceOf(InvalidField.class)
                .hasMessageContaining(FactoryCommissioningProcess.FINDINGS);
        assertThatThrownBy(() -> completeAs(
                        inspect, "admin", List.of("admins"), Map.of(FactoryCommissioningProcess.PASSED, true)))
                .hasRootCauseInstanceOf(NotPermitted.class);

        assertThat(process).isWaitingAt(FactoryCommissioningProcess.USER_INSPECT_FACTORY);
        assertThat(eventStore.eventTypesOf(factoryId.value())).doesNotContain("FactoryInspected");
    }

    @Test
    void aSignOffThatIsNotApprovedNeedsAReasonAndSendsTheFactoryBackToInspection() {
        installAll();
        completeAs(task(process).getId(), "officer", OFFICERS, Map.of(FactoryCommissioningProcess.PASSED, true));
        String signOff = task(process).getId();
        assertThatThrownBy(() ->
                        completeAs(signOff, "officer2", OFFICERS, Map.of(FactoryCommissioningProcess.APPROVED, false)))
                .hasRootCauseInstanceOf(InvalidField.class)
                .hasMessageContaining(FactoryCommissioningProcess.SIGN_OFF_REASON);

        completeAs(
                signOff,
                "officer2",
                OFFICERS,
                Map.of(
                        FactoryCommissioningProcess.APPROVED,
                        false,
                        FactoryCommissioningProcess.SIGN_OFF_REASON,
                        "Fire extinguishers missing from the inspection report"));

        assertThat(process)
                .hasNotPassed(FactoryCommissioningProcess.SERVICE_COMMISSION_FACTORY)
                .isWaitingAt(FactoryCommissioningProcess.USER_INSPECT_FACTORY);
        assertThat(eventStore.eventTypesOf(factoryId.value())).doesNotContain("FactoryCommissioned");

        // a new inspection by officer2 makes officer the one who may sign off
        completeAs(task(process).getId(), "officer2", OFFICERS, Map.of(FactoryCommissioningProcess.PASSED, true));
        assertThat(runtime.getVariables(process.getId()))
                .doesNotContainKeys(FactoryCommissioningProcess.APPROVED, FactoryCommissioningProcess.SIGN_OFF_REASON);
        assertThatThrownBy(() -> completeAs(
                        task(process).getId(),
                        "officer2",
                        OFFICERS,
                        Map.of(FactoryCommissioningProcess.APPROVED, true)))
                .hasRootCauseInstanceOf(NotPermitted.class);
        completeAs(task(process).getId(), "officer", OFFICERS, Map.of(FactoryCommissioningProcess.APPROVED, true));

        assertThat(process).isEnded().hasPassed(FactoryCommissioningProcess.END_COMMISSIONED);
        assertThat(eventStore.eventTypesOf(factoryId.value())).endsWith("FactoryCommissioned");
    }

    @Test
    void decommissioningBeforeCommissioningAbandonsTheProcess() {
        completeAs(installTask("press-1"), "staff-ani", staff, Map.of());

        commands.sendAndWait(new DecommissionFactory(factoryId, "Site flooded", "officer"));

        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(process).isEnded());
        assertThat(process)
                .hasPassed(FactoryCommissioningProcess.START_DECOMMISSIONED, FactoryCommissioningProcess.END_ABANDONED)
                .hasNotPassed(FactoryCommissioningProcess.END_COMMISSIONED);
        assertThat(tasks.createTaskQuery().processInstanceId(process.getId()).count())
                .isZero();
        assertThat(management
                        .createJobQuery()
                        .processInstanceId(process.getId())
                        .count())
                .isZero();
    }

    @Test
    void aProposalDeliveredAgainStartsNoSecondProcess() {
        FactoryProposed again = new FactoryProposed(
                factoryId,
                "RPB Minahasa",
                "Sulawesi Utara",
                "Minahasa",
                "Coconut oil",
                "COCONUT_OIL",
                "Koperasi Nyiur Melambai",
                List.of(new MachinePlan("press-1", "COCONUT_OIL_PRESS", 8)),
                installationDueOn,
                staffGroup,
                "officer");

        starter.on(again);

        assertThat(history.createHistoricProcessInstanceQuery()
                        .processDefinitionKey(FactoryCommissioningProcess.KEY)
                        .processInstanceBusinessKey(factoryId.value())
                        .count())
                .isOne();
        assertThat(identity.createGroupQuery().groupId(staffGroup).count()).isOne();
        assertThat(installTasks()).hasSize(2);
    }

    /** Refused by the engine's authorisations or by the process's own listener. */
    private static void isRefusal(Throwable e) {
        assertThat(e)
                .satisfiesAnyOf(
                        t -> assertThat(t).isInstanceOf(AuthorizationException.class),
                        t -> assertThat(t).hasRootCauseInstanceOf(NotPermitted.class));
    }

    private void installAll() {
        completeAs(installTask("press-1"), "staff-ani", staff, Map.of());
        completeAs(installTask("grater-1"), "staff-ani", staff, Map.of());
        assertThat(process).isWaitingAt(FactoryCommissioningProcess.USER_INSPECT_FACTORY);
    }

    private List<Task> installTasks() {
        return tasks.createTaskQuery()
                .processInstanceId(process.getId())
                .taskDefinitionKey(FactoryCommissioningProcess.USER_INSTALL_MACHINE)
                .list();
    }

    /** The id of the open install task of one machine. */
    private String installTask(String machineId) {
        return installTasks().stream()
                .filter(install ->
                        machineId.equals(tasks.getVariable(install.getId(), FactoryCommissioningProcess.MACHINE_ID)))
                .findFirst()
                .orElseThrow()
                .getId();
    }

    private Task taskById(String taskId) {
        return tasks.createTaskQuery().taskId(taskId).singleResult();
    }

    private List<String> candidateGroups(Task task) {
        return tasks.getIdentityLinksForTask(task.getId()).stream()
                .map(IdentityLink::getGroupId)
                .filter(group -> group != null)
                .toList();
    }

    private Map<String, Object> formValues(String taskId) {
        return forms.getTaskFormData(taskId).getFormFields().stream()
                .filter(field -> field.getValue() != null && field.getValue().getValue() != null)
                .collect(Collectors.toMap(
                        FormField::getId, field -> field.getValue().getValue()));
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
