package org.factorysharing.workflows.task;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.factorysharing.api.task.TaskQueries.FindMyTasks;
import org.factorysharing.api.task.TaskQueries.FindTask;
import org.factorysharing.api.task.TaskQueries.TaskAssignment;
import org.factorysharing.api.task.TaskQueries.TaskView;
import org.factorysharing.workflows.WorkflowTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A page of task views says for each task what the engine's own API says about that task (its candidate groups,
 * sorted; its process's key; its business key), though the page reads them all at once; one task's detail and the
 * tasks about a business key show the same views.
 */
@WorkflowTest
class TaskViewsTest {

    @Autowired
    WorkflowTasks workflowTasks;

    @Autowired
    RepositoryService repository;

    @Autowired
    RuntimeService runtime;

    @Autowired
    TaskService tasks;

    private String run;
    private String user;
    private String groupA;
    private String groupB;

    @BeforeEach
    void startTasksOfTwoProcesses() {
        run = Long.toString(System.nanoTime());
        user = "views-ani-" + run;
        groupA = "views-a-" + run;
        groupB = "views-B-" + run;
        deploy("views_probe_two_groups_" + run, groupB + "," + groupA, null);
        deploy("views_probe_one_group_" + run, groupA, null);
        deploy("views_probe_user_only_" + run, null, user);
        for (int i = 0; i < 2; i++) {
            runtime.startProcessInstanceByKey("views_probe_two_groups_" + run, "two-" + i + "-" + run);
        }
        runtime.startProcessInstanceByKey("views_probe_one_group_" + run, "one-" + run);
        runtime.startProcessInstanceByKey("views_probe_user_only_" + run, "user-" + run);
    }

    @Test
    void givenTasksOfThreeProcessesWhenAPageIsReadThenEachViewSaysWhatTheEngineSaysOfItsTask() {
        List<TaskView> page = workflowTasks
                .openTasksOf(new FindMyTasks(
                        user,
                        List.of(groupA, groupB),
                        null,
                        null,
                        null,
                        null,
                        null,
                        TaskAssignment.ANY,
                        null,
                        null,
                        0,
                        50))
                .items();

        assertThat(page).hasSize(4);
        for (TaskView view : page) {
            Task task = tasks.createTaskQuery().taskId(view.id()).singleResult();
            assertThat(view.candidateGroups()).isEqualTo(enginesCandidateGroups(task.getId()));
            assertThat(view.processKey())
                    .isEqualTo(repository
                            .getProcessDefinition(task.getProcessDefinitionId())
                            .getKey());
            assertThat(view.businessKey())
                    .isEqualTo(runtime.createProcessInstanceQuery()
                            .processInstanceId(task.getProcessInstanceId())
                            .singleResult()
                            .getBusinessKey());
        }
        assertThat(page)
                .extracting(TaskView::candidateGroups)
                .containsExactlyInAnyOrder(
                        List.of(groupB, groupA), List.of(groupB, groupA), List.of(groupA), List.of());
    }

    @Test
    void givenATaskWhenItsDetailOrTheTasksAboutItsBusinessKeyAreReadThenTheyShowThePagesView() {
        TaskView inPage = workflowTasks
                .openTasksOf(new FindMyTasks(
                        user,
                        List.of(groupA),
                        null,
                        null,
                        null,
                        "two-0-" + run,
                        null,
                        TaskAssignment.ANY,
                        null,
                        null,
                        0,
                        10))
                .items()
                .get(0);

        TaskView detail = workflowTasks
                .one(new FindTask(inPage.id(), user, List.of(groupA)))
                .task();
        List<TaskView> about = workflowTasks.openTasksAbout("two-0-" + run);

        assertThat(detail).isEqualTo(inPage);
        assertThat(about).containsExactly(inPage);
        assertThat(inPage.candidateGroups()).containsExactly(groupB, groupA);
    }

    private List<String> enginesCandidateGroups(String taskId) {
        return tasks.getIdentityLinksForTask(taskId).stream()
                .filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null)
                .map(IdentityLink::getGroupId)
                .sorted()
                .toList();
    }

    private void deploy(String key, String candidateGroups, String candidateUser) {
        var task = Bpmn.createExecutableProcess(key).startEvent().userTask("probe_task");
        if (candidateGroups != null) {
            task = task.camundaCandidateGroups(candidateGroups);
        }
        if (candidateUser != null) {
            task = task.camundaCandidateUsers(candidateUser);
        }
        repository
                .createDeployment()
                .addModelInstance(key + ".bpmn", task.endEvent().done())
                .deploy();
    }
}
