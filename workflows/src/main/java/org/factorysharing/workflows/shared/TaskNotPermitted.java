package org.factorysharing.workflows.shared;

import org.camunda.bpm.engine.ProcessEngineException;

/** The user completing a task is not one the process allows, whichever client they use. */
public class TaskNotPermitted extends ProcessEngineException {

    public TaskNotPermitted(String message) {
        super(message);
    }
}
