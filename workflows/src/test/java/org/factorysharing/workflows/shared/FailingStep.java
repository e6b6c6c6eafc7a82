package org.factorysharing.workflows.shared;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Test delegate of transaction_probe.bpmn: fails when the process variable "fail" is true, standing for
 * any step after a command that goes wrong. A component (not a per-test bean) so all tests share one context.
 */
@Component("failingStep")
class FailingStep implements JavaDelegate {

    @Override
    public void execute(DelegateExecution execution) {
        if (Boolean.TRUE.equals(execution.getVariable("fail"))) {
            throw new IllegalStateException("step after the command failed");
        }
    }
}
