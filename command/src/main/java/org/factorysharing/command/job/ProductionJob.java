package org.factorysharing.command.job;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;
import static org.factorysharing.command.shared.Require.text;
import static org.factorysharing.command.shared.Require.that;
import static org.factorysharing.command.shared.Require.violation;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.spring.stereotype.Aggregate;
import org.factorysharing.api.factory.Allocation;
import org.factorysharing.api.factory.FactoryId;
import org.factorysharing.api.job.JobCommands.CancelProductionJob;
import org.factorysharing.api.job.JobCommands.PassQualityInspection;
import org.factorysharing.api.job.JobCommands.RecordJobOutput;
import org.factorysharing.api.job.JobCommands.RejectProductionJob;
import org.factorysharing.api.job.JobCommands.RequestProductionJob;
import org.factorysharing.api.job.JobCommands.ScheduleProductionJob;
import org.factorysharing.api.job.JobCommands.SendJobToRework;
import org.factorysharing.api.job.JobCommands.StartProductionJob;
import org.factorysharing.api.job.JobEvent.JobOutputRecorded;
import org.factorysharing.api.job.JobEvent.ProductionJobCancelled;
import org.factorysharing.api.job.JobEvent.ProductionJobCompleted;
import org.factorysharing.api.job.JobEvent.ProductionJobRejected;
import org.factorysharing.api.job.JobEvent.ProductionJobRequestRefused;
import org.factorysharing.api.job.JobEvent.ProductionJobRequested;
import org.factorysharing.api.job.JobEvent.ProductionJobRescheduled;
import org.factorysharing.api.job.JobEvent.ProductionJobScheduled;
import org.factorysharing.api.job.JobEvent.ProductionJobSentToRework;
import org.factorysharing.api.job.JobEvent.ProductionJobStarted;
import org.factorysharing.api.job.JobId;
import org.factorysharing.api.job.JobStatus;
import org.factorysharing.api.member.MemberId;
import org.factorysharing.api.shared.ActorMetaData;
import org.factorysharing.command.member.AccountClaims;
import org.factorysharing.command.member.MemberEligibility.Refusal;
import org.factorysharing.command.shared.Acting;
import org.factorysharing.command.shared.Require;

/** A member's production job: from the request through execution and inspection to completion. */
@Aggregate
class ProductionJob {

    static final int MAX_MACHINE_HOURS = 10_000;
    static final int MAX_WINDOW_DAYS = 366;

    @AggregateIdentifier
    private JobId jobId;

    private FactoryId factoryId;
    private MemberId memberId;
    private JobStatus status;
    private int machineHours;
    private int goodUnits;
    private int rejectedUnits;

    ProductionJob() {
        // for Axon: rebuilt from its events
    }

    /** Created by {@link ProductionJobRequests} once the member's eligibility is known. */
    ProductionJob(RequestProductionJob cmd, Optional<Refusal> refusal) {
        requireValid(cmd);
        String machineType = cmd.machineType().strip();
        String product = cmd.product().strip();
        if (refusal.isPresent()) {
            apply(new ProductionJobRequestRefused(
                    cmd.jobId(),
                    cmd.memberId(),
                    cmd.factoryId(),
                    machineType,
                    product,
                    cmd.quantity(),
                    cmd.machineHours(),
                    cmd.earliestStart(),
                    cmd.deadline(),
                    cmd.requestedBy(),
                    refusal.get().rejection(),
                    refusal.get().reason()));
        } else {
            apply(new ProductionJobRequested(
                    cmd.jobId(),
                    cmd.memberId(),
                    cmd.factoryId(),
                    machineType,
                    product,
                    cmd.quantity(),
                    cmd.machineHours(),
                    cmd.earliestStart(),
                    cmd.deadline(),
                    cmd.requestedBy()));
        }
    }

    static void requireValid(RequestProductionJob cmd) {
        that(cmd.memberId() != null, "memberId is required");
        that(cmd.factoryId() != null, "factoryId is required");
        text(cmd.machineType(), "machineType");
        text(cmd.product(), "product");
        that(cmd.quantity() >= 1, "quantity must be at least 1");
        that(
                cmd.machineHours() >= 1 && cmd.machineHours() <= MAX_MACHINE_HOURS,
                "machineHours must be between 1 and " + MAX_MACHINE_HOURS);
        Require.usableDate(cmd.earliestStart(), "earliestStart");
        Require.usableDate(cmd.deadline(), "deadline");
        that(!cmd.deadline().isBefore(cmd.earliestStart()), "deadline must not be before earliestStart");
        that(
                !cmd.deadline().isAfter(cmd.earliestStart().plusDays(MAX_WINDOW_DAYS)),
                "the window from earliestStart to deadline must not exceed " + MAX_WINDOW_DAYS + " days");
    }

    JobStatus status() {
        return status;
    }

    @CommandHandler
    void handle(ScheduleProductionJob cmd) {
        List<Allocation> allocations = cmd.allocations();
        that(allocations != null && !allocations.isEmpty(), "allocations must not be empty");
        if (status == JobStatus.CANCELLED) {
            return; // cancelled while its time was being reserved: the cancellation releases that time
        }
        if (status.isClosed()) {
            throw violation("job.closed", "a " + status + " job cannot be scheduled");
        }
        LocalDate start = allocations.stream()
                .map(Allocation::day)
                .min(Comparator.naturalOrder())
                .orElseThrow();
        LocalDate end = allocations.stream()
                .map(Allocation::day)
                .max(Comparator.naturalOrder())
                .orElseThrow();
        if (status == JobStatus.REQUESTED) {
            apply(new ProductionJobScheduled(jobId, List.copyOf(allocations), start, end));
        } else {
            apply(new ProductionJobRescheduled(jobId, List.copyOf(allocations), start, end));
        }
    }

