package org.factorysharing.workflows.job;

import static org.factorysharing.api.shared.Groups.*;
import static org.factorysharing.workflows.job.ProductionJobProcess.*;

import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.factorysharing.api.shared.InvalidField;
import org.factorysharing.api.shared.NotPermitted;
import org.factorysharing.workflows.shared.TaskActor;
import org.springframework.stereotype.Component;

/**
 * Guards the completion of every production job task however it is completed (our task API, Tasklist or
 * engine REST): only the factory's own staff work on its jobs (officers too once a start is overdue), and
 * each task must carry valid input. Records who acted, for the command that follows. On creation it clears
 * the previous round's answers, so a rework round starts with an empty form.
 */
@Component("jobTaskListener")
class JobTaskListener implements TaskListener {

    private final IdentityService identity;

    JobTaskListener(IdentityService identity) {
        this.identity = identity;
    }

    @Override
    public void notify(DelegateTask task) {
        if (EVENTNAME_CREATE.equals(task.getEventName())) {
            switch (task.getTaskDefinitionKey()) {
                case USER_RECORD_OUTPUT -> task.getExecution().removeVariables(List.of(GOOD_UNITS, REJECTED_UNITS));
                case USER_QUALITY_INSPECTION -> task.getExecution().removeVariables(List.of(PASSED, NOTES));
                default -> {}
            }
            return;
        }
        switch (task.getTaskDefinitionKey()) {
            case USER_START_JOB -> {
                boolean escalated = Boolean.TRUE.equals(task.getVariable(ESCALATED));
                task.setVariable(
                        STARTED_BY, staff(task, "starting a job", escalated).user());
            }
            case USER_RECORD_OUTPUT -> {
                units(task, GOOD_UNITS);
                units(task, REJECTED_UNITS);
                task.setVariable(
                        RECORDED_BY, staff(task, "recording output", false).user());
            }
            case USER_QUALITY_INSPECTION -> {
                if (!(task.getVariable(PASSED) instanceof Boolean passed)) {
                    throw new InvalidField(PASSED, "must be true or false");
                }
                if (!passed && (!(task.getVariable(NOTES) instanceof String notes) || notes.isBlank())) {
                    throw new InvalidField(NOTES, "must say what to rework");
                }
                task.setVariable(
                        INSPECTED_BY,
                        staff(task, "the quality inspection", false).user());
            }
            case USER_RESCHEDULE_JOB ->
                // local: each rescheduling (one per machine in maintenance) keeps its own actor
                task.getExecution()
                        .setVariableLocal(
                                RESCHEDULED_BY,
                                staff(task, "rescheduling a job", false).user());
            default -> throw new IllegalStateException("no rules for task " + task.getTaskDefinitionKey());
        }
    }

    private TaskActor staff(DelegateTask task, String what, boolean officersToo) {
        TaskActor actor = TaskActor.current(identity, what);
        String staff = (String) task.getVariable(STAFF_GROUP);
        if (!actor.isIn(staff) && !(officersToo && actor.isIn(OFFICERS))) {
            throw new NotPermitted(
                    officersToo
                            ? "only the factory's staff or officers may complete " + what + "; " + actor.user()
                                    + " is neither"
                            : "only the factory's staff (" + staff + ") may complete " + what + "; " + actor.user()
                                    + " is not in it");
        }
        return actor;
    }

    private static void units(DelegateTask task, String variable) {
        Object value = task.getVariable(variable);
        if (!(value instanceof Integer || value instanceof Long)) {
            throw new InvalidField(variable, "must be a whole number");
        }
        long units = ((Number) value).longValue();
        if (units < 0 || units > Integer.MAX_VALUE) {
            throw new InvalidField(variable, "must be between 0 and " + Integer.MAX_VALUE);
        }
    }
}
