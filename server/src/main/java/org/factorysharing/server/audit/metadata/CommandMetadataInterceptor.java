package org.factorysharing.server.audit.metadata;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.common.DateTimeUtils;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.camunda.bpm.engine.impl.persistence.entity.JobEntity;
import org.springframework.stereotype.Component;

/**
 * Stamps every command sent through the command gateway with who sent it, when, and from which workflow step
 * (Axon's InterceptorAutoConfiguration registers dispatch-interceptor beans on the gateway, so this runs on the
 * sender's thread, where the user and the BPMN execution are known). Keys already on the command win: a
 * command sent while another is handled inherits that command's actor, and the correlation and causation ids
 * of the message being handled (see {@link AuditMetadataConfiguration}).
 */
@Component
class CommandMetadataInterceptor implements MessageDispatchInterceptor<CommandMessage<?>> {

    private final CurrentActor actor;

    CommandMetadataInterceptor(CurrentActor actor) {
        this.actor = actor;
    }

    @Override
    public BiFunction<Integer, CommandMessage<?>, CommandMessage<?>> handle(List<? extends CommandMessage<?>> messages) {
        return (index, command) -> command.andMetaData(missing(command));
    }

    private Map<String, Object> missing(CommandMessage<?> command) {
        var present = command.getMetaData();
        Map<String, Object> added = new HashMap<>();
        if (!present.containsKey(AuditMetadata.ACTOR_KIND)) {
            added.putAll(actor.get().metadata());
            WorkflowStep step = WorkflowStep.current();
            if (step != null) {
                added.putAll(step.metadata());
            }
            JobEntity job = CurrentActor.currentJob();
            if (job != null) {
                added.put(AuditMetadata.CAMUNDA_JOB_ID, job.getId());
            }
        }
        // a command sent outside any handled message starts a chain: it is its own correlation and cause
        if (!present.containsKey(AuditMetadata.CORRELATION_ID)) {
            added.put(AuditMetadata.CORRELATION_ID, command.getIdentifier());
        }
        if (!present.containsKey(AuditMetadata.CAUSATION_ID)) {
            added.put(AuditMetadata.CAUSATION_ID, command.getIdentifier());
        }
        if (!present.containsKey(AuditMetadata.TIMESTAMP)) {
            added.put(AuditMetadata.TIMESTAMP, DateTimeUtils.formatInstant(Instant.now()));
        }
        added.keySet().removeAll(present.keySet());
        return added;
    }
}
