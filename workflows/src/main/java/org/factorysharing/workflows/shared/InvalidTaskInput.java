package org.factorysharing.workflows.shared;

import org.camunda.bpm.engine.ProcessEngineException;

/** A task was completed with a variable that breaks the task's rules; names the variable. */
public class InvalidTaskInput extends ProcessEngineException {

    private final String field;

    public InvalidTaskInput(String field, String message) {
        super(field + ": " + message);
        this.field = field;
    }

    public String field() {
        return field;
    }

    /** The message without the field prefix. */
    public String reason() {
        return getMessage().substring(field.length() + 2);
    }
}
