package org.factorysharing.web.member;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.factorysharing.api.shared.TextRules;

/** A reason in words (suspend, revoke, forget). */
public class ReasonForm {

    @NotBlank
    @Size(max = 1000)
    @Pattern(regexp = TextRules.PLAIN)
    private String reason;

    public String getReason() {
        return reason;
    }

    public void setReason(String reason) {
        this.reason = reason;
    }
}
