package org.factorysharing.workflows.programme;

import static org.factorysharing.api.shared.Groups.*;
import static org.factorysharing.workflows.programme.ScaleUpApprovalProcess.*;

import java.util.List;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.factorysharing.api.programme.ApprovalStage;
import org.factorysharing.api.programme.WaveCommands.ApproveProposalStage;
import org.factorysharing.api.programme.WaveCommands.RejectProposal;
import org.factorysharing.api.programme.WaveId;
import org.factorysharing.api.shared.InvalidField;
import org.factorysharing.api.shared.NotPermitted;
import org.factorysharing.workflows.shared.TaskActor;
import org.springframework.stereotype.Component;

/**
 * Carries out the decision of an approval stage however its task is completed (our task API, Tasklist or engine
 * REST): the actor must be in the stage's group (or a supervisor once the stage is overdue), never the proposer
 * nor someone who decided an earlier stage of the proposal (four-eyes, also enforced by the wave: its refusal
 * rolls the completion back), and a rejection needs the reason. Then approves or rejects the stage on the wave,
 * in the same transaction. On creation it clears the previous stage's answers.
 */
@Component("approvalStageListener")
class ApprovalStageListener implements TaskListener {

    private final IdentityService identity;
    private final CommandGateway commands;

    ApprovalStageListener(IdentityService identity, CommandGateway commands) {
        this.identity = identity;
        this.commands = commands;
    }

    @Override
    public void notify(DelegateTask task) {
        if (EVENTNAME_CREATE.equals(task.getEventName())) {
            task.getExecution().removeVariables(List.of(DECISION, COMMENT, ESCALATED));
            return;
        }
        Stage stage = stageOf(task.getTaskDefinitionKey());
        String what = "the " + label(stage.stage());
        TaskActor actor = TaskActor.current(identity, what);
        boolean escalated = Boolean.TRUE.equals(task.getVariable(ESCALATED));
        if (!actor.isIn(stage.group()) && !(escalated && actor.isIn(SUPERVISORS))) {
            throw new NotPermitted(
                    escalated
                            ? "only " + stage.group() + " or supervisors may decide " + what + "; " + actor.user()
                                    + " is neither"
                            : "only " + stage.group() + " may decide " + what + " (supervisors once it is overdue); "
                                    + actor.user() + " is not in " + stage.group());
        }
        fourEyes(task, stage, actor.user());

        Object decision = task.getVariable(DECISION);
        if (!APPROVE.equals(decision) && !REJECT.equals(decision)) {
            throw new InvalidField(DECISION, "must be " + APPROVE + " or " + REJECT);
        }
        String comment = task.getVariable(COMMENT) instanceof String text && !text.isBlank() ? text.strip() : null;
        WaveId waveId = new WaveId((String) task.getVariable(WAVE_ID));
        int proposalNo = WaveVariables.intOf(task, PROPOSAL_NO);
        if (APPROVE.equals(decision)) {
            commands.sendAndWait(new ApproveProposalStage(waveId, proposalNo, stage.stage(), actor.user(), comment));
            task.setVariable(stage.decidedByVariable(), actor.user());
            if (stage.stage() == ApprovalStage.FINAL_APPROVAL) {
                task.setVariable(APPROVAL_RESULT, APPROVED);
            }
        } else {
            if (comment == null) {
                throw new InvalidField(COMMENT, "is required when rejecting: the reason for the rejection");
            }
            commands.sendAndWait(new RejectProposal(waveId, proposalNo, stage.stage(), comment, actor.user()));
            task.setVariable(stage.decidedByVariable(), actor.user());
            task.setVariable(APPROVAL_RESULT, REJECTED);
            task.setVariable(REJECTED_STAGE, stage.stage().name());
            task.setVariable(REJECTION_REASON, comment);
        }
    }

    /** A clear refusal before the wave gives its own: the proposer never decides, nobody decides two stages. */
    private static void fourEyes(DelegateTask task, Stage stage, String user) {
        if (user.equals(task.getVariable(PROPOSED_BY))) {
            throw new NotPermitted("four-eyes: " + user + " proposed this outcome and may not decide the "
                    + label(stage.stage()) + " of it");
        }
        for (Stage earlier : STAGES.subList(0, STAGES.indexOf(stage))) {
            if (user.equals(task.getVariable(earlier.decidedByVariable()))) {
                throw new NotPermitted("four-eyes: " + user + " already decided the " + label(earlier.stage())
                        + " of this proposal and may not decide the " + label(stage.stage()));
            }
        }
    }

    static String label(ApprovalStage stage) {
        return stage.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
    }
}
