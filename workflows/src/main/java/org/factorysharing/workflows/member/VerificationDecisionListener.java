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
 * escalation). Three answers: approved; not approved with a rejection reason; not approved with a note asking the
 * applicant for more (informationRequest, on process versions that have that path). Records who decided, and
 * whether more was asked for, for the gateway and the commands.
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
        boolean hasReason = isText(task.getVariable(MemberOnboardingProcess.REJECTION_REASON));
        Object note = task.getVariable(MemberOnboardingProcess.INFORMATION_REQUEST);
        if (note != null && !(note instanceof String)) {
            throw new InvalidField(MemberOnboardingProcess.INFORMATION_REQUEST, "must be text");
        }
        boolean asksForMore = isText(note);
        if (asksForMore && !offersMoreInformation(task)) {
            // a process started before this path existed has no way to wait for the applicant
            throw new InvalidField(
                    MemberOnboardingProcess.INFORMATION_REQUEST, "is not a field of this (older) verification");
        }
        if (decision && asksForMore) {
            throw new InvalidField(
                    MemberOnboardingProcess.INFORMATION_REQUEST, "must be empty when the documents are approved");
        }
        if (!decision && hasReason && asksForMore) {
            throw new InvalidField(
                    MemberOnboardingProcess.INFORMATION_REQUEST,
                    "give either a rejection reason or a request for more information, not both");
        }
        if (!decision && !hasReason && !asksForMore) {
            throw new InvalidField(
                    MemberOnboardingProcess.REJECTION_REASON,
                    "is required when the documents are not approved (or informationRequest, to ask the applicant"
                            + " for more)");
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
        if (offersMoreInformation(task)) {
            task.setVariable(MemberOnboardingProcess.INFORMATION_REQUESTED, !decision && asksForMore);
        }
    }

    private static boolean isText(Object value) {
        return value instanceof String text && !text.isBlank();
    }

    /** Whether the task's process version has the "needs more information" path. */
    private static boolean offersMoreInformation(DelegateTask task) {
        return task.getBpmnModelElementInstance()
                        .getModelInstance()
                        .getModelElementById(MemberOnboardingProcess.SERVICE_REQUEST_INFORMATION)
                != null;
    }
}
