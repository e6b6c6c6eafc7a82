package org.factorysharing.web.shared.export;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonRawValue;
import java.time.Instant;
import org.factorysharing.api.audit.AuditQueries.AuditEventView;
import org.factorysharing.api.audit.ChainHeads.ChainLinkView;

/**
 * One stored event as the audit API and the auditors' pages write it. Payload and metadata are the stored JSON, passed through unparsed:
 * what the auditor sees is byte for byte what the store holds.
 */
public record AuditEventBody(
        long globalIndex,
        String eventId,
        String aggregateType,
        String aggregateId,
        long sequence,
        String eventType,
        Instant timestamp,
        @JsonRawValue String payload,
        @JsonRawValue String metadata,
        @JsonInclude(JsonInclude.Include.NON_NULL) Chain chain) {

    /**
     * The event's link in the hash chain, in JSON Lines exports: with the line's own fields, the columns the link
     * hashes (the aggregate type, the payload's full type and revision, the timestamp exactly as stored) and the
     * hashes, so that the chain can be recomputed offline (the verifier module).
     */
    public record Chain(
            long link,
            String type,
            String payloadType,
            String payloadRevision,
            String storedTimestamp,
            String prevHash,
            String linkHash) {

        static Chain of(ChainLinkView link) {
            return link == null
                    ? null
                    : new Chain(
                            link.linkNo(),
                            link.type(),
                            link.payloadType(),
                            link.payloadRevision(),
                            link.storedTimestamp(),
                            link.prevHash(),
                            link.linkHash());
        }
    }

    public static AuditEventBody of(AuditEventView event) {
        return of(event, null);
    }

    public static AuditEventBody of(AuditEventView event, ChainLinkView link) {
        return new AuditEventBody(
                event.globalIndex(),
                event.eventId(),
                event.aggregateType(),
                event.aggregateId(),
                event.sequence(),
                event.eventType(),
                event.timestamp(),
                event.payload(),
                event.metadata(),
                Chain.of(link));
    }
}
