package org.factorysharing.api.shared;

/** A command was well-formed but breaks a business rule; {@code rule} names it in words for the caller. */
public class BusinessRuleViolation extends RuntimeException {

    private final String code;

    public BusinessRuleViolation(String code, String rule) {
        super(rule);
        this.code = code;
    }

    /** Stable machine-readable code, e.g. {@code member.not-verified}. */
    public String code() {
        return code;
    }

    public String rule() {
        return getMessage();
    }
}
