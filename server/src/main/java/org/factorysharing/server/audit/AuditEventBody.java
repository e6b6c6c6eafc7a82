package org.factorysharing.server.audit;

import com.fasterxml.jackson.annotation.JsonRawValue;
import java.time.Instant;
import org.factorysharing.api.audit.AuditQueries.AuditEventView;

/**
 * One stored event as the audit API writes it. Payload and metadata are the stored JSON, passed through unparsed:
 * what the auditor sees is byte for byte what the store holds.
 */
record AuditEventBody(
        long globalIndex,
        String eventId,
        String aggregateType,
        String aggregateId,
        long sequence,
        String eventType,
        Instant timestamp,
        @JsonRawValue String payload,
        @JsonRawValue String metadata) {

    static AuditEventBody of(AuditEventView event) {
        return new AuditEventBody(
                event.globalIndex(),
                event.eventId(),
                event.aggregateType(),
                event.aggregateId(),
                event.sequence(),
                event.eventType(),
                event.timestamp(),
                event.payload(),
                event.metadata());
    }
}
