package org.factorysharing.web.programme;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.factorysharing.api.programme.Recommendation;

/**
 * The officer's proposal after an evaluation, as the task "Propose outcome" asks for it: the next wave's target for a
 * scale-up, the months of an extension, a justification when the outcome differs from the recommendation.
 */
public class ProposalForm {

    @NotNull
    private Recommendation outcome;

    @Min(1)
    @Max(10_000)
    private Integer proposedTarget;

    @Min(1)
    @Max(24)
    private Integer extensionMonths;

    @Size(max = 2000)
    private String justification;

    public Recommendation getOutcome() {
        return outcome;
    }

    public void setOutcome(Recommendation outcome) {
        this.outcome = outcome;
    }

    public Integer getProposedTarget() {
        return proposedTarget;
    }

    public void setProposedTarget(Integer proposedTarget) {
        this.proposedTarget = proposedTarget;
    }

    public Integer getExtensionMonths() {
        return extensionMonths;
    }

    public void setExtensionMonths(Integer extensionMonths) {
        this.extensionMonths = extensionMonths;
    }

    public String getJustification() {
        return justification;
    }

    public void setJustification(String justification) {
        this.justification = justification;
    }

    String justificationText() {
        return justification == null || justification.isBlank() ? null : justification.strip();
    }
}
