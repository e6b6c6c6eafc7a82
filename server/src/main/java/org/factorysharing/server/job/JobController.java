package org.factorysharing.server.job;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import java.net.URI;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.factorysharing.api.factory.FactoryId;
import org.factorysharing.api.factory.ReservationRejection;
import org.factorysharing.api.job.JobCommands.CancelProductionJob;
import org.factorysharing.api.job.JobCommands.JobRequestOutcome;
import org.factorysharing.api.job.JobCommands.RequestProductionJob;
import org.factorysharing.api.job.JobId;
import org.factorysharing.api.job.JobQueries.FindJob;
import org.factorysharing.api.job.JobQueries.FindJobs;
import org.factorysharing.api.job.JobQueries.JobPage;
import org.factorysharing.api.job.JobQueries.JobView;
import org.factorysharing.api.job.JobStatus;
import org.factorysharing.api.member.MemberId;
import org.factorysharing.api.shared.InvalidField;
import org.factorysharing.api.shared.NotFound;
import org.factorysharing.api.shared.ProgrammeTime;
import org.factorysharing.server.job.JobRequests.RequestJobRequest;
import org.factorysharing.server.web.DateWindow;
import org.factorysharing.server.web.PlainText;
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
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Production jobs: request machine time, browse the job board, cancel. Starting, recording output and
 * inspecting are workflow tasks of the factory's staff (/api/tasks).
 */
@RestController
@RequestMapping("/api/jobs")
@Validated
@Tag(name = "Production jobs", description = "Members' bookings of machine time and their execution")
class JobController {

    /** The booking window, from earliest start to deadline, spans at most a year (a leap year included). */
    static final int MAX_WINDOW_DAYS = 366;

    private final CommandGateway commands;
    private final QueryGateway queries;

    private final JobPolicy policy;

    JobController(CommandGateway commands, QueryGateway queries, JobPolicy policy) {
        this.commands = commands;
        this.queries = queries;
        this.policy = policy;
    }

    /**
     * 202, not 201: the member's eligibility is decided at once, but machine time is reserved afterwards by
     * the production_job process, so the job may still be scheduled or rejected; GET the Location to follow it.
     */
    @PostMapping
    @Operation(
            summary = "Request a production job (machine time on a machine type within a window)",
            description = "202 with status REQUESTED (capacity is reserved next), or REJECTED with the reason when"
                    + " the member may not book (not verified, not qualified). 404 for an unknown member or factory.")
    @ResponseStatus(HttpStatus.ACCEPTED)
    ResponseEntity<JobAcceptedView> request(@Valid @RequestBody RequestJobRequest request, Authentication user) {
        if (request.earliestStart().isBefore(DateWindow.today())) {
            throw new InvalidField("earliestStart", "must be today or later (" + ProgrammeTime.ZONE + ")");
        }
        DateWindow.require("earliestStart", request.earliestStart(), "deadline", request.deadline(), MAX_WINDOW_DAYS);
        // a member's login books only for its own member: the command side decides, on the claim table
        JobId jobId = JobId.newId();
        JobRequestOutcome outcome = commands.sendAndWait(new RequestProductionJob(
                jobId,
                new MemberId(request.memberId().strip()),
                new FactoryId(request.factoryId().strip()),
                request.machineType(),
                request.product(),
                request.quantity(),
                request.machineHours(),
                request.earliestStart(),
                request.deadline(),
                user.getName()));
        return ResponseEntity.status(HttpStatus.ACCEPTED)
                .location(URI.create("/api/jobs/" + jobId.value()))
                .body(new JobAcceptedView(jobId.value(), outcome.status(), outcome.rejection(), outcome.reason()));
    }

    @GetMapping
    @Operation(summary = "Job board: filter by factory, member and status; newest first")
    JobPage list(
            @RequestParam(required = false) @PlainText @Size(max = 100) String factoryId,
            @RequestParam(required = false) @PlainText @Size(max = 100) String memberId,
            @RequestParam(required = false) JobStatus status,
            @RequestParam(defaultValue = "0") @Min(0) @Max(1_000_000) int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(200) int size,
            Authentication user) {
        FindJobs query = new FindJobs(blankToNull(factoryId), blankToNull(memberId), status, page, size);
        return queries.query(policy.visibleTo(CurrentUser.of(user), query), JobPage.class)
                .join();
    }

    @GetMapping("/{jobId}")
    @Operation(summary = "Job detail: window, allocations, output, rejection or rework notes")
    JobView get(@PathVariable String jobId, Authentication user) {
        return visibleJob(jobId, CurrentUser.of(user));
    }

    /** Someone else's job is answered like an unknown one. */
    private JobView visibleJob(String jobId, CurrentUser user) {
        return queries.query(new FindJob(new JobId(jobId)), ResponseTypes.optionalInstanceOf(JobView.class))
                .join()
                .filter(job -> policy.maySee(user, job))
                .orElseThrow(() -> new NotFound("job " + jobId));
    }

    @PostMapping("/{jobId}/cancellation")
    @Operation(
            summary = "Cancel a job that is not completed; its machine time is released",
            description = "409 when the job is completed or rejected.")
    ResponseEntity<Void> cancel(
            @PathVariable String jobId, @Valid @RequestBody ReasonRequest request, Authentication user) {
        // a member's login cancels only its own member's jobs: decided on the job and the claim table
        commands.sendAndWait(new CancelProductionJob(new JobId(jobId), request.reason(), user.getName()));
        return ResponseEntity.noContent().build();
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    /** Answer to a job request: where the job lives, and its status; a refusal carries its reason. */
    record JobAcceptedView(String jobId, JobStatus status, ReservationRejection rejection, String reason) {}
}