    @CommandHandler
    void handle(RejectProductionJob cmd) {
        that(cmd.rejection() != null, "rejection is required");
        switch (status) {
            case REJECTED, CANCELLED -> {}
            case REQUESTED -> apply(new ProductionJobRejected(jobId, cmd.rejection(), text(cmd.reason(), "reason")));
            default ->
                throw violation("job.not-requested", "only a requested job can be rejected; this job is " + status);
        }
    }

    @CommandHandler
    void handle(StartProductionJob cmd) {
        switch (status) {
            case IN_PROGRESS -> {}
            case SCHEDULED -> apply(new ProductionJobStarted(jobId, text(cmd.startedBy(), "startedBy")));
            default ->
                throw violation("job.not-scheduled", "only a scheduled job can be started; this job is " + status);
        }
    }

    @CommandHandler
    void handle(RecordJobOutput cmd) {
        that(cmd.goodUnits() >= 0, "goodUnits must not be negative");
        that(cmd.rejectedUnits() >= 0, "rejectedUnits must not be negative");
        that(cmd.goodUnits() + cmd.rejectedUnits() > 0, "a run produces at least one unit, good or rejected");
        if (status != JobStatus.IN_PROGRESS && status != JobStatus.REWORK) {
            throw violation(
                    "job.not-running", "output is recorded for a job in progress or in rework; this job is " + status);
        }
        apply(new JobOutputRecorded(jobId, cmd.goodUnits(), cmd.rejectedUnits(), text(cmd.recordedBy(), "recordedBy")));
    }

    @CommandHandler
    void handle(PassQualityInspection cmd) {
        if (status == JobStatus.COMPLETED) {
            return;
        }
        requireQualityCheck();
        apply(new ProductionJobCompleted(
                jobId, goodUnits, rejectedUnits, blankToNull(cmd.notes()), text(cmd.inspectedBy(), "inspectedBy")));
    }

    @CommandHandler
    void handle(SendJobToRework cmd) {
        String notes = text(cmd.notes(), "notes");
        requireQualityCheck();
        apply(new ProductionJobSentToRework(jobId, notes, text(cmd.inspectedBy(), "inspectedBy")));
    }

    /**
     * By an officer, or by the member's own login; another member's login is answered as if the job did not exist,
     * decided on the claim table in this transaction (never on a read model that may lag the link).
     */
    @CommandHandler
    void handle(
            CancelProductionJob cmd,
            @MetaDataValue(ActorMetaData.USER_ID) String userId,
            @MetaDataValue(ActorMetaData.GROUPS) List<String> groups,
            AccountClaims accounts) {
        Acting acting = Acting.of(userId, groups);
        if (acting.onlyForOwnMember()
                && !accounts.memberOf(acting.userId()).map(memberId::equals).orElse(false)) {
            throw new AggregateNotFoundException(jobId.value(), "no job " + jobId + " of this login's member");
        }
        cancel(cmd);
    }

    private void cancel(CancelProductionJob cmd) {
        String reason = text(cmd.reason(), "reason");
        if (status == JobStatus.CANCELLED) {
            return;
        }
        if (status.isClosed()) {
            throw violation("job.closed", "a " + status + " job cannot be cancelled");
        }
        apply(new ProductionJobCancelled(jobId, factoryId, status, reason, text(cmd.cancelledBy(), "cancelledBy")));
    }

    private void requireQualityCheck() {
        if (status != JobStatus.QUALITY_CHECK) {
            throw violation(
                    "job.not-in-quality-check",
                    "only a job whose output is recorded can be inspected;" + " this job is " + status);
        }
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    @EventSourcingHandler
    void on(ProductionJobRequested event) {
        jobId = event.jobId();
        memberId = event.memberId();
        factoryId = event.factoryId();
        machineHours = event.machineHours();
        status = JobStatus.REQUESTED;
    }

    @EventSourcingHandler
    void on(ProductionJobRequestRefused event) {
        jobId = event.jobId();
        memberId = event.memberId();
        factoryId = event.factoryId();
        machineHours = event.machineHours();
        status = JobStatus.REJECTED;
    }

    @EventSourcingHandler
    void on(ProductionJobRejected event) {
        status = JobStatus.REJECTED;
    }

    @EventSourcingHandler
    void on(ProductionJobScheduled event) {
        status = JobStatus.SCHEDULED;
    }

    @EventSourcingHandler
    void on(ProductionJobStarted event) {
        status = JobStatus.IN_PROGRESS;
    }

    @EventSourcingHandler
    void on(JobOutputRecorded event) {
        goodUnits = event.goodUnits();
        rejectedUnits = event.rejectedUnits();
        status = JobStatus.QUALITY_CHECK;
    }

    @EventSourcingHandler
    void on(ProductionJobSentToRework event) {
        status = JobStatus.REWORK;
    }

    @EventSourcingHandler
    void on(ProductionJobCompleted event) {
        status = JobStatus.COMPLETED;
    }

    @EventSourcingHandler
    void on(ProductionJobCancelled event) {
        status = JobStatus.CANCELLED;
    }
}
