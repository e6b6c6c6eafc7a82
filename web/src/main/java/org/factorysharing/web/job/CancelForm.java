package org.factorysharing.web.job;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.factorysharing.api.shared.TextRules;

/** Why a job is cancelled. */
public class CancelForm {

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
