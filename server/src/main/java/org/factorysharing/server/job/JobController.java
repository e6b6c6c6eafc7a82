package org.factorysharing.server.job;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.util.List;
import java.util.Optional;
import org.factorysharing.server.security.CurrentUser;
import org.factorysharing.server.security.Groups;
import org.factorysharing.server.security.Visibility;
import org.factorysharing.server.web.InvalidField;
import org.springframework.security.access.AccessDeniedException;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.factorysharing.api.factory.FactoryId;
import org.factorysharing.api.factory.ReservationRejection;
import org.factorysharing.api.job.JobCommands.CancelOwnProductionJob;
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
import org.factorysharing.api.shared.ProgrammeTime;
import org.factorysharing.server.web.ReasonRequest;
import org.factorysharing.server.job.JobRequests.RequestJobRequest;
import org.factorysharing.server.web.DateWindow;
import org.factorysharing.server.web.InvalidField;
import org.factorysharing.server.web.NotFound;
import org.factorysharing.server.web.PlainText;
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

    private final Visibility visibility;

    JobController(CommandGateway commands, QueryGateway queries, Visibility visibility) {
        this.commands = commands;
        this.queries = queries;
        this.visibility = visibility;
    }

    /**
     * 202, not 201: the member's eligibility is decided at once, but machine time is reserved afterwards by
     * the production_job process, so the job may still be scheduled or rejected; GET the Location to follow it.
     */
    @PostMapping
    @Operation(summary = "Request a production job (machine time on a machine type within a window)",
            description = "202 with status REQUESTED (capacity is reserved next), or REJECTED with the reason when"
                    + " the member may not book (not verified, not qualified). 404 for an unknown member or factory.")
    ResponseEntity<JobAcceptedView> request(@Valid @RequestBody RequestJobRequest request, Authentication user) {
        if (request.earliestStart().isBefore(DateWindow.today())) {
            throw new InvalidField("earliestStart", "must be today or later (" + ProgrammeTime.ZONE + ")");
        }
        DateWindow.require("earliestStart", request.earliestStart(), "deadline", request.deadline(), MAX_WINDOW_DAYS);
        CurrentUser current = CurrentUser.of(user);
        if (visibility.actsForAMember(current)
                && !visibility.memberOf(current).equals(Optional.of(request.memberId().strip()))) {
            throw new AccessDeniedException("a member's login books machine time only for its own member");
        }
        JobId jobId = JobId.newId();
        JobRequestOutcome outcome = commands.sendAndWait(new RequestProductionJob(jobId,
                new MemberId(request.memberId().strip()), new FactoryId(request.factoryId().strip()),
                request.machineType(), request.product(), request.quantity(), request.machineHours(),
                request.earliestStart(), request.deadline(), user.getName()));
        return ResponseEntity.status(HttpStatus.ACCEPTED)
                .location(URI.create("/api/jobs/" + jobId.value()))
                .body(new JobAcceptedView(jobId.value(), outcome.status(), outcome.rejection(), outcome.reason()));
    }

    @GetMapping
    @Operation(summary = "Job board: filter by factory, member and status; newest first")
    JobPage list(@RequestParam(required = false) @PlainText @Size(max = 100) String factoryId,
                 @RequestParam(required = false) @PlainText @Size(max = 100) String memberId,
                 @RequestParam(required = false) JobStatus status,
                 @RequestParam(defaultValue = "0") @Min(0) @Max(1_000_000) int page,
                 @RequestParam(defaultValue = "20") @Min(1) @Max(200) int size,
                 Authentication user) {
        FindJobs query = new FindJobs(blankToNull(factoryId), blankToNull(memberId), status, page, size);
        return queries.query(visibleTo(CurrentUser.of(user), query), JobPage.class).join();
    }

    /**
     * Narrows the board to what the user may see: a member's login to its own member's jobs, factory staff to
     * one of their factories (named with factoryId when they staff several).
     */
    private FindJobs visibleTo(CurrentUser user, FindJobs query) {
        if (visibility.seesEverything(user)) {
            return query;
        }
        if (user.isIn(Groups.MEMBERS)) {
            String own = visibility.memberOf(user)
                    .orElseThrow(() -> new AccessDeniedException("this login does not act for a member yet"));
            if (query.memberId() != null && !query.memberId().equals(own)) {
                throw new AccessDeniedException("a member's login sees only its own member's jobs");
            }
            return new FindJobs(query.factoryId(), own, query.status(), query.page(), query.size());
        }
        List<String> factories = visibility.factoriesStaffedBy(user);
        if (query.factoryId() != null) {
            if (!factories.contains(query.factoryId())) {
                throw new AccessDeniedException("factory staff see only the jobs of their own factories");
            }
            return query;
        }
        if (factories.size() != 1) {
            throw factories.isEmpty() ? new AccessDeniedException("you are not on the staff of any factory")
                    : new InvalidField("factoryId", "is required: you are on the staff of several factories");
        }
        return new FindJobs(factories.get(0), query.memberId(), query.status(), query.page(), query.size());
    }

    @GetMapping("/{jobId}")
    @Operation(summary = "Job detail: window, allocations, output, rejection or rework notes")
    JobView get(@PathVariable String jobId, Authentication user) {
        return visibleJob(jobId, CurrentUser.of(user));
    }

    /** Someone else's job is answered like an unknown one. */
    private JobView visibleJob(String jobId, CurrentUser user) {
        return queries.query(new FindJob(new JobId(jobId)), ResponseTypes.optionalInstanceOf(JobView.class)).join()
                .filter(job -> visibility.maySee(user, job.memberId(), job.factoryId()))
                .orElseThrow(() -> new NotFound("job " + jobId));
    }

    @PostMapping("/{jobId}/cancellation")
    @Operation(summary = "Cancel a job that is not completed; its machine time is released",
            description = "409 when the job is completed or rejected.")
    ResponseEntity<Void> cancel(@PathVariable String jobId, @Valid @RequestBody ReasonRequest request,
                                Authentication user) {
        CurrentUser current = CurrentUser.of(user);
        if (visibility.actsForAMember(current)) {
            // decided on the job itself, not on the board, which may not show a job requested a moment ago
            String own = visibility.memberOf(current).orElseThrow(() -> new NotFound("job " + jobId));
            commands.sendAndWait(new CancelOwnProductionJob(new JobId(jobId), new MemberId(own), request.reason(),
                    user.getName()));
        } else {
            commands.sendAndWait(new CancelProductionJob(new JobId(jobId), request.reason(), user.getName()));
        }
        return ResponseEntity.noContent().build();
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    /** Answer to a job request: where the job lives, and its status; a refusal carries its reason. */
    record JobAcceptedView(String jobId, JobStatus status, ReservationRejection rejection, String reason) {
    }
}
