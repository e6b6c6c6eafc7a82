package org.factorysharing.api.job;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.factorysharing.api.factory.Allocation;
import org.factorysharing.api.factory.ReservationRejection;

/** Queries of the job board and their answers. */
public final class JobQueries {

    private JobQueries() {}

    /** One page of the job board, newest first; null filters match everything. Pages count from 0. */
    public record FindJobs(String factoryId, String memberId, JobStatus status, int page, int size) {}

    /** The detail view of one job, or nothing when the id is unknown. */
    public record FindJob(JobId jobId) {}

    /** A line of the job board; {@code rejection} says why a REJECTED job was turned down. */
    public record JobSummaryView(
            String jobId,
            String factoryId,
            String memberId,
            String machineType,
            String product,
            int quantity,
            int machineHours,
            JobStatus status,
            LocalDate plannedStart,
            LocalDate plannedEnd,
            boolean reschedulingNeeded,
            Instant requestedAt,
            ReservationRejection rejection) {}

    public record JobPage(List<JobSummaryView> items, int page, int size, long totalItems, int totalPages) {}

    /**
     * Job detail. {@code rejection}/{@code reason} explain a refusal; {@code reschedulingNeeded} is set while
     * a machine it was booked on is in maintenance and the time has not been moved yet.
     */
    public record JobView(
            String jobId,
            String factoryId,
            String memberId,
            String machineType,
            String product,
            int quantity,
            int machineHours,
            LocalDate earliestStart,
            LocalDate deadline,
            JobStatus status,
            ReservationRejection rejection,
            String reason,
            LocalDate plannedStart,
            LocalDate plannedEnd,
            List<Allocation> allocations,
            boolean reschedulingNeeded,
            Integer goodUnits,
            Integer rejectedUnits,
            String reworkNotes,
            String requestedBy,
            Instant requestedAt,
            Instant updatedAt) {}
}
