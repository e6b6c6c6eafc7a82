package org.factorysharing.audit.metadata;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.common.DateTimeUtils;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.springframework.stereotype.Component;

/**
 * Stamps every command sent through the command gateway with who sent it, when, and from which workflow step
 * (Axon's InterceptorAutoConfiguration registers dispatch-interceptor beans on the gateway, so this runs on the
 * sender's thread, where the user and the BPMN execution are known). Keys already on the command win, but for the
 * workflow step: a command sent while another is handled inherits that command's actor, and the correlation and
 * causation ids of the message being handled (see {@link AuditMetadataConfiguration}).
 */
@Component
class CommandMetadataInterceptor implements MessageDispatchInterceptor<CommandMessage<?>> {

    private final CurrentActor actor;

    CommandMetadataInterceptor(CurrentActor actor) {
        this.actor = actor;
    }

    @Override
    public BiFunction<Integer, CommandMessage<?>, CommandMessage<?>> handle(
            List<? extends CommandMessage<?>> messages) {
        return (index, command) -> command.andMetaData(missing(command));
    }

    private Map<String, Object> missing(CommandMessage<?> command) {
        var present = command.getMetaData();
        Map<String, Object> added = new HashMap<>();
        if (!present.containsKey(AuditMetadata.ACTOR_KIND)) {
            added.putAll(actor.get().metadata());
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
        // the BPMN step running now names where this command comes from, even inside a command that started it
        // (a task completed through the task API runs the process's next steps inside that command)
        added.putAll(actor.workflow().stepMetadata());
        return added;
    }
}
