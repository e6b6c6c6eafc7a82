package org.factorysharing.server.task;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.factorysharing.server.security.CurrentUser;
import org.factorysharing.server.task.TaskViews.CompleteTaskRequest;
import org.factorysharing.server.task.TaskViews.TaskDetailView;
import org.factorysharing.server.task.TaskViews.TaskView;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The signed-in user's workflow tasks. Completing a task here has the same effect as in Camunda
 * Tasklist: both go through the engine, the process model's form and its listeners.
 */
@RestController
@RequestMapping("/api/tasks")
@Tag(name = "Tasks", description = "Open workflow tasks of the signed-in user and their groups")
class TaskController {

    private final WorkflowTasks tasks;

    TaskController(WorkflowTasks tasks) {
        this.tasks = tasks;
    }

    @GetMapping
    @Operation(summary = "My open tasks and my groups' unclaimed ones, most urgent first")
    List<TaskView> mine(Authentication authentication) {
        return tasks.openTasksOf(CurrentUser.of(authentication));
    }

    @GetMapping("/{taskId}")
    @Operation(summary = "A task with its form fields")
    TaskDetailView get(@PathVariable String taskId, Authentication authentication) {
        return tasks.detail(taskId, CurrentUser.of(authentication));
    }

    @PostMapping("/{taskId}/claim")
    @Operation(summary = "Claim a task (409 when someone else holds it)")
    ResponseEntity<Void> claim(@PathVariable String taskId, Authentication authentication) {
        tasks.claim(taskId, CurrentUser.of(authentication));
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/{taskId}/unclaim")
    @Operation(summary = "Give a claimed task back to its groups")
    ResponseEntity<Void> unclaim(@PathVariable String taskId, Authentication authentication) {
        tasks.unclaim(taskId, CurrentUser.of(authentication));
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/{taskId}/complete")
    @Operation(summary = "Complete a task with values for its form fields",
            description = "400 names each bad field; 403 when the task is not yours or your groups'.")
    ResponseEntity<Void> complete(@PathVariable String taskId, @RequestBody(required = false) CompleteTaskRequest request,
                                  Authentication authentication) {
        tasks.complete(taskId, request == null ? null : request.variables(), CurrentUser.of(authentication));
        return ResponseEntity.noContent().build();
    }
}
