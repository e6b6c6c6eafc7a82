package org.factorysharing.api.shared;

/** Someone else changed the same thing at the same moment (a task claimed meanwhile, a concurrent update). */
public class ConcurrentChange extends BusinessRuleViolation {

    public static final String CODE = "concurrent-change";

    public ConcurrentChange(String rule) {
        super(CODE, rule);
    }
}
