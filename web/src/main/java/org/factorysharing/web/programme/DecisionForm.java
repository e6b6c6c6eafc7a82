package org.factorysharing.web.programme;

import jakarta.validation.constraints.Size;

/**
 * A decision with a comment: a supervisor's on a request for an early evaluation (approve or decline), an approver's
 * on a stage (approve or reject). The button pressed names the decision; turning down needs the comment as reason.
 */
public class DecisionForm {

    private String decision;

    @Size(max = 1000)
    private String comment;

    public String getDecision() {
        return decision;
    }

    public void setDecision(String decision) {
        this.decision = decision;
    }

    public String getComment() {
        return comment;
    }

    public void setComment(String comment) {
        this.comment = comment;
    }

    /** The comment without surrounding blanks; null when there is none. */
    String text() {
        return comment == null || comment.isBlank() ? null : comment.strip();
    }
}
