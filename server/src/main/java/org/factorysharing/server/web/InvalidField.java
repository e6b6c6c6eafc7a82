package org.factorysharing.server.web;

/** Input that fails a check which Bean Validation cannot express; answered 400 naming the field. */
public class InvalidField extends RuntimeException {

    private final String field;

    public InvalidField(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
