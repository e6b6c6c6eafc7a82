package org.factorysharing.web.factory;

import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.factorysharing.api.shared.TextRules;

/** An officer's answer to an inspection (findings when it fails) or a sign-off (the reason when it is refused). */
public class FactoryTaskForm {

    @Size(max = 2000)
    @Pattern(regexp = TextRules.PLAIN)
    private String findings;

    @Size(max = 1000)
    @Pattern(regexp = TextRules.PLAIN)
    private String signOffReason;

    public String getFindings() {
        return findings;
    }

    public void setFindings(String findings) {
        this.findings = findings;
    }

    public String getSignOffReason() {
        return signOffReason;
    }

    public void setSignOffReason(String signOffReason) {
        this.signOffReason = signOffReason;
    }
}
