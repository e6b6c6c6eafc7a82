package org.factorysharing.audit.metadata;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import org.axonframework.common.DateTimeUtils;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.MessageDispatchInterceptor;

/**
 * Completes each event on its way into the event store: the time it was applied (in the event store's own format,
 * so it reads the same as the stored {@code time_stamp}), and, for an event published
 * outside any command (an import, a test), who published it and a chain of its own.
 */
class EventMetadataInterceptor implements MessageDispatchInterceptor<EventMessage<?>> {

    private final CurrentActor actor;

    EventMetadataInterceptor(CurrentActor actor) {
        this.actor = actor;
    }

    @Override
    public BiFunction<Integer, EventMessage<?>, EventMessage<?>> handle(List<? extends EventMessage<?>> messages) {
        return (index, event) -> event.andMetaData(missing(event));
    }

    private Map<String, Object> missing(EventMessage<?> event) {
        var present = event.getMetaData();
        Map<String, Object> added = new HashMap<>();
        added.put(AuditMetadata.TIMESTAMP, DateTimeUtils.formatInstant(event.getTimestamp()));
        if (!present.containsKey(AuditMetadata.ACTOR_KIND)) {
            added.putAll(actor.get().metadata());
        }
        added.put(AuditMetadata.CORRELATION_ID, event.getIdentifier());
        added.put(AuditMetadata.CAUSATION_ID, event.getIdentifier());
        added.keySet().removeAll(present.keySet());
        return added;
    }
}
