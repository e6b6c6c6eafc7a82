package org.factorysharing.server.programme;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import java.net.URI;
import java.util.List;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.factorysharing.api.programme.DecisionQueries.DecisionVersionView;
import org.factorysharing.api.programme.DecisionQueries.FindDecisionVersions;
import org.factorysharing.api.programme.DecisionQueries.ReEvaluateRecommendation;
import org.factorysharing.api.programme.DecisionQueries.ReEvaluationView;
import org.factorysharing.api.programme.ProgrammeTaskCommands.DeployDecisionVersion;
import org.factorysharing.api.programme.WaveId;
import org.factorysharing.api.shared.InvalidField;
import org.factorysharing.api.shared.NotFound;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The scale_up_eligibility decision table: its versions, deploying a new one, and auditors' re-evaluation. */
@RestController
@Validated
@Tag(name = "Programme", description = "Pilot and scale-up waves, their KPIs and the scale-up approvals")
class DecisionController {

    private static final int MAX_DMN_BYTES = 1_000_000;

    private final CommandGateway commands;
    private final QueryGateway queries;

    DecisionController(CommandGateway commands, QueryGateway queries) {
        this.commands = commands;
        this.queries = queries;
    }

    @GetMapping("/api/programme/decisions/scale-up-eligibility")
    @Operation(summary = "Deployed versions of scale_up_eligibility, newest first")
    List<DecisionVersionView> versions() {
        return queries.query(new FindDecisionVersions(), ResponseTypes.multipleInstancesOf(DecisionVersionView.class))
                .join();
    }

    @PostMapping(
            path = "/api/programme/decisions/scale-up-eligibility",
            consumes = {MediaType.APPLICATION_XML_VALUE, MediaType.TEXT_XML_VALUE, "application/dmn+xml"})
    @Operation(
            summary = "Deploy a new version of scale_up_eligibility (officers), effective without a restart",
            description = "The body is the DMN XML. 400 when it is not DMN or lacks the decision; 409 when the "
                    + "table cannot decide on a wave's KPIs. Evaluations record the version they used.")
    @ResponseStatus(HttpStatus.CREATED)
    ResponseEntity<DecisionVersionView> deploy(@RequestBody byte[] dmn) {
        if (dmn.length == 0 || dmn.length > MAX_DMN_BYTES) {
            throw new InvalidField("body", "must be a DMN document of at most " + MAX_DMN_BYTES + " bytes");
        }
        DecisionVersionView deployed = commands.sendAndWait(new DeployDecisionVersion(dmn));
        return ResponseEntity.created(URI.create("/api/programme/decisions/scale-up-eligibility"))
                .body(deployed);
    }

    @GetMapping("/api/audit/waves/{waveId}/recommendations/{evaluationNo}/re-evaluation")
    @Operation(
            summary = "Evaluate a recorded recommendation again (auditors)",
            description = "Reads the recommendation's event, evaluates the decision version it recorded with the "
                    + "inputs it recorded, and shows both answers side by side.")
    ReEvaluationView reEvaluate(
            @PathVariable @Pattern(regexp = "[A-Za-z0-9-]{1,64}") String waveId,
            @PathVariable @Min(1) int evaluationNo) {
        return queries.query(
                        new ReEvaluateRecommendation(new WaveId(waveId), evaluationNo),
                        ResponseTypes.optionalInstanceOf(ReEvaluationView.class))
                .join()
                .orElseThrow(() -> new NotFound("evaluation " + evaluationNo + " of wave " + waveId));
    }
}
