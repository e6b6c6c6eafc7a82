package org.factorysharing.api.shared;

/**
 * Input that breaks a rule on one field (a request parameter, a body field, a task variable); answered 400 naming
 * the field. Thrown at the edge for checks Bean Validation cannot express, and by task rules in the workflows.
 */
public class InvalidField extends IllegalArgumentException {

    private final String field;
    private final String reason;

    public InvalidField(String field, String reason) {
        super(field + " " + reason);
        this.field = field;
        this.reason = reason;
    }

    public String field() {
        return field;
    }

    /** The rule in words, without the field's name. */
    public String reason() {
        return reason;
    }
}
