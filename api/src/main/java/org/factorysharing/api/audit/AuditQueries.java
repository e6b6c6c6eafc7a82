package org.factorysharing.api.audit;

import java.time.Instant;
import java.util.List;

/** The auditors' questions to the event store (never to read models), and their answers. */
public final class AuditQueries {

    private AuditQueries() {}

    /**
     * The global log in global order after {@code after}, at most {@code limit} events; each filter is optional,
     * {@code from} inclusive and {@code to} exclusive, {@code eventType} a simple name such as MemberRegistered.
     */
    public record FindAuditEvents(EventFilter filter, long after, int limit) {}

    /**
     * A page of an export: the events stored now after {@code after}, in global order; unlike the log's cursor it
     * does not wait for appends still in flight, an export being a cut of what is there.
     */
    public record ExportAuditEvents(EventFilter filter, long after, int limit) {}

    /** Filters of the log; null matches everything. */
    public record EventFilter(
            String aggregateId, String aggregateType, String eventType, String user, Instant from, Instant to) {

        public static final EventFilter NONE = new EventFilter(null, null, null, null, null, null);
    }

    /** One page of the log; {@code nextCursor} is the {@code after} of the next page. */
    public record AuditEventPage(List<AuditEventView> items, long nextCursor) {}

    /**
     * One stored event as the audit API shows it. Payload and metadata are the stored JSON, passed on unparsed: what
     * the auditor sees is byte for byte what the store holds.
     */
    public record AuditEventView(
            long globalIndex,
            String eventId,
            String aggregateType,
            String aggregateId,
            long sequence,
            String eventType,
            Instant timestamp,
            String payload,
            String metadata) {}

    /** Events of one aggregate after sequence {@code afterSequence} (-1: from the first), in sequence order. */
    public record FindAggregateHistory(String aggregateId, long afterSequence, int limit) {}

    /** A page of one aggregate's events; nothing (an empty optional) when the store has none of it. */
    public record AggregateHistoryPage(String aggregateId, String aggregateType, List<AuditEventView> events) {}

    /** An aggregate's fields after applying its events up to {@code at}, with its own event sourcing handlers. */
    public record FindAggregateState(String aggregateId, Instant at) {}

    /** The state as JSON text ({@code state}), after applying events up to {@code version}. */
    public record AggregateStateView(
            String aggregateId, String aggregateType, Instant at, long version, String state) {}

    /** Recompute the hash chain from link {@code fromLink} to {@code toLink} (null: the head as it is now). */
    public record VerifyChain(long fromLink, Long toLink) {}

    /**
     * The result of walking the chain: how many links were recomputed and found intact, and the first broken link if
     * any (verification stops there). {@code headHash} is the hash of the last intact link: noted down outside the
     * database, it proves later that the history up to it was not rewritten, even by someone who recomputed the chain.
     */
    public record ChainVerificationView(
            boolean intact, long verified, long fromLink, long toLink, String headHash, BrokenLinkView firstBroken) {}

    /** Where and why the chain breaks; hashes in lowercase hex. */
    public record BrokenLinkView(
            long linkNo,
            Long globalIndex,
            String eventIdentifier,
            String aggregateIdentifier,
            BreakReason reason,
            String expectedHash,
            String storedHash,
            String detail) {}

    /** What is wrong at the first broken link. */
    public enum BreakReason {
        /** The event no longer hashes to its link: a column (payload, metadata, ...) or the link's hash changed. */
        EVENT_CHANGED,
        /** The link's event is gone from domain_event_entry. */
        EVENT_DELETED,
        /** A link number is missing: links (and maybe their events) were deleted. */
        LINK_MISSING,
        /** The link does not continue the one before it: its previous hash was changed. */
        LINK_CHANGED,
        /** An event in domain_event_entry has no link: it was written past the chain trigger. */
        EVENT_NOT_CHAINED
    }
}
