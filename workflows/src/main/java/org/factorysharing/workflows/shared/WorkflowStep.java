package org.factorysharing.workflows.shared;

import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.engine.impl.context.BpmnExecutionContext;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.factorysharing.audit.metadata.AuditMetadata;
import org.factorysharing.workflows.shared.CompletedTasks.CompletedTask;

/**
 * The BPMN step running on this thread, if any: the engine's execution context is set while a delegate or
 * listener runs, on whichever thread drives the process (an HTTP request, the job executor, an event processor).
 */
record WorkflowStep(
        String processInstanceId,
        String processDefinitionKey,
        String businessKey,
        String activityId,
        CompletedTask completedTask) {

    static WorkflowStep current() {
        BpmnExecutionContext context = Context.getCommandContext() == null ? null : Context.getBpmnExecutionContext();
        ExecutionEntity execution = context == null ? null : context.getExecution();
        if (execution == null) {
            return null;
        }
        String definitionKey = execution.getProcessDefinition() == null
                ? null
                : execution.getProcessDefinition().getKey();
        return new WorkflowStep(
                execution.getProcessInstanceId(),
                definitionKey,
                execution.getProcessBusinessKey(),
                execution.getActivityId(),
                CompletedTasks.current());
    }

    Map<String, Object> metadata() {
        Map<String, Object> values = new LinkedHashMap<>();
        put(values, AuditMetadata.PROCESS_INSTANCE_ID, processInstanceId);
        put(values, AuditMetadata.PROCESS_DEFINITION_KEY, processDefinitionKey);
        put(values, AuditMetadata.PROCESS_BUSINESS_KEY, businessKey);
        put(values, AuditMetadata.ACTIVITY_ID, activityId);
        if (completedTask != null) {
            put(values, AuditMetadata.TASK_ID, completedTask.taskId());
            put(values, AuditMetadata.TASK_DEFINITION_KEY, completedTask.taskDefinitionKey());
        }
        return values;
    }

    private static void put(Map<String, Object> values, String key, String value) {
        if (value != null) {
            values.put(key, value);
        }
    }
}
