package org.factorysharing.api.programme;

/**
 * What officers and approvers decide on a wave through its workflow tasks: each completes the wave's open task,
 * so the same task rules apply here as in the task list and in Tasklist. The actor comes with the metadata.
 */
public final class ProgrammeTaskCommands {

    private ProgrammeTaskCommands() {}

    /** Deploy a new version of scale_up_eligibility (DMN XML); answers the version deployed. */
    public record DeployDecisionVersion(byte[] dmn) {}

    /**
     * The officer's proposal after an evaluation: {@code proposedTarget} is the next wave's target (SCALE_UP),
     * {@code extensionMonths} the new pilot period (EXTEND_PILOT); a different outcome than the recommended one
     * needs a justification. 409 when the wave is not waiting for a proposal.
     */
    public record SubmitProposal(
            WaveId waveId,
            Recommendation outcome,
            Integer proposedTarget,
            Integer extensionMonths,
            String justification) {}

    /** Approve or reject the stage named, which must be the one open now; a rejection needs a comment. */
    public record SubmitStageDecision(WaveId waveId, ApprovalStage stage, StageDecision decision, String comment) {}

    /** An approver's answer to a stage. */
    public enum StageDecision {
        APPROVE,
        REJECT
    }
}
