package org.factorysharing.api.shared;

/** A command would create something whose natural key (such as a NIB) is already taken. */
public class DuplicateEntity extends BusinessRuleViolation {

    public DuplicateEntity(String code, String rule) {
        super(code, rule);
    }
}
