package org.factorysharing.workflows.shared;

import java.util.Map;
import java.util.function.Supplier;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Component;

/**
 * Starts a process once per business key, for the event-to-process bridges: an event delivered again (after a
 * crash before the token was stored, or a processor moved back) must not start a second process.
 */
@Component
public class ProcessStarts {

    private final RuntimeService runtime;
    private final HistoryService history;

    ProcessStarts(RuntimeService runtime, HistoryService history) {
        this.runtime = runtime;
        this.history = history;
    }

    /** Starts the process unless one with this key and business key ever ran; the variables are made only then. */
    public void startOnce(String processKey, String businessKey, Supplier<Map<String, Object>> variables) {
        boolean alreadyStarted = history.createHistoricProcessInstanceQuery()
                        .processDefinitionKey(processKey)
                        .processInstanceBusinessKey(businessKey)
                        .count()
                > 0;
        if (!alreadyStarted) {
            runtime.startProcessInstanceByKey(processKey, businessKey, variables.get());
        }
    }
}
