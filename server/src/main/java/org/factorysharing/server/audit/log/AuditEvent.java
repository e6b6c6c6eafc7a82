package org.factorysharing.server.audit.log;

import com.fasterxml.jackson.annotation.JsonRawValue;
import java.time.Instant;

/**
 * One stored event as the audit API shows it. Payload and metadata are the stored JSON, passed through
 * unparsed: what the auditor sees is byte for byte what the store holds.
 */
record AuditEvent(long globalIndex, String eventId, String aggregateType, String aggregateId, long sequence,
                  String eventType, Instant timestamp, @JsonRawValue String payload,
                  @JsonRawValue String metadata) {

    /** org.factorysharing.api.member.MemberEvent$MemberRegistered -> MemberRegistered */
    static String simpleName(String payloadType) {
        return payloadType.substring(Math.max(payloadType.lastIndexOf('.'), payloadType.lastIndexOf('$')) + 1);
    }
}
