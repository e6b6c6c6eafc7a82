package org.factorysharing.audit.metadata;

import java.util.List;
import org.factorysharing.api.shared.ActorMetaData;

/**
 * The metadata keys every command and event carries (stored in {@code domain_event_entry.meta_data}). One
 * place for the names, so writers, readers and the audit API agree.
 *
 * <ul>
 * <li>{@link #ACTOR_KIND}: {@code USER} (a signed-in person) or {@code SYSTEM} (nobody signed in).</li>
 * <li>{@link #ACTOR}: the user id, or {@code system:<what>} ({@code system:event-processor:<processor>},
 * {@code system:replay:<processor>}, {@code system:camunda-job}, {@code system:application}).</li>
 * <li>{@link #USER_ID}, {@link #GROUPS}: only for a user; groups as a JSON array.</li>
 * <li>{@link #CORRELATION_ID}: id of the first message of the chain; {@link #CAUSATION_ID}: id of the message
 * being handled when this one was sent. A message that starts a chain is its own correlation and cause.</li>
 * <li>{@link #TIMESTAMP}: ISO-8601 instant the command was sent, or the event was applied.</li>
 * <li>{@code process*}, {@link #ACTIVITY_ID}, {@code task*}, {@link #CAMUNDA_JOB_ID}: only when a workflow step
 * sent it: the process instance, the BPMN element that ran, and the user task whose completion led there.</li>
 * </ul>
 */
public final class AuditMetadata {

    public static final String ACTOR_KIND = "actorKind";
    public static final String ACTOR = "actor";
    public static final String USER_ID = ActorMetaData.USER_ID;
    public static final String GROUPS = ActorMetaData.GROUPS;
    public static final String CORRELATION_ID = "correlationId";
    public static final String CAUSATION_ID = "causationId";
    public static final String TIMESTAMP = "timestamp";
    public static final String PROCESS_INSTANCE_ID = "processInstanceId";
    public static final String PROCESS_DEFINITION_KEY = "processDefinitionKey";
    public static final String PROCESS_BUSINESS_KEY = "processBusinessKey";
    public static final String ACTIVITY_ID = "activityId";
    public static final String TASK_ID = "taskId";
    public static final String TASK_DEFINITION_KEY = "taskDefinitionKey";
    public static final String CAMUNDA_JOB_ID = "camundaJobId";

    public static final String KIND_USER = "USER";
    public static final String KIND_SYSTEM = "SYSTEM";
    public static final String SYSTEM_PREFIX = "system:";
    public static final String SYSTEM_EVENT_PROCESSOR = SYSTEM_PREFIX + "event-processor:";
    public static final String SYSTEM_REPLAY = SYSTEM_PREFIX + "replay:";
    public static final String SYSTEM_CAMUNDA_JOB = SYSTEM_PREFIX + "camunda-job";
    /** Server code outside any request, job or event handler (start-up, a benchmark, a test). */
    public static final String SYSTEM_APPLICATION = SYSTEM_PREFIX + "application";

    /** Who acted and in which workflow step: copied from a command to the events it causes. */
    static final List<String> ORIGIN_KEYS = List.of(
            ACTOR_KIND,
            ACTOR,
            USER_ID,
            GROUPS,
            PROCESS_INSTANCE_ID,
            PROCESS_DEFINITION_KEY,
            PROCESS_BUSINESS_KEY,
            ACTIVITY_ID,
            TASK_ID,
            TASK_DEFINITION_KEY,
            CAMUNDA_JOB_ID);

    private AuditMetadata() {}
}
