package org.factorysharing.workflows.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.factorysharing.api.factory.FactoryCommands.ProposeFactory;
import org.factorysharing.api.factory.FactoryId;
import org.factorysharing.api.factory.MachinePlan;
import org.factorysharing.api.member.MemberId;
import org.factorysharing.api.shared.Groups;
import org.factorysharing.testing.TestData;
import org.factorysharing.workflows.WorkflowTest;
import org.factorysharing.workflows.identity.IdentitySetup;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * Each group's Tasklist filter lists what the group can act on, is readable by that group alone, agrees with the
 * process models, and start-up replaces the old filter of every readable task (idempotently, every start).
 */
@WorkflowTest
class TasklistFiltersTest {

    @Autowired
    TasklistFilters tasklistFilters;

    @Autowired
    IdentitySetup identitySetup;

    @Autowired
    FilterService filters;

    @Autowired
    TaskService tasks;

    @Autowired
    AuthorizationService authorizations;

    @Autowired
    ManagementService management;

    @Autowired
    WorkGroups workGroups;

    @Autowired
    CommandGateway commands;

    @Test
    void eachGroupsFilterHoldsEveryKindOfTaskTheModelsOfferIt() throws IOException {
        Map<String, List<String>> kinds = TasklistFilters.PROGRAMME_FILTERS.stream()
                .collect(Collectors.toMap(TasklistFilters.GroupFilter::group, TasklistFilters.GroupFilter::taskKeys));
        Set<String> userTasks = new HashSet<>();
        for (Resource model : new PathMatchingResourcePatternResolver().getResources("classpath*:bpmn/*.bpmn")) {
            if (model.getURL().toString().contains("/test-classes/")) {
                continue; // the tests' own processes
            }
            try (InputStream in = model.getInputStream()) {
                BpmnModelInstance process = Bpmn.readModelFromStream(in);
                for (UserTask task : process.getModelElementsByType(UserTask.class)) {
                    userTasks.add(task.getId());
                    for (String group : task.getCamundaCandidateGroups().split(",")) {
                        List<String> shown = "${staffGroup}".equals(group.strip())
                                ? TasklistFilters.STAFF_TASKS
                                : kinds.getOrDefault(group.strip(), List.of());
                        assertThat(shown)
                                .as(task.getId() + " offered to " + group)
                                .contains(task.getId());
                    }
                }
            }
        }
        List<String> listed = new ArrayList<>(TasklistFilters.STAFF_TASKS);
        kinds.values().forEach(listed::addAll);
        assertThat(userTasks).as("every kind a filter lists is a user task").containsAll(listed);
    }

    @Test
    void startUpReplacesTheFilterOfEveryReadableTaskWithOneFilterPerGroup() {
        Filter old = filters.newTaskFilter(TasklistFilters.OLD_DEFAULT_FILTER);
        filters.saveFilter(old);
        workGroups.grant(Groups.OFFICERS, Resources.FILTER, "*", Permissions.READ);

        identitySetup.setUp();
        identitySetup.setUp();

        assertThat(filters.createFilterQuery()
                        .filterName(TasklistFilters.OLD_DEFAULT_FILTER)
                        .count())
                .isZero();
        assertThat(authorizations
                        .createAuthorizationQuery()
                        .groupIdIn(Groups.OFFICERS)
                        .resourceType(Resources.FILTER)
                        .resourceId("*")
                        .count())
                .as("officers no longer read every filter")
                .isZero();
        for (TasklistFilters.GroupFilter wanted : TasklistFilters.PROGRAMME_FILTERS) {
            assertThat(filters.createFilterQuery().filterName(wanted.name()).count())
                    .as(wanted.name())
                    .isOne();
            Filter filter = tasklistFilters.filterOf(wanted.group());
            for (String group : Groups.ALL) {
                boolean reads = authorizations.isUserAuthorized(
                        "someone", List.of(group), Permissions.READ, Resources.FILTER, filter.getId());
                assertThat(reads)
                        .as(group + " reads " + wanted.name())
                        .isEqualTo(group.equals(wanted.group()) || group.equals(Groups.ADMINS));
            }
        }
    }

    @Test
    void aFactorysStaffSeeTheirFactoryAndOfficersOnlyWhatTheyCanActOn() {
        FactoryId factory = proposedFactory();
        FactoryId other = proposedFactory();
        String businessKey = factory.value();
        Task install = awaitInstallTask(factory);

        assertThat(listed(factory.staffGroup(), businessKey)).containsExactly(install.getId());
        assertThat(listed(other.staffGroup(), businessKey)).isEmpty();
        assertThat(listed(Groups.OFFICERS, businessKey))
                .as("not the officers' until overdue")
                .isEmpty();
        assertThat(authorizations.isUserAuthorized(
                        "someone",
                        List.of(other.staffGroup(), Groups.OFFICERS),
                        Permissions.READ,
                        Resources.FILTER,
                        tasklistFilters.filterOf(factory.staffGroup()).getId()))
                .isFalse();

        Job overdue = management
                .createJobQuery()
                .processInstanceId(install.getProcessInstanceId())
                .timers()
                .singleResult();
        management.executeJob(overdue.getId());

        assertThat(listed(Groups.OFFICERS, businessKey)).containsExactly(install.getId());
        assertThat(listed(factory.staffGroup(), businessKey)).containsExactly(install.getId());
        assertThat(listed(Groups.SUPERVISORS, businessKey)).isEmpty();
    }

    @Test
    void anOpenVerificationIsTheOfficersAloneUntilItIsOverdue() {
        MemberId member = MemberId.newId();
        commands.sendAndWait(TestData.registerMember(member, TestData.nib()));
        Task verify = await().atMost(Duration.ofSeconds(30))
                .until(
                        () -> tasks.createTaskQuery()
                                .processInstanceBusinessKey(member.value())
                                .singleResult(),
                        task -> task != null);

        assertThat(listed(Groups.OFFICERS, member.value())).containsExactly(verify.getId());
        for (String group : List.of(Groups.SUPERVISORS, Groups.PLANNERS, Groups.EXECUTIVES)) {
            assertThat(listed(group, member.value())).as(group).isEmpty();
        }
        // claimed, it stays in the officers' filter (with its assignee)
        tasks.claim(verify.getId(), "officer");
        assertThat(listed(Groups.OFFICERS, member.value())).containsExactly(verify.getId());
    }

    private List<String> listed(String group, String businessKey) {
        Filter filter = tasklistFilters.filterOf(group);
        assertThat(filter).as(group + "'s filter").isNotNull();
        List<Task> found =
                filters.list(filter.getId(), tasks.createTaskQuery().processInstanceBusinessKey(businessKey));
        return found.stream().map(Task::getId).toList();
    }

    private FactoryId proposedFactory() {
        FactoryId factory = FactoryId.newId();
        commands.sendAndWait(new ProposeFactory(
                factory,
                "RPB Filter " + factory.value().substring(0, 8),
                "Sulawesi Utara",
                "Minahasa",
                "Coconut oil",
                "Koperasi Nyiur Melambai",
                List.of(new MachinePlan("press-1", "COCONUT_OIL_PRESS", 8)),
                TestData.today().plusDays(30),
                "officer"));
        return factory;
    }

    private Task awaitInstallTask(FactoryId factory) {
        return await().atMost(Duration.ofSeconds(30))
                .until(
                        () -> tasks.createTaskQuery()
                                .processInstanceBusinessKey(factory.value())
                                .taskDefinitionKey("user_install_machine")
                                .singleResult(),
                        task -> task != null);
    }
}
