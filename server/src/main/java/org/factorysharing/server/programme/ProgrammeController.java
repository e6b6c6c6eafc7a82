package org.factorysharing.server.programme;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import java.net.URI;
import java.util.List;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.factorysharing.api.factory.FactoryId;
import org.factorysharing.api.programme.ProgrammeQueries.FindWave;
import org.factorysharing.api.programme.ProgrammeQueries.FindWaveKpis;
import org.factorysharing.api.programme.ProgrammeQueries.FindWaves;
import org.factorysharing.api.programme.ProgrammeQueries.WaveKpisView;
import org.factorysharing.api.programme.ProgrammeQueries.WaveSummaryView;
import org.factorysharing.api.programme.ProgrammeQueries.WaveView;
import org.factorysharing.api.programme.ProgrammeTaskCommands.SubmitProposal;
import org.factorysharing.api.programme.ProgrammeTaskCommands.SubmitStageDecision;
import org.factorysharing.api.programme.WaveCommands.ApproveEarlyEvaluation;
import org.factorysharing.api.programme.WaveCommands.DeclineEarlyEvaluation;
import org.factorysharing.api.programme.WaveCommands.EnrolFactory;
import org.factorysharing.api.programme.WaveCommands.PlanWave;
import org.factorysharing.api.programme.WaveCommands.RequestEarlyEvaluation;
import org.factorysharing.api.programme.WaveId;
import org.factorysharing.api.programme.WaveStatus;
import org.factorysharing.api.shared.Groups;
import org.factorysharing.api.shared.InvalidField;
import org.factorysharing.api.shared.NotFound;
import org.factorysharing.api.task.TaskQueries.FindTasksAbout;
import org.factorysharing.api.task.TaskQueries.TaskView;
import org.factorysharing.server.programme.ProgrammeRequests.ApprovalRequest;
import org.factorysharing.server.programme.ProgrammeRequests.EarlyEvaluationDecision;
import org.factorysharing.server.programme.ProgrammeRequests.EarlyEvaluationDecisionRequest;
import org.factorysharing.server.programme.ProgrammeRequests.EnrolFactoryRequest;
import org.factorysharing.server.programme.ProgrammeRequests.PlanWaveRequest;
import org.factorysharing.server.programme.ProgrammeRequests.ProposalRequest;
import org.factorysharing.server.web.ReasonRequest;
import org.factorysharing.web.security.CurrentUser;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Programme waves: officers plan them and enrol factories; the pilot_rollout process evaluates each wave after
 * its pilot period, or earlier when a supervisor approves an officer's request; officers propose the outcome and
 * three stages approve it. Proposing and approving complete
 * the wave's workflow tasks, so the same checks apply here, in the task API and in Tasklist.
 */
@RestController
@RequestMapping("/api/programme/waves")
@Validated
@Tag(name = "Programme", description = "Pilot and scale-up waves, their KPIs and the scale-up approvals")
class ProgrammeController {

    private static final String WAVE_ID = "[A-Za-z0-9-]{1,64}";

    private final CommandGateway commands;
    private final QueryGateway queries;

    ProgrammeController(CommandGateway commands, QueryGateway queries) {
        this.commands = commands;
        this.queries = queries;
    }

    @PostMapping
    @Operation(
            summary = "Plan a wave (officers): target, pilot period and the KPI thresholds that define success",
            description = "Starts its pilot_rollout process; the wave starts when its first factory is commissioned.")
    @ResponseStatus(HttpStatus.CREATED)
    ResponseEntity<WavePlannedView> plan(@Valid @RequestBody PlanWaveRequest request, Authentication user) {
        WaveId waveId = WaveId.newId();
        commands.sendAndWait(new PlanWave(
                waveId,
                request.name(),
                request.year(),
                request.kind(),
                request.targetFactories(),
                request.pilotMonths(),
                request.thresholds().toThresholds(),
                null,
                user.getName()));
        return ResponseEntity.created(URI.create("/api/programme/waves/" + waveId.value()))
                .body(new WavePlannedView(waveId.value(), WaveStatus.PLANNED));
    }

    @GetMapping
    @Operation(summary = "Programme dashboard: every wave with target, enrolled, commissioned and running factories")
    List<WaveSummaryView> list() {
        return queries.query(new FindWaves(), ResponseTypes.multipleInstancesOf(WaveSummaryView.class))
                .join();
    }

    @GetMapping("/{waveId}")
    @Operation(
            summary = "One wave: factories with their KPIs, the wave's KPIs by month, recommendations and "
                    + "the approval timeline of each proposal")
    WaveView get(@PathVariable @Pattern(regexp = WAVE_ID) String waveId) {
        return find(waveId);
    }

    @GetMapping("/{waveId}/kpis")
    @Operation(summary = "The wave's KPIs over its pilot period, by month, with the event-store position they include")
    WaveKpisView kpis(@PathVariable @Pattern(regexp = WAVE_ID) String waveId) {
        return queries.query(new FindWaveKpis(new WaveId(waveId)), ResponseTypes.optionalInstanceOf(WaveKpisView.class))
                .join()
                .orElseThrow(() -> new NotFound("wave " + waveId));
    }

