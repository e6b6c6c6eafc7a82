package org.factorysharing.web.member;

import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.factorysharing.api.shared.TextRules;

/** A member's own request to be forgotten: ticked as understood, with an optional reason. */
public class ForgetForm {

    private boolean confirm;

    @Size(max = 1000)
    @Pattern(regexp = TextRules.PLAIN)
    private String reason;

    public boolean isConfirm() {
        return confirm;
    }

    public void setConfirm(boolean confirm) {
        this.confirm = confirm;
    }

    public String getReason() {
        return reason;
    }

    public void setReason(String reason) {
        this.reason = reason;
    }
}
