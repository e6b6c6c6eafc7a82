package org.factorysharing.audit.metadata;

import java.util.HashMap;
import java.util.Map;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.correlation.CorrelationDataProvider;

/**
 * Copies who acted and in which workflow step from a command to every message created while it is handled
 * (its events, a command it sends). Never from an event: a command an event handler sends is the system's,
 * not the user's whose event it reacts to; the causation chain leads back to that user.
 */
class CommandOriginProvider implements CorrelationDataProvider {

    @Override
    public Map<String, ?> correlationDataFor(Message<?> message) {
        if (!(message instanceof CommandMessage<?>)) {
            return Map.of();
        }
        Map<String, Object> origin = new HashMap<>();
        for (String key : AuditMetadata.ORIGIN_KEYS) {
            Object value = message.getMetaData().get(key);
            if (value != null) {
                origin.put(key, value);
            }
        }
        return origin;
    }
}
