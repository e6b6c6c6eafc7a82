package org.factorysharing.web.audit;

import com.fasterxml.jackson.annotation.JsonRawValue;
import java.time.Instant;
import org.factorysharing.api.audit.AuditQueries.AuditEventView;

/**
 * One stored event as an export writes it, field for field as the audit API's export does: payload and metadata are
 * the stored JSON, passed through unparsed.
 */
record ExportedEvent(
        long globalIndex,
        String eventId,
        String aggregateType,
        String aggregateId,
        long sequence,
        String eventType,
        Instant timestamp,
        @JsonRawValue String payload,
        @JsonRawValue String metadata) {

    static ExportedEvent of(AuditEventView event) {
        return new ExportedEvent(
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
