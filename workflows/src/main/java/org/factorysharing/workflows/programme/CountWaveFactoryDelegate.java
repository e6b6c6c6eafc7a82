package org.factorysharing.workflows.programme;

import static org.factorysharing.workflows.programme.PilotRolloutProcess.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Keeps enrolledFactories and commissionedFactories of a wave's process up to date, one event subprocess per
 * FactoryEnrolled / FactoryCommissionedInWave (the wave emits each once per factory).
 */
@Component("countWaveFactoryDelegate")
class CountWaveFactoryDelegate implements JavaDelegate {

    @Override
    public void execute(DelegateExecution execution) {
        String counter = switch (execution.getCurrentActivityId()) {
            case SERVICE_COUNT_ENROLLED -> ENROLLED_FACTORIES;
            case SERVICE_COUNT_COMMISSIONED -> COMMISSIONED_FACTORIES;
            default -> throw new IllegalStateException("nothing to count at " + execution.getCurrentActivityId());
        };
        execution.setVariable(counter, WaveVariables.intOrZero(execution, counter) + 1);
    }
}
