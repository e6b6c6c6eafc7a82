package org.factorysharing.workflows.programme;

import static org.factorysharing.api.shared.Groups.*;
import static org.factorysharing.workflows.programme.PilotRolloutProcess.*;

import java.util.Arrays;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.factorysharing.api.programme.Recommendation;
import org.factorysharing.api.shared.InvalidField;
import org.factorysharing.api.shared.NotPermitted;
import org.factorysharing.workflows.shared.TaskActor;
import org.springframework.stereotype.Component;

/**
 * Guards "Propose outcome" however it is completed (our task API, Tasklist or engine REST): only officers
 * propose, and the proposal must be complete (a target for a scale-up, 1-24 months for an extension, a
 * justification when it differs from the recommendation). Records the proposer for the command that follows.
 * On creation it clears the previous evaluation's answers, so each evaluation starts with an empty form.
 */
@Component("proposeOutcomeListener")
class ProposeOutcomeListener implements TaskListener {

    static final int MAX_EXTENSION_MONTHS = 24;

    private final IdentityService identity;

    ProposeOutcomeListener(IdentityService identity) {
        this.identity = identity;
    }

    @Override
    public void notify(DelegateTask task) {
        if (EVENTNAME_CREATE.equals(task.getEventName())) {
            task.getExecution().removeVariables(List.of(OUTCOME, PROPOSED_TARGET, EXTENSION_MONTHS, JUSTIFICATION));
            return;
        }
        TaskActor actor = TaskActor.current(identity, "proposing the outcome of a wave");
        if (!actor.isIn(OFFICERS)) {
            throw new NotPermitted(
                    "only officers may propose the outcome of a wave; " + actor.user() + " is not an officer");
        }
        Recommendation outcome = outcome(task);
        switch (outcome) {
            case SCALE_UP ->
                whole(
                        task,
                        PROPOSED_TARGET,
                        1,
                        Integer.MAX_VALUE,
                        "the next wave's number of factories is required for a scale-up (at least 1)");
            case EXTEND_PILOT ->
                whole(
                        task,
                        EXTENSION_MONTHS,
                        1,
                        MAX_EXTENSION_MONTHS,
                        "the months of the new pilot period are required for an extension (1 to " + MAX_EXTENSION_MONTHS
                                + ")");
            case STOP -> {}
        }
        Object recommendation = task.getVariable(RECOMMENDATION);
        if (!outcome.name().equals(recommendation)
                && (!(task.getVariable(JUSTIFICATION) instanceof String text) || text.isBlank())) {
            throw new InvalidField(
                    JUSTIFICATION,
                    "is required when the outcome differs from the recommendation (" + recommendation + ")");
        }
        task.setVariable(PROPOSED_BY, actor.user());
    }

    private static Recommendation outcome(DelegateTask task) {
        Object value = task.getVariable(OUTCOME);
        for (Recommendation outcome : Recommendation.values()) {
            if (outcome.name().equals(value)) {
                return outcome;
            }
        }
        throw new InvalidField(OUTCOME, "must be one of " + Arrays.toString(Recommendation.values()));
    }

    private static void whole(DelegateTask task, String variable, long min, long max, String rule) {
        Object value = task.getVariable(variable);
        if (!(value instanceof Integer || value instanceof Long)
                || ((Number) value).longValue() < min
                || ((Number) value).longValue() > max) {
            throw new InvalidField(variable, rule);
        }
    }
}
