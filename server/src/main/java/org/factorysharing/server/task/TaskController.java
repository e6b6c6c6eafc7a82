package org.factorysharing.server.task;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.Map;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.queryhandling.QueryGateway;
import org.factorysharing.api.task.TaskCommands.ClaimTask;
import org.factorysharing.api.task.TaskCommands.CompleteTask;
import org.factorysharing.api.task.TaskCommands.UnclaimTask;
import org.factorysharing.api.task.TaskQueries.FindMyTasks;
import org.factorysharing.api.task.TaskQueries.FindTask;
import org.factorysharing.api.task.TaskQueries.TaskAssignment;
import org.factorysharing.api.task.TaskQueries.TaskDetailView;
import org.factorysharing.api.task.TaskQueries.TaskPage;
import org.factorysharing.api.task.TaskQueries.TaskSort;
import org.factorysharing.server.web.PlainText;
import org.factorysharing.web.security.CurrentUser;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The signed-in user's workflow tasks. Completing a task here has the same effect as in Camunda Tasklist: both go
 * through the engine, the process model's form and its listeners; who may work on which task is the task rules'.
 */
@RestController
@RequestMapping("/api/tasks")
@Validated
@Tag(name = "Tasks", description = "Open workflow tasks of the signed-in user and their groups")
class TaskController {

    private final CommandGateway commands;
    private final QueryGateway queries;

    TaskController(CommandGateway commands, QueryGateway queries) {
        this.commands = commands;
        this.queries = queries;
    }

    @GetMapping
    @Operation(
            summary = "My open tasks and my groups' unclaimed ones: filter, page and sort",
            description = "A page of tasks with the total. Filters: taskKey (the kind of task, e.g."
                    + " user_inspect_factory), processKey (e.g. factory_commissioning), factoryId (the tasks of the"
                    + " factory's commissioning and of its production jobs), businessKey (the member, factory, job"
                    + " or wave a task is about), overdue (true: past the due date; false: not, or without one),"
                    + " assignment (MINE: claimed by me; UNASSIGNED: offered to me or my groups, unclaimed; ANY:"
                    + " both). Without sort, most urgent first: highest priority first (an overdue task is"
                    + " escalated to priority 100), then the earliest due date, then the oldest. With sort, that"
                    + " column first in its direction (default: DUE and CREATED ascending, PRIORITY descending;"
                    + " tasks without a due date come last when DUE is ascending), then the most urgent.")
    TaskPage mine(
            @RequestParam(required = false) @PlainText @Size(max = 100) String taskKey,
            @RequestParam(required = false) @PlainText @Size(max = 100) String processKey,
            @RequestParam(required = false) @PlainText @Size(max = 100) String factoryId,
            @RequestParam(required = false) @PlainText @Size(max = 100) String businessKey,
            @RequestParam(required = false) Boolean overdue,
            @RequestParam(defaultValue = "ANY") TaskAssignment assignment,
            @RequestParam(required = false) TaskSort sort,
            @RequestParam(required = false) @Pattern(regexp = "ASC|DESC", message = "must be ASC or DESC")
                    String direction,
            @RequestParam(defaultValue = "0") @Min(0) @Max(1_000_000) int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(200) int size,
            Authentication authentication) {
        CurrentUser user = CurrentUser.of(authentication);
        return queries.query(
                        new FindMyTasks(
                                user.id(),
                                user.groups(),
                                blankToNull(taskKey),
                                blankToNull(processKey),
                                blankToNull(factoryId),
                                blankToNull(businessKey),
                                overdue,
                                assignment,
                                sort,
                                direction == null ? null : "DESC".equals(direction),
                                page,
                                size),
                        TaskPage.class)
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

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    /** Body of a completion: the values for the task's form fields. */
    record CompleteTaskRequest(Map<String, Object> variables) {
        /** An example for the API documentation; a test checks that it is valid. */
        static final CompleteTaskRequest EXAMPLE = new CompleteTaskRequest(Map.of("passed", true));
    }
}
