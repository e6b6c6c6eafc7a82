package org.factorysharing.workflows.factory;

import static org.factorysharing.api.shared.Groups.*;
import static org.factorysharing.workflows.factory.FactoryCommissioningProcess.*;

import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.factorysharing.api.shared.InvalidField;
import org.factorysharing.api.shared.NotPermitted;
import org.factorysharing.workflows.shared.TaskActor;
import org.springframework.stereotype.Component;

/**
 * Guards the completion of every commissioning task however it is completed (our task API, Tasklist or
 * engine REST): who may complete it, what it must carry, and four-eyes at sign-off. Records who acted, for
 * the command that follows. On creation it clears the previous round's answers, so a repeated inspection
 * or sign-off starts empty and no stale answer reaches the next command.
 */
@Component("commissioningTaskListener")
class CommissioningTaskListener implements TaskListener {

    private final IdentityService identity;

    CommissioningTaskListener(IdentityService identity) {
        this.identity = identity;
    }

    @Override
    public void notify(DelegateTask task) {
        if (EVENTNAME_CREATE.equals(task.getEventName())) {
            switch (task.getTaskDefinitionKey()) {
                case USER_INSPECT_FACTORY -> task.getExecution().removeVariables(List.of(PASSED, FINDINGS));
                case USER_RESOLVE_FINDINGS -> task.getExecution().removeVariable(RESOLUTION_NOTES);
                case USER_COMMISSIONING_SIGNOFF ->
                    task.getExecution().removeVariables(List.of(APPROVED, SIGN_OFF_REASON));
                default -> {}
            }
            return;
        }
        switch (task.getTaskDefinitionKey()) {
            case USER_INSTALL_MACHINE -> completeInstallation(task);
            case USER_INSPECT_FACTORY -> completeInspection(task);
            case USER_RESOLVE_FINDINGS -> completeResolution(task);
            case USER_COMMISSIONING_SIGNOFF -> completeSignOff(task);
            default -> throw new IllegalStateException("no rules for task " + task.getTaskDefinitionKey());
        }
    }

    private void completeInstallation(DelegateTask task) {
        TaskActor actor = TaskActor.current(identity, "an installation");
        String staff = (String) task.getVariable(STAFF_GROUP);
        boolean escalated = Boolean.TRUE.equals(task.getVariable(ESCALATED));
        if (!actor.isIn(staff) && !(escalated && actor.isIn(OFFICERS))) {
            throw new NotPermitted(
                    escalated
                            ? "only the factory's staff or officers may record this installation; " + actor.user()
                                    + " is neither"
                            : "only the factory's staff (" + staff
                                    + ") may record an installation (officers once it is " + "overdue); " + actor.user()
                                    + " is not in it");
        }
        // local to this machine's subprocess instance: parallel installations each keep their own installer
        task.getExecution().setVariableLocal(INSTALLED_BY, actor.user());
    }

    private void completeInspection(DelegateTask task) {
        boolean passed = decision(task, PASSED);
        if (!passed) {
            requireText(task, FINDINGS, "are required when the inspection fails");
        }
        TaskActor actor = officer("the inspection");
        task.setVariable(INSPECTED_BY, actor.user());
    }

    private void completeResolution(DelegateTask task) {
        requireText(task, RESOLUTION_NOTES, "must say how the findings were resolved");
        TaskActor actor = TaskActor.current(identity, "resolving the findings");
        String staff = (String) task.getVariable(STAFF_GROUP);
        if (!actor.isIn(staff)) {
            throw new NotPermitted("only the factory's staff (" + staff + ") may resolve the findings; " + actor.user()
                    + " is not in it");
        }
        task.setVariable(RESOLVED_BY, actor.user());
    }

    private void completeSignOff(DelegateTask task) {
        boolean approved = decision(task, APPROVED);
        if (!approved) {
            requireText(task, SIGN_OFF_REASON, "is required when the sign-off is not approved");
        }
        TaskActor actor = officer("the commissioning sign-off");
        if (actor.user().equals(task.getVariable(INSPECTED_BY))) {
            throw new NotPermitted("four-eyes: " + actor.user()
                    + " inspected the factory and may not also sign off its commissioning");
        }
        task.setVariable(SIGNED_OFF_BY, actor.user());
    }

    private TaskActor officer(String what) {
        TaskActor actor = TaskActor.current(identity, what);
        if (!actor.isIn(OFFICERS)) {
            throw new NotPermitted("only officers may complete " + what + "; " + actor.user() + " is not an officer");
        }
        return actor;
    }

    private static boolean decision(DelegateTask task, String variable) {
        if (!(task.getVariable(variable) instanceof Boolean decision)) {
            throw new InvalidField(variable, "must be true or false");
        }
        return decision;
    }

    private static void requireText(DelegateTask task, String variable, String message) {
        if (!(task.getVariable(variable) instanceof String text) || text.isBlank()) {
            throw new InvalidField(variable, message);
        }
    }
}
