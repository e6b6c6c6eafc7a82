package org.factorysharing.workflows.job;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.factorysharing.api.factory.Allocation;
import org.factorysharing.api.shared.ProgrammeTime;

/** The process's view of a job's booked time: its first day, and when not having started is overdue. */
final class JobSchedule {

    private JobSchedule() {}

    /** Sets plannedStart and startOverdueAt from the allocations; answers startOverdueAt. */
    static Date record(VariableScope scope, List<Allocation> allocations) {
        LocalDate plannedStart = allocations.stream()
                .map(Allocation::day)
                .min(Comparator.naturalOrder())
                .orElseThrow(() -> new IllegalStateException("a reservation without allocations"));
        // "not started by its planned day" = still not started when that day is over in the programme's calendar
        Date overdueAt = Date.from(
                plannedStart.plusDays(1).atStartOfDay(ProgrammeTime.ZONE).toInstant());
        scope.setVariable(ProductionJobProcess.PLANNED_START, plannedStart.toString());
        scope.setVariable(ProductionJobProcess.START_OVERDUE_AT, overdueAt);
        return overdueAt;
    }

    static LocalDate day(VariableScope scope, String variable) {
        return LocalDate.parse((String) scope.getVariable(variable));
    }
}
