package org.factorysharing.server.task;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Map;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.factorysharing.api.task.TaskCommands.ClaimTask;
import org.factorysharing.api.task.TaskCommands.CompleteTask;
import org.factorysharing.api.task.TaskCommands.UnclaimTask;
import org.factorysharing.api.task.TaskQueries.FindMyTasks;
import org.factorysharing.api.task.TaskQueries.FindTask;
import org.factorysharing.api.task.TaskQueries.TaskDetailView;
import org.factorysharing.api.task.TaskQueries.TaskView;
import org.factorysharing.server.security.CurrentUser;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The signed-in user's workflow tasks. Completing a task here has the same effect as in Camunda Tasklist: both go
 * through the engine, the process model's form and its listeners; who may work on which task is the task rules'.
 */
@RestController
@RequestMapping("/api/tasks")
@Tag(name = "Tasks", description = "Open workflow tasks of the signed-in user and their groups")
class TaskController {

    private final CommandGateway commands;
    private final QueryGateway queries;

    TaskController(CommandGateway commands, QueryGateway queries) {
        this.commands = commands;
        this.queries = queries;
    }

    @GetMapping
    @Operation(summary = "My open tasks and my groups' unclaimed ones, most urgent first")
    List<TaskView> mine(Authentication authentication) {
        CurrentUser user = CurrentUser.of(authentication);
        return queries.query(
                        new FindMyTasks(user.id(), user.groups()), ResponseTypes.multipleInstancesOf(TaskView.class))
                .join();
    }

    @GetMapping("/{taskId}")
    @Operation(summary = "A task with its form fields")
    TaskDetailView get(@PathVariable String taskId, Authentication authentication) {
        CurrentUser user = CurrentUser.of(authentication);
        return queries.query(new FindTask(taskId, user.id(), user.groups()), TaskDetailView.class)
                .join();
    }

    @PostMapping("/{taskId}/claim")
    @Operation(summary = "Claim a task (409 when someone else holds it)")
    ResponseEntity<Void> claim(@PathVariable String taskId) {
        commands.sendAndWait(new ClaimTask(taskId));
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/{taskId}/unclaim")
    @Operation(summary = "Give a claimed task back to its groups")
    ResponseEntity<Void> unclaim(@PathVariable String taskId) {
        commands.sendAndWait(new UnclaimTask(taskId));
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/{taskId}/complete")
    @Operation(
            summary = "Complete a task with values for its form fields",
            description = "400 names each bad field; 403 when the task is not yours or your groups'.")
    ResponseEntity<Void> complete(
            @PathVariable String taskId, @RequestBody(required = false) CompleteTaskRequest request) {
        commands.sendAndWait(new CompleteTask(
                taskId, request == null || request.variables() == null ? Map.of() : request.variables()));
        return ResponseEntity.noContent().build();
    }

    /** Body of a completion: the values for the task's form fields. */
    record CompleteTaskRequest(Map<String, Object> variables) {}
}