    @PostMapping("/{waveId}/factories")
    @Operation(
            summary = "Enrol a factory (officers); beyond the target only a supervisor may enrol",
            description = "Records the region's potential for the factory's commodity. 404 unknown wave or factory; "
                    + "409 when the factory is in another wave, the region has no potential for its commodity, "
                    + "or the target is reached.")
    ResponseEntity<Void> enrol(
            @PathVariable @Pattern(regexp = WAVE_ID) String waveId,
            @Valid @RequestBody EnrolFactoryRequest request,
            Authentication user) {
        commands.sendAndWait(new EnrolFactory(
                new WaveId(waveId),
                new FactoryId(request.factoryId()),
                user.getName(),
                CurrentUser.of(user).isIn(Groups.SUPERVISORS)));
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/{waveId}/tasks")
    @Operation(summary = "Open workflow tasks of the wave: the proposal and the approval stage waiting now")
    List<TaskView> openTasks(@PathVariable @Pattern(regexp = WAVE_ID) String waveId) {
        find(waveId);
        return queries.query(new FindTasksAbout(waveId), ResponseTypes.multipleInstancesOf(TaskView.class))
                .join();
    }

    @PostMapping("/{waveId}/proposal")
    @Operation(
            summary = "Propose the outcome after an evaluation (officers)",
            description = "Completes the wave's 'Propose outcome' task; 409 when the wave is not waiting for one.")
    ResponseEntity<Void> propose(
            @PathVariable @Pattern(regexp = WAVE_ID) String waveId,
            @Valid @RequestBody ProposalRequest request,
            Authentication user) {
        find(waveId);
        commands.sendAndWait(new SubmitProposal(
                new WaveId(waveId),
                request.outcome(),
                request.proposedTarget(),
                request.extensionMonths(),
                request.justification()));
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/{waveId}/approvals")
    @Operation(
            summary = "Approve or reject the open stage of the scale-up proposal",
            description = "Regional review: officers; planning review: planners; final approval: executives "
                    + "(supervisors too once a stage is overdue). 403 for anyone else, for the proposer and for "
                    + "whoever decided another stage of the proposal (four-eyes); 409 when the stage named is not "
                    + "the one open now.")
    ResponseEntity<Void> decide(
            @PathVariable @Pattern(regexp = WAVE_ID) String waveId,
            @Valid @RequestBody ApprovalRequest request,
            Authentication user) {
        find(waveId);
        commands.sendAndWait(
                new SubmitStageDecision(new WaveId(waveId), request.stage(), request.decision(), request.comment()));
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/{waveId}/early-evaluations")
    @Operation(
            summary = "Ask for an early evaluation of the running pilot, with the reason (officers and supervisors)",
            description = "A supervisor other than the requester then approves or declines it; the wave's view lists "
                    + "the requests (earlyEvaluations). 404 unknown wave; 409 when the pilot is not running "
                    + "(wave.not-running) or a request is open already (wave.early-evaluation-open).")
    ResponseEntity<Void> requestEarlyEvaluation(
            @PathVariable @Pattern(regexp = WAVE_ID) String waveId, @Valid @RequestBody ReasonRequest request) {
        commands.sendAndWait(new RequestEarlyEvaluation(new WaveId(waveId), request.reason()));
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/{waveId}/early-evaluations/{requestNo}/decision")
    @Operation(
            summary = "Approve or decline a request for an early evaluation (supervisors)",
            description = "APPROVE ends the pilot period now and the pilot_rollout process evaluates the wave at once; "
                    + "DECLINE needs the reason in the comment and the pilot runs on. 403 for the requester "
                    + "(four-eyes) and anyone not a supervisor; 409 when the request is not the open one "
                    + "(wave.no-open-early-evaluation) or was approved already (wave.early-evaluation-decided).")
    ResponseEntity<Void> decideEarlyEvaluation(
            @PathVariable @Pattern(regexp = WAVE_ID) String waveId,
            @PathVariable @Min(1) @Max(1_000_000) int requestNo,
            @Valid @RequestBody EarlyEvaluationDecisionRequest request) {
        WaveId id = new WaveId(waveId);
        if (request.decision() == EarlyEvaluationDecision.DECLINE
                && (request.comment() == null || request.comment().isBlank())) {
            throw new InvalidField("comment", "is required when declining: the reason");
        }
        commands.sendAndWait(
                switch (request.decision()) {
                    case APPROVE -> new ApproveEarlyEvaluation(id, requestNo, request.comment());
                    case DECLINE -> new DeclineEarlyEvaluation(id, requestNo, request.comment());
                });
        return ResponseEntity.noContent().build();
    }

    private WaveView find(String waveId) {
        return queries.query(new FindWave(new WaveId(waveId)), ResponseTypes.optionalInstanceOf(WaveView.class))
                .join()
                .orElseThrow(() -> new NotFound("wave " + waveId));
    }

    record WavePlannedView(String waveId, WaveStatus status) {}
}
