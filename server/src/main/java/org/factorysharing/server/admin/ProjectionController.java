package org.factorysharing.server.admin;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.List;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.factorysharing.api.operations.OperationsCommands.ReplayProjection;
import org.factorysharing.api.operations.OperationsQueries.FindProcessor;
import org.factorysharing.api.operations.OperationsQueries.FindProcessors;
import org.factorysharing.api.operations.OperationsQueries.ProcessorView;
import org.factorysharing.api.shared.NotFound;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Admins watch the event processors and rebuild a read model by replaying the event store. */
@RestController
@RequestMapping("/api/admin/projections")
@Tag(name = "Admin: projections", description = "Streaming event processors: progress and replays (admins)")
class ProjectionController {

    private final CommandGateway commands;
    private final QueryGateway queries;

    ProjectionController(CommandGateway commands, QueryGateway queries) {
        this.commands = commands;
        this.queries = queries;
    }

    @GetMapping
    @Operation(summary = "Every streaming event processor with its segments' positions against the head")
    List<ProcessorView> processors() {
        return queries.query(new FindProcessors(), ResponseTypes.multipleInstancesOf(ProcessorView.class))
                .join();
    }

    @GetMapping("/{name}")
    @Operation(summary = "One processor: replaying, position per segment, head position, percentage")
    ProcessorView processor(@PathVariable String name) {
        return queries.query(new FindProcessor(name), ResponseTypes.optionalInstanceOf(ProcessorView.class))
                .join()
                .orElseThrow(() -> new NotFound("processor " + name));
    }

    @PostMapping("/{name}/replay")
    @Operation(
            summary = "Clear a read model and rebuild it from the first event",
            description = "202 with the processor's progress in Location. 409 for a workflow bridge, or while "
                    + "another node processes it.")
    @ResponseStatus(HttpStatus.ACCEPTED)
    ResponseEntity<ProcessorView> replay(@PathVariable String name) {
        ProcessorView progress = commands.sendAndWait(new ReplayProjection(name));
        return ResponseEntity.accepted()
                .location(URI.create("/api/admin/projections/" + name))
                .body(progress);
    }
}
