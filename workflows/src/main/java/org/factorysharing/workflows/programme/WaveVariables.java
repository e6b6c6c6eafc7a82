package org.factorysharing.workflows.programme;

import java.util.Map;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.factorysharing.api.programme.KpiThresholds;

/** Reads and writes a wave's thresholds and numbers as process variables (numbers may come in as any Number). */
final class WaveVariables {

    private WaveVariables() {}

    static void putThresholds(Map<String, Object> variables, KpiThresholds thresholds) {
        variables.put(PilotRolloutProcess.MIN_UTILISATION, thresholds.minUtilisation());
        variables.put(PilotRolloutProcess.MIN_MEMBERS_SERVED, thresholds.minMembersServed());
        variables.put(PilotRolloutProcess.MIN_JOBS_COMPLETED, thresholds.minJobsCompleted());
        variables.put(PilotRolloutProcess.MIN_OUTPUT_UNITS, thresholds.minOutputUnits());
        variables.put(PilotRolloutProcess.MIN_QUALITY_PASS_RATE, thresholds.minQualityPassRate());
    }

    static KpiThresholds thresholds(VariableScope scope) {
        return new KpiThresholds(
                number(scope, PilotRolloutProcess.MIN_UTILISATION).doubleValue(),
                number(scope, PilotRolloutProcess.MIN_MEMBERS_SERVED).intValue(),
                number(scope, PilotRolloutProcess.MIN_JOBS_COMPLETED).intValue(),
                number(scope, PilotRolloutProcess.MIN_OUTPUT_UNITS).longValue(),
                number(scope, PilotRolloutProcess.MIN_QUALITY_PASS_RATE).doubleValue());
    }

    static int intOf(VariableScope scope, String variable) {
        return number(scope, variable).intValue();
    }

    /** The variable's number, 0 when it is not set (counters before their first increment). */
    static int intOrZero(VariableScope scope, String variable) {
        return scope.getVariable(variable) instanceof Number number ? number.intValue() : 0;
    }

    private static Number number(VariableScope scope, String variable) {
        if (scope.getVariable(variable) instanceof Number number) {
            return number;
        }
        throw new IllegalStateException("process variable " + variable + " is not a number");
    }
}
