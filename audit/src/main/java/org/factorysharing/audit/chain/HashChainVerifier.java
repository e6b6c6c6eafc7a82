package org.factorysharing.audit.chain;

import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import org.axonframework.queryhandling.QueryHandler;
import org.factorysharing.api.audit.AuditQueries.BreakReason;
import org.factorysharing.api.audit.AuditQueries.BrokenLinkView;
import org.factorysharing.api.audit.AuditQueries.ChainVerificationView;
import org.factorysharing.api.audit.AuditQueries.VerifyChain;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Walks the hash chain in link order, in batches of links (keyset on link_no, no long transaction, memory
 * bounded by one batch), recomputes every link from its event and stops at the first broken one; then looks for
 * events the linker passed without linking.
 */
@Component
class HashChainVerifier {

    private static final HexFormat HEX = HexFormat.of();
    private static final String LINKS_WITH_EVENTS = """
            SELECT l.link_no, l.global_index, l.prev_hash, l.link_hash, e.global_index AS event_index,
                   e.event_identifier, e.aggregate_identifier, e.sequence_number, e.type, e.payload_type,
                   e.payload_revision, e.time_stamp, e.payload, e.meta_data
            FROM event_chain_link l LEFT JOIN domain_event_entry e ON e.global_index = l.global_index
            WHERE l.link_no BETWEEN ? AND ?
            ORDER BY l.link_no""";

    private final JdbcTemplate jdbc;
    private final int batchSize;
    private final EventChainLinker linker;

    HashChainVerifier(
            JdbcTemplate jdbc, @Value("${fs.audit.chain.verify-batch:2000}") int batchSize, EventChainLinker linker) {
        this.jdbc = jdbc;
        this.batchSize = batchSize;
        this.linker = linker;
    }

    /** Every event committed before the question is linked first, so the answer covers it. */
    @QueryHandler
    ChainVerificationView verify(VerifyChain query) {
        linker.linkNow();
        return verify(query.fromLink(), query.toLink());
    }

    /** Verifies links fromLink..toLink (toLink null or beyond the head: up to the head as it is now). */
    ChainVerificationView verify(long fromLink, Long toLink) {
        long head = jdbc.queryForObject("SELECT coalesce(max(link_no), 0) FROM event_chain_link", Long.class);
        long to = toLink == null ? head : Math.min(toLink, head);
        Walk walk = new Walk(fromLink, to);
        byte[] anchor = fromLink == 1 ? ChainedEvent.GENESIS : storedHashOf(fromLink - 1);
        if (anchor == null) {
            return walk.broken(new BrokenLinkView(
                    fromLink - 1,
                    null,
                    null,
                    null,
                    BreakReason.LINK_MISSING,
                    null,
                    null,
                    "the link before fromLink, which anchors the range, is missing"));
        }
        walk.previousHash = anchor;
        for (long low = fromLink; low <= to; low += batchSize) {
            List<Link> batch =
                    jdbc.query(LINKS_WITH_EVENTS, HashChainVerifier::link, low, Math.min(to, low + batchSize - 1));
            for (Link link : batch) {
                BrokenLinkView broken = walk.check(link);
                if (broken != null) {
                    return walk.broken(broken);
                }
            }
        }
        if (walk.nextLinkNo <= to) {
            return walk.broken(new BrokenLinkView(
                    walk.nextLinkNo,
                    null,
                    null,
                    null,
                    BreakReason.LINK_MISSING,
                    null,
                    null,
                    "the chain ends before link " + to));
        }
        if (fromLink == 1 && to == head) {
            BrokenLinkView unchained = firstUnchainedEvent();
            if (unchained != null) {
                return walk.broken(unchained);
            }
        }
        return walk.intact();
    }

    private byte[] storedHashOf(long linkNo) {
        List<byte[]> hashes = jdbc.query(
                "SELECT link_hash FROM event_chain_link WHERE link_no = ?", (row, n) -> row.getBytes(1), linkNo);
        return hashes.isEmpty() ? null : hashes.get(0);
    }

