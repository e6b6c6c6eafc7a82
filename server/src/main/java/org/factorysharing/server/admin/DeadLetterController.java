package org.factorysharing.server.admin;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.factorysharing.api.operations.OperationsCommands.EvictDeadLetter;
import org.factorysharing.api.operations.OperationsCommands.EvictDeadLetterSequence;
import org.factorysharing.api.operations.OperationsCommands.RetryDeadLetters;
import org.factorysharing.api.operations.OperationsCommands.RetryResult;
import org.factorysharing.api.operations.OperationsQueries.DeadLetterSequenceView;
import org.factorysharing.api.operations.OperationsQueries.FindDeadLetters;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Admins inspect the events a processing group parked, retry them once the cause is fixed, or give them up. */
@RestController
@RequestMapping("/api/admin/dead-letters")
@Tag(name = "Admin: dead letters", description = "Events a processing group failed on (admins)")
class DeadLetterController {

    private final CommandGateway commands;
    private final QueryGateway queries;

    DeadLetterController(CommandGateway commands, QueryGateway queries) {
        this.commands = commands;
        this.queries = queries;
    }

    @GetMapping
    @Operation(summary = "Parked sequences and their letters, of one processing group or of all")
    List<DeadLetterSequenceView> sequences(@RequestParam(required = false) String processingGroup) {
        return queries.query(
                        new FindDeadLetters(processingGroup),
                        ResponseTypes.multipleInstancesOf(DeadLetterSequenceView.class))
                .join();
    }

    @PostMapping("/{processingGroup}/retry")
    @Operation(summary = "Handle every parked sequence of the group again; reports how many succeeded")
    RetryResult retry(@PathVariable String processingGroup) {
        return commands.sendAndWait(new RetryDeadLetters(processingGroup));
    }

    @DeleteMapping("/{processingGroup}/sequences/{sequenceIdentifier}")
    @Operation(summary = "Evict a whole sequence: its events are given up")
    ResponseEntity<Void> evictSequence(@PathVariable String processingGroup, @PathVariable String sequenceIdentifier) {
        commands.sendAndWait(new EvictDeadLetterSequence(processingGroup, sequenceIdentifier));
        return ResponseEntity.noContent().build();
    }

    @DeleteMapping("/{processingGroup}/letters/{letterId}")
    @Operation(summary = "Evict one letter; the rest of its sequence stays parked")
    ResponseEntity<Void> evictLetter(@PathVariable String processingGroup, @PathVariable String letterId) {
        commands.sendAndWait(new EvictDeadLetter(processingGroup, letterId));
        return ResponseEntity.noContent().build();
    }
}
