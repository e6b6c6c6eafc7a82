package org.factorysharing.workflows.member;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.factorysharing.api.shared.Groups;
import org.factorysharing.api.shared.InvalidField;
import org.factorysharing.api.shared.NotPermitted;
import org.factorysharing.workflows.shared.TaskActor;
import org.springframework.stereotype.Component;

/**
 * Guards the completion of "Verify documents" however it is completed (our task API, Tasklist or
 * engine REST): the decision must be complete and the deciding user an officer (or a supervisor after
 * escalation). Records who decided, for the verify/reject command.
 */
@Component("verificationDecisionListener")
class VerificationDecisionListener implements TaskListener {

    private final IdentityService identity;

    VerificationDecisionListener(IdentityService identity) {
        this.identity = identity;
    }

    @Override
    public void notify(DelegateTask task) {
        Object approved = task.getVariable(MemberOnboardingProcess.APPROVED);
        if (!(approved instanceof Boolean decision)) {
            throw new InvalidField(MemberOnboardingProcess.APPROVED, "must be true or false");
        }
        Object reason = task.getVariable(MemberOnboardingProcess.REJECTION_REASON);
        if (!decision && (!(reason instanceof String text) || text.isBlank())) {
            throw new InvalidField(
                    MemberOnboardingProcess.REJECTION_REASON, "is required when the documents are not approved");
        }
        TaskActor actor = TaskActor.current(identity, "the verification");
        String user = actor.user();
        boolean escalated = Boolean.TRUE.equals(task.getVariable(MemberOnboardingProcess.ESCALATED));
        boolean allowed = actor.isIn(Groups.OFFICERS) || (escalated && actor.isIn(Groups.SUPERVISORS));
        if (!allowed) {
            throw new NotPermitted(
                    escalated
                            ? "only officers or supervisors may verify or reject a member; " + user + " is neither"
                            : "only officers may verify or reject a member (supervisors once the check is overdue); "
                                    + user + " is not an officer");
        }
        task.setVariable(MemberOnboardingProcess.DECIDED_BY, user);
    }
}
