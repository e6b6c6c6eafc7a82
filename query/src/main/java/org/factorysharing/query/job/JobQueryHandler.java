package org.factorysharing.query.job;

import jakarta.persistence.criteria.Predicate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.axonframework.queryhandling.QueryHandler;
import org.factorysharing.api.factory.Allocation;
import org.factorysharing.api.job.JobQueries.FindJob;
import org.factorysharing.api.job.JobQueries.FindJobs;
import org.factorysharing.api.job.JobQueries.JobPage;
import org.factorysharing.api.job.JobQueries.JobSummaryView;
import org.factorysharing.api.job.JobQueries.JobView;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Answers the job board queries from the job board tables. */
@Component
class JobQueryHandler {

    private final JobEntryRepository jobs;

    JobQueryHandler(JobEntryRepository jobs) {
        this.jobs = jobs;
    }

    @QueryHandler
    @Transactional(readOnly = true)
    public JobPage handle(FindJobs query) {
        // newest first; the job id breaks ties so that pages stay stable
        Sort sort = Sort.by(Sort.Direction.DESC, "requestedAt").and(Sort.by("jobId"));
        Page<JobEntry> page = jobs.findAll(filter(query), PageRequest.of(query.page(), query.size(), sort));
        return new JobPage(
                page.getContent().stream().map(JobQueryHandler::summary).toList(),
                query.page(),
                query.size(),
                page.getTotalElements(),
                page.getTotalPages());
    }

    @QueryHandler
    @Transactional(readOnly = true)
    public Optional<JobView> handle(FindJob query) {
        return jobs.findById(query.jobId().value()).map(JobQueryHandler::detail);
    }

    private static Specification<JobEntry> filter(FindJobs query) {
        return (root, cq, cb) -> {
            List<Predicate> where = new ArrayList<>();
            if (query.factoryId() != null) {
                where.add(cb.equal(root.get("factoryId"), query.factoryId()));
            }
            if (query.memberId() != null) {
                where.add(cb.equal(root.get("memberId"), query.memberId()));
            }
            if (query.status() != null) {
                where.add(cb.equal(root.get("status"), query.status()));
            }
            return cb.and(where.toArray(Predicate[]::new));
        };
    }

    private static JobSummaryView summary(JobEntry e) {
        return new JobSummaryView(
                e.jobId,
                e.factoryId,
                e.memberId,
                e.machineType,
                e.product,
                e.quantity,
                e.machineHours,
                e.status,
                e.plannedStart,
                e.plannedEnd,
                e.reschedulingNeeded,
                e.requestedAt,
                e.rejection);
    }

    private static JobView detail(JobEntry e) {
        List<Allocation> allocations = e.allocations.stream()
                .map(a -> new Allocation(a.machineId, a.day, a.hours))
                .toList();
        return new JobView(
                e.jobId,
                e.factoryId,
                e.memberId,
                e.machineType,
                e.product,
                e.quantity,
                e.machineHours,
                e.earliestStart,
                e.deadline,
                e.status,
                e.rejection,
                e.reason,
                e.plannedStart,
                e.plannedEnd,
                allocations,
                e.reschedulingNeeded,
                e.goodUnits,
                e.rejectedUnits,
                e.reworkNotes,
                e.requestedBy,
                e.requestedAt,
                e.updatedAt);
    }
}
