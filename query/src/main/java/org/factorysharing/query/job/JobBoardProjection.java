package org.factorysharing.query.job;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.Timestamp;
import org.factorysharing.api.factory.Allocation;
import org.factorysharing.api.factory.FactoryEvent.ReservationFlaggedForRescheduling;
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
import org.springframework.stereotype.Component;

/**
 * Feeds the job board and job detail. Handlers write absolute values keyed by job id (allocations are
 * replaced, never appended), so handling an event again leaves the same rows. The factory's
 * ReservationFlaggedForRescheduling is ordered with the job's own events by {@link JobBoardSequencing}.
 */
@Component
@ProcessingGroup(JobBoardProjection.PROCESSING_GROUP)
class JobBoardProjection {

    static final String PROCESSING_GROUP = "job-board";

    private final JobEntryRepository jobs;

    JobBoardProjection(JobEntryRepository jobs) {
        this.jobs = jobs;
    }

    @EventHandler
    void on(ProductionJobRequested event, @Timestamp Instant at) {
        JobEntry entry = requested(event.jobId(), at);
        entry.factoryId = event.factoryId().value();
        entry.memberId = event.memberId().value();
        entry.machineType = event.machineType();
        entry.product = event.product();
        entry.quantity = event.quantity();
        entry.machineHours = event.machineHours();
        entry.earliestStart = event.earliestStart();
        entry.deadline = event.deadline();
        entry.requestedBy = event.requestedBy();
        jobs.save(entry);
    }

    @EventHandler
    void on(ProductionJobRequestRefused event, @Timestamp Instant at) {
        JobEntry entry = requested(event.jobId(), at);
        entry.factoryId = event.factoryId().value();
        entry.memberId = event.memberId().value();
        entry.machineType = event.machineType();
        entry.product = event.product();
        entry.quantity = event.quantity();
        entry.machineHours = event.machineHours();
        entry.earliestStart = event.earliestStart();
        entry.deadline = event.deadline();
        entry.requestedBy = event.requestedBy();
        entry.status = JobStatus.REJECTED;
        entry.rejection = event.rejection();
        entry.reason = event.reason();
        jobs.save(entry);
    }

    @EventHandler
    void on(ProductionJobRejected event, @Timestamp Instant at) {
        update(event.jobId(), at, entry -> {
            entry.status = JobStatus.REJECTED;
            entry.rejection = event.rejection();
            entry.reason = event.reason();
        });
    }

    @EventHandler
    void on(ProductionJobScheduled event, @Timestamp Instant at) {
        update(event.jobId(), at, entry -> {
            entry.status = JobStatus.SCHEDULED;
            holds(entry, event.allocations(), event.plannedStart(), event.plannedEnd());
        });
    }

    /** The job keeps its status; only its machine time moved. */
    @EventHandler
    void on(ProductionJobRescheduled event, @Timestamp Instant at) {
        update(event.jobId(), at, entry -> {
            holds(entry, event.allocations(), event.plannedStart(), event.plannedEnd());
            entry.reschedulingNeeded = false;
        });
    }

    @EventHandler
    void on(ProductionJobStarted event, @Timestamp Instant at) {
        update(event.jobId(), at, entry -> entry.status = JobStatus.IN_PROGRESS);
    }

    @EventHandler
    void on(JobOutputRecorded event, @Timestamp Instant at) {
        update(event.jobId(), at, entry -> {
            entry.status = JobStatus.QUALITY_CHECK;
            entry.goodUnits = event.goodUnits();
            entry.rejectedUnits = event.rejectedUnits();
        });
    }

    @EventHandler
    void on(ProductionJobSentToRework event, @Timestamp Instant at) {
        update(event.jobId(), at, entry -> {
            entry.status = JobStatus.REWORK;
            entry.reworkNotes = event.notes();
        });
    }

    @EventHandler
    void on(ProductionJobCompleted event, @Timestamp Instant at) {
        update(event.jobId(), at, entry -> {
            entry.status = JobStatus.COMPLETED;
            entry.goodUnits = event.goodUnits();
            entry.rejectedUnits = event.rejectedUnits();
            entry.reschedulingNeeded = false;
        });
    }

    /** The cancellation reason is shown like a refusal's reason; the released time stays visible as held. */
    @EventHandler
    void on(ProductionJobCancelled event, @Timestamp Instant at) {
        update(event.jobId(), at, entry -> {
            entry.status = JobStatus.CANCELLED;
            entry.reason = event.reason();
            entry.reschedulingNeeded = false;
        });
    }

    /** A factory event: a machine the job was booked on went into maintenance. */
    @EventHandler
    void on(ReservationFlaggedForRescheduling event, @Timestamp Instant at) {
        update(event.jobId(), at, entry -> {
            if (!entry.status.isClosed()) {
                entry.reschedulingNeeded = true;
            }
        });
    }

    @ResetHandler
    void reset() {
        // allocations go with their job (ON DELETE CASCADE)
        jobs.deleteAllInBatch();
    }

    /** The job's row, new in REQUESTED if this is its first event. */
    private JobEntry requested(JobId jobId, Instant at) {
        JobEntry entry = jobs.findById(jobId.value()).orElseGet(() -> {
            JobEntry created = new JobEntry(jobId.value());
            created.status = JobStatus.REQUESTED;
            created.requestedAt = at;
            return created;
        });
        entry.updatedAt = at;
        return entry;
    }

    /** The machine time the job now holds, replacing what it held before. */
    private static void holds(
            JobEntry entry, List<Allocation> allocations, LocalDate plannedStart, LocalDate plannedEnd) {
        entry.allocations.clear();
        entry.allocations.addAll(perMachineDay(allocations));
        entry.plannedStart = plannedStart;
        entry.plannedEnd = plannedEnd;
    }

    /** One entry per machine and day (hours of a machine-day listed twice are added), by day then machine. */
    static List<JobAllocationEntry> perMachineDay(List<Allocation> allocations) {
        Map<String, JobAllocationEntry> merged = new LinkedHashMap<>();
        for (Allocation allocation : allocations) {
            merged.merge(
                    allocation.machineId() + "@" + allocation.day(),
                    new JobAllocationEntry(allocation.machineId(), allocation.day(), allocation.hours()),
                    (a, b) -> new JobAllocationEntry(a.machineId, a.day, a.hours + b.hours));
        }
        return merged.values().stream()
                .sorted(Comparator.comparing((JobAllocationEntry a) -> a.day).thenComparing(a -> a.machineId))
                .toList();
    }

    private void update(JobId jobId, Instant at, Consumer<JobEntry> change) {
        JobEntry entry = jobs.findById(jobId.value())
                .orElseThrow(() -> new IllegalStateException("job " + jobId + " is not on the job board"));
        change.accept(entry);
        entry.updatedAt = at;
        jobs.save(entry);
    }
}
