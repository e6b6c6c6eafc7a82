package org.factorysharing.workflows.programme;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/**
 * Sets how long each approval stage may take (ISO-8601 periods from ScaleUpApprovalProcess) when a proposal's
 * approval starts: each stage's task is due, and escalated, that long after it was created.
 */
@Component("approvalDuePeriods")
class ApprovalDuePeriods implements ExecutionListener {

    @Override
    public void notify(DelegateExecution execution) {
        for (ScaleUpApprovalProcess.Stage stage : ScaleUpApprovalProcess.STAGES) {
            execution.setVariable(stage.periodVariable(), stage.period());
        }
    }
}
