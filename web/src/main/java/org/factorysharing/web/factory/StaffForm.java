package org.factorysharing.web.factory;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.factorysharing.api.shared.TextRules;

/** Naming a user as one of a factory's staff, optionally with the reason. */
public class StaffForm {

    @NotBlank
    @Size(max = 128)
    @Pattern(regexp = TextRules.PLAIN)
    private String userId;

    @Size(max = 1000)
    @Pattern(regexp = TextRules.PLAIN)
    private String reason;

    public String getUserId() {
        return userId;
    }

    public void setUserId(String userId) {
        this.userId = userId;
    }

    public String getReason() {
        return reason;
    }

    public void setReason(String reason) {
        this.reason = reason;
    }
}
