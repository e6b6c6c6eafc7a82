package org.factorysharing.workflows.factory;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.factorysharing.api.factory.MachinePlan;
import org.springframework.stereotype.Component;

/**
 * The planned machines as simple process variables ({@code plannedMachines} = n, then
 * {@code plannedMachine<i>Id}, {@code ...Type}, {@code ...Capacity}), readable in Cockpit and free of Java
 * serialisation; the BPMN derives the multi-instance collection and each instance's values from them.
 */
@Component("installationPlan")
public class InstallationPlan {

    static Map<String, Object> variablesOf(List<MachinePlan> machines) {
        Map<String, Object> variables = new HashMap<>();
        variables.put(FactoryCommissioningProcess.PLANNED_MACHINES, machines.size());
        for (int i = 0; i < machines.size(); i++) {
            MachinePlan machine = machines.get(i);
            variables.put(idVariable(i), machine.machineId());
            variables.put(typeVariable(i), machine.machineType());
            variables.put(capacityVariable(i), (long) machine.capacityHoursPerDay());
        }
        return variables;
    }

    /** The multi-instance collection of user_install_machine: one machine id per planned machine. */
    public List<String> machineIds(VariableScope scope) {
        int count = ((Number) scope.getVariable(FactoryCommissioningProcess.PLANNED_MACHINES)).intValue();
        List<String> ids = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            ids.add((String) scope.getVariable(idVariable(i)));
        }
        return ids;
    }

    public String machineType(VariableScope scope, String machineId) {
        return (String) scope.getVariable(typeVariable(indexOf(scope, machineId)));
    }

    public long capacity(VariableScope scope, String machineId) {
        return ((Number) scope.getVariable(capacityVariable(indexOf(scope, machineId)))).longValue();
    }

    private int indexOf(VariableScope scope, String machineId) {
        int index = machineIds(scope).indexOf(machineId);
        if (index < 0) {
            throw new IllegalStateException("machine " + machineId + " is not in the installation plan");
        }
        return index;
    }

    private static String idVariable(int index) {
        return "plannedMachine" + index + "Id";
    }

    private static String typeVariable(int index) {
        return "plannedMachine" + index + "Type";
    }

    private static String capacityVariable(int index) {
        return "plannedMachine" + index + "Capacity";
    }
}
