-- The hash chain is linked after commit, by one linker at a time (EventChainLinker, on whichever node takes the chain
-- lock), instead of by a trigger in every appending transaction: the trigger held one row lock from linking until
-- commit, so appending commits went one at a time (about half the raw rate at 8 clients). The links and their
-- hashes are the same as before (event_chain_bytes, V5); only when they are made changes: within a fraction of a
-- second after the commit, in the order the linker finds the committed events.
--
-- What the linker has seen is kept in event_chain_state: every event at or below scanned_to is linked, except the
-- indices in gaps. A gap is a global_index handed out to a transaction that had not committed when the linker
-- passed it (still in flight, or rolled back: most gaps are rollbacks and never fill). A gap that fills is linked
-- then; a gap older than the gap timeout is given up, and an event that appears there later stays unlinked, which
-- the verification reports (no transaction of this server lasts that long: Axon's own processors give up gaps after
-- a minute too).

-- Waits for appends in flight and holds new ones back until this migration commits: every event stored before the
-- trigger goes is linked by it, and the state starts exactly after them.
LOCK TABLE domain_event_entry IN SHARE ROW EXCLUSIVE MODE;

DROP TRIGGER event_chain_append ON domain_event_entry;
DROP FUNCTION event_chain_append();

CREATE TABLE event_chain_state (
    singleton  BOOLEAN       NOT NULL DEFAULT TRUE,
    scanned_to BIGINT        NOT NULL,
    gaps       BIGINT[]      NOT NULL DEFAULT '{}',
    gaps_seen  TIMESTAMPTZ[] NOT NULL DEFAULT '{}',
    PRIMARY KEY (singleton),
    CHECK (singleton),
    CHECK (cardinality(gaps) = cardinality(gaps_seen))
);
INSERT INTO event_chain_state (scanned_to)
SELECT greatest(coalesce((SELECT max(global_index) FROM event_chain_link), 0),
                coalesce((SELECT max(global_index) FROM domain_event_entry), 0));

-- One round of the linker: links up to max_links committed, unlinked events in global_index order (gaps that filled,
-- then the events past scanned_to) and moves the state on. Returns how many it linked, or -1 when another session holds the chain
-- lock (another node's linker: this one skips the round). A skipped range longer than max_gap_offset (a sequence
-- jump after a crash) is not kept as gaps.
CREATE FUNCTION event_chain_link_pending(max_links INT, gap_timeout INTERVAL, max_gap_offset INT DEFAULT 10000)
    RETURNS INT
    LANGUAGE plpgsql AS
$$
DECLARE
    state      event_chain_state;
    last_no    BIGINT;
    last_hash  BYTEA;
    next_hash  BYTEA;
    entry      domain_event_entry;
    linked     INT      := 0;
    scanned    BIGINT;
    open_gaps  BIGINT[];
    open_seen  TIMESTAMPTZ[];
    kept_gaps  BIGINT[] := '{}';
    kept_seen  TIMESTAMPTZ[] := '{}';
    missing    BIGINT;
    i          INT;
BEGIN
    PERFORM FROM event_chain_lock FOR UPDATE SKIP LOCKED;
    IF NOT FOUND THEN
        RETURN -1;
    END IF;
    SELECT * INTO state FROM event_chain_state;
    SELECT link_no, link_hash INTO last_no, last_hash FROM event_chain_link ORDER BY link_no DESC LIMIT 1;
    IF NOT FOUND THEN
        last_no := 0;
        last_hash := decode(repeat('00', 32), 'hex');
    END IF;
    scanned := state.scanned_to;
    open_gaps := state.gaps;
    open_seen := state.gaps_seen;

    FOR entry IN
        SELECT * FROM domain_event_entry
        WHERE global_index = ANY (state.gaps)
           OR global_index > state.scanned_to
        ORDER BY global_index
        LIMIT max_links
        LOOP
            last_no := last_no + 1;
            next_hash := sha256(last_hash || event_chain_bytes(entry));
            INSERT INTO event_chain_link (link_no, global_index, prev_hash, link_hash)
            VALUES (last_no, entry.global_index, last_hash, next_hash);
            last_hash := next_hash;
            linked := linked + 1;
            IF entry.global_index > scanned THEN
                -- the indices passed over are handed out but not committed (yet): gaps
                IF entry.global_index - scanned - 1 <= max_gap_offset THEN
                    FOR missing IN scanned + 1 .. entry.global_index - 1
                        LOOP
                            open_gaps := open_gaps || missing;
                            open_seen := open_seen || clock_timestamp();
                        END LOOP;
                END IF;
                scanned := entry.global_index;
            END IF;
        END LOOP;

    -- a gap stays open until its event is linked or it is older than the timeout
    FOR i IN 1 .. coalesce(cardinality(open_gaps), 0)
        LOOP
            IF open_seen[i] > clock_timestamp() - gap_timeout
                AND NOT EXISTS (SELECT 1 FROM event_chain_link WHERE global_index = open_gaps[i]) THEN
                kept_gaps := kept_gaps || open_gaps[i];
                kept_seen := kept_seen || open_seen[i];
            END IF;
        END LOOP;
    UPDATE event_chain_state SET scanned_to = scanned, gaps = kept_gaps, gaps_seen = kept_seen;
    RETURN linked;
END
$$;
