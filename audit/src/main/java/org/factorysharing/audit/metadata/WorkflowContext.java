package org.factorysharing.audit.metadata;

import java.util.Map;
import java.util.Optional;

/**
 * What the workflow engine knows about the thread it runs on: the user it was told about (Tasklist, engine REST, the
 * task API) and the BPMN step or job being executed. Implemented next to the engine, so that this module needs no
 * engine classes; without an engine nothing is known.
 */
public interface WorkflowContext {

    /** The user the engine runs this thread for, with their groups. */
    Optional<Actor> engineUser();

    /** True while the engine executes a job (a timer, an async continuation) on this thread. */
    boolean runningJob();

    /** The running BPMN step as metadata (process instance, activity, completed task, job); empty outside one. */
    Map<String, Object> stepMetadata();

    /** No engine: nothing is known. */
    WorkflowContext NONE = new WorkflowContext() {
        @Override
        public Optional<Actor> engineUser() {
            return Optional.empty();
        }

        @Override
        public boolean runningJob() {
            return false;
        }

        @Override
        public Map<String, Object> stepMetadata() {
            return Map.of();
        }
    };
}
