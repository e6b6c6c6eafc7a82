package org.factorysharing.server.audit.chain;

/**
 * The result of walking the hash chain from link {@code fromLink} to {@code toLink}: how many links were
 * recomputed and found intact, and the first broken link if any (verification stops there). {@code headHash}
 * is the hash of the last intact link: an auditor who notes it down can later prove that the history up to
 * it was not rewritten, even by someone who recomputed the whole chain.
 */
record ChainVerification(boolean intact, long verified, long fromLink, long toLink, String headHash,
                         BrokenLink firstBroken) {

    /** Where and why the chain breaks; hashes in lowercase hex. */
    record BrokenLink(long linkNo, Long globalIndex, String eventIdentifier, String aggregateIdentifier,
                      Reason reason, String expectedHash, String storedHash, String detail) {
    }

    /** What is wrong at the first broken link. */
    enum Reason {
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
