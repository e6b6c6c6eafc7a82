package org.factorysharing.query.job;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.factorysharing.api.factory.ReservationRejection;
import org.factorysharing.api.job.JobStatus;

/** A row of the job board; the detail view adds its allocations. */
@Entity
@Table(name = "job_board")
class JobEntry {

    @Id
    @Column(name = "job_id")
    String jobId;

    @Column(name = "factory_id")
    String factoryId;

    @Column(name = "member_id")
    String memberId;

    @Column(name = "machine_type")
    String machineType;

    String product;
    int quantity;

    @Column(name = "machine_hours")
    int machineHours;

    @Column(name = "earliest_start")
    LocalDate earliestStart;

    LocalDate deadline;

    @Enumerated(EnumType.STRING)
    JobStatus status;

    @Enumerated(EnumType.STRING)
    ReservationRejection rejection;

    String reason;

    @Column(name = "planned_start")
    LocalDate plannedStart;

    @Column(name = "planned_end")
    LocalDate plannedEnd;

    @Column(name = "rescheduling_needed")
    boolean reschedulingNeeded;

    @Column(name = "good_units")
    Integer goodUnits;

    @Column(name = "rejected_units")
    Integer rejectedUnits;

    @Column(name = "rework_notes")
    String reworkNotes;

    @Column(name = "requested_by")
    String requestedBy;

    @Column(name = "requested_at")
    Instant requestedAt;

    @Column(name = "updated_at")
    Instant updatedAt;

    @ElementCollection
    @CollectionTable(name = "job_allocation", joinColumns = @JoinColumn(name = "job_id"))
    @OrderBy("day, machineId")
    List<JobAllocationEntry> allocations = new ArrayList<>();

    protected JobEntry() {}

    JobEntry(String jobId) {
        this.jobId = jobId;
    }
}
