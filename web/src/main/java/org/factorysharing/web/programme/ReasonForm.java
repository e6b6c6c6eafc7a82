package org.factorysharing.web.programme;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** A request for an early evaluation: why the running pilot should be evaluated now. */
public class ReasonForm {

    @NotBlank
    @Size(max = 1000)
    private String reason;

    public String getReason() {
        return reason;
    }

    public void setReason(String reason) {
        this.reason = reason;
    }
}
