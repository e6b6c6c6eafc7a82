package org.factorysharing.query.job;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.time.LocalDate;

/** Machine time a job holds: hours on one machine on one day (row of job_allocation). */
@Embeddable
class JobAllocationEntry {

    @Column(name = "machine_id")
    String machineId;

    LocalDate day;
    int hours;

    protected JobAllocationEntry() {}

    JobAllocationEntry(String machineId, LocalDate day, int hours) {
        this.machineId = machineId;
        this.day = day;
        this.hours = hours;
    }
}
