package org.factorysharing.web.member;

import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.factorysharing.api.shared.TextRules;

/** The three answers of "Verify documents": verify, reject with a reason, or ask the member for more with a note. */
public class VerificationForm {

    /** The answer; VERIFY, REJECT or MORE_INFORMATION. */
    public enum Decision {
        VERIFY,
        REJECT,
        MORE_INFORMATION
    }

    private Decision decision;

    @Size(max = 1000)
    @Pattern(regexp = TextRules.PLAIN)
    private String reason;

    @Size(max = 1000)
    @Pattern(regexp = TextRules.PLAIN)
    private String note;

    public Decision getDecision() {
        return decision;
    }

    public void setDecision(Decision decision) {
        this.decision = decision;
    }

    public String getReason() {
        return reason;
    }

    public void setReason(String reason) {
        this.reason = reason;
    }

    public String getNote() {
        return note;
    }

    public void setNote(String note) {
        this.note = note;
    }
}
