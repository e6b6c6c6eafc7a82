package org.factorysharing.web.staff;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.factorysharing.api.shared.TextRules;

/** Why a machine goes into maintenance. */
public class MaintenanceForm {

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
