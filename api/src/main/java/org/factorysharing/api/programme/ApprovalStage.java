package org.factorysharing.api.programme;

/** The stages a scale-up proposal passes, in this order, each by a different person than the proposer. */
public enum ApprovalStage {
    /** Regional office: an officer. */
    REGIONAL_REVIEW,
    /** Planning review: a planner. */
    PLANNING_REVIEW,
    /** Final approval: an executive (deputy minister's office). */
    FINAL_APPROVAL;

    public ApprovalStage next() {
        return this == FINAL_APPROVAL ? null : values()[ordinal() + 1];
    }
}