    /**
     * An event the linker has passed (at or below scanned_to, not an open gap) without linking it: written into a
     * gap the linker had given up, or inserted by hand with an old index. Events newer than the linker's last round
     * are not checked here: they are linked in its next one.
     */
    private BrokenLinkView firstUnchainedEvent() {
        List<BrokenLinkView> found = jdbc.query(
                """
                SELECT e.global_index, e.event_identifier, e.aggregate_identifier
                FROM domain_event_entry e, event_chain_state s
                WHERE e.global_index <= s.scanned_to AND e.global_index <> ALL (s.gaps)
                  AND NOT EXISTS (SELECT 1 FROM event_chain_link l WHERE l.global_index = e.global_index)
                ORDER BY e.global_index LIMIT 1""",
                (row, n) -> new BrokenLinkView(
                        0,
                        row.getLong(1),
                        row.getString(2),
                        row.getString(3),
                        BreakReason.EVENT_NOT_CHAINED,
                        null,
                        null,
                        "the event is stored but no link covers it"));
        return found.isEmpty() ? null : found.get(0);
    }

    private static Link link(java.sql.ResultSet row, int n) throws java.sql.SQLException {
        ChainedEvent event = null;
        if (row.getObject("event_index") != null) {
            event = new ChainedEvent(
                    row.getLong("event_index"),
                    row.getString("event_identifier"),
                    row.getString("aggregate_identifier"),
                    row.getLong("sequence_number"),
                    row.getString("type"),
                    row.getString("payload_type"),
                    row.getString("payload_revision"),
                    row.getString("time_stamp"),
                    row.getBytes("payload"),
                    row.getBytes("meta_data"));
        }
        return new Link(
                row.getLong("link_no"),
                row.getLong("global_index"),
                row.getBytes("prev_hash"),
                row.getBytes("link_hash"),
                event);
    }

    private static String hex(byte[] bytes) {
        return bytes == null ? null : HEX.formatHex(bytes);
    }

    /** A link with the event it covers (null when the event row is gone). */
    private record Link(long linkNo, long globalIndex, byte[] prevHash, byte[] linkHash, ChainedEvent event) {}

    /** The state of one walk: the next link number expected and the stored hash of the last intact link. */
    private static final class Walk {

        private final long fromLink;
        private final long toLink;
        private long nextLinkNo;
        private byte[] previousHash;

        Walk(long fromLink, long toLink) {
            this.fromLink = fromLink;
            this.toLink = toLink;
            this.nextLinkNo = fromLink;
        }

        /**
         * Each link is checked against the stored hash of the one before, so a break is reported where it is
         * and not again at every later link; a chain whose every link passes is intact from genesis on.
         */
        BrokenLinkView check(Link link) {
            if (link.linkNo() != nextLinkNo) {
                return new BrokenLinkView(
                        nextLinkNo,
                        null,
                        null,
                        null,
                        BreakReason.LINK_MISSING,
                        null,
                        null,
                        "link " + nextLinkNo + " is missing; the next stored link is " + link.linkNo()
                                + " (global index " + link.globalIndex() + ")");
            }
            ChainedEvent event = link.event();
            if (!Arrays.equals(link.prevHash(), previousHash)) {
                return new BrokenLinkView(
                        link.linkNo(),
                        link.globalIndex(),
                        idOf(event),
                        aggregateOf(event),
                        BreakReason.LINK_CHANGED,
                        hex(previousHash),
                        hex(link.prevHash()),
                        "the link's previous hash is not the hash of link " + (link.linkNo() - 1));
            }
            if (event == null) {
                return new BrokenLinkView(
                        link.linkNo(),
                        link.globalIndex(),
                        null,
                        null,
                        BreakReason.EVENT_DELETED,
                        null,
                        hex(link.linkHash()),
                        "no event with global index " + link.globalIndex());
            }
            byte[] recomputed = event.linkHash(previousHash);
            if (!Arrays.equals(recomputed, link.linkHash())) {
                return new BrokenLinkView(
                        link.linkNo(),
                        link.globalIndex(),
                        event.eventIdentifier(),
                        event.aggregateIdentifier(),
                        BreakReason.EVENT_CHANGED,
                        hex(recomputed),
                        hex(link.linkHash()),
                        "the event as stored now does not hash to its link");
            }
            previousHash = link.linkHash();
            nextLinkNo++;
            return null;
        }

        ChainVerificationView broken(BrokenLinkView link) {
            return new ChainVerificationView(false, nextLinkNo - fromLink, fromLink, toLink, hex(previousHash), link);
        }

        ChainVerificationView intact() {
            return new ChainVerificationView(true, nextLinkNo - fromLink, fromLink, toLink, hex(previousHash), null);
        }

        private static String idOf(ChainedEvent event) {
            return event == null ? null : event.eventIdentifier();
        }

        private static String aggregateOf(ChainedEvent event) {
            return event == null ? null : event.aggregateIdentifier();
        }
    }
}
