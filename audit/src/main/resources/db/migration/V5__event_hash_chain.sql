-- Tamper evidence: every event appended to domain_event_entry is linked into a SHA-256 hash chain in the
-- transaction that appends it:
--   link_hash(n) = SHA-256(link_hash(n-1) || canonical bytes of the event), link_hash(0) = 32 zero bytes.
-- Links are numbered by their own gap-free sequence (link_no), not by global_index: global_index is handed
-- out by a sequence before commit, so it has gaps (rolled-back appends) and concurrent transactions commit
-- out of its order. Each link names the global_index it covers. Verification: HashChainVerifier (Java,
-- recomputing independently of these functions). Only built-ins: sha256(bytea) needs no extension.

-- Waits for appends in flight and holds new ones back until this migration commits: no event is stored between
-- the genesis below and the trigger taking over.
LOCK TABLE domain_event_entry IN SHARE ROW EXCLUSIVE MODE;

CREATE TABLE event_chain_link (
    link_no      BIGINT NOT NULL,
    global_index BIGINT NOT NULL,
    prev_hash    BYTEA  NOT NULL,
    link_hash    BYTEA  NOT NULL,
    PRIMARY KEY (link_no),
    UNIQUE (global_index)
);

-- One row whose row lock is the chain lock: an append holds it from linking its first event until commit or
-- rollback, so links are written one transaction after another. Only locked, never updated: no row versions
-- pile up however many events a transaction appends.
CREATE TABLE event_chain_lock (
    singleton BOOLEAN NOT NULL DEFAULT TRUE,
    PRIMARY KEY (singleton),
    CHECK (singleton)
);
INSERT INTO event_chain_lock (singleton) VALUES (TRUE);

-- One field: 4-byte big-endian length then the bytes, or length -1 for NULL, so no two different events
-- encode to the same bytes.
CREATE FUNCTION event_chain_field(value BYTEA) RETURNS BYTEA
    LANGUAGE sql IMMUTABLE AS
$$
SELECT CASE WHEN value IS NULL THEN int4send(-1) ELSE int4send(octet_length(value)) || value END
$$;

-- The canonical bytes of an event: every column, in a fixed order, text as UTF-8, numbers as 8-byte big-endian.
-- PL/pgSQL, not SQL: a SQL function taking a row is planned again on every call, which tripled the trigger's cost.
CREATE FUNCTION event_chain_bytes(entry domain_event_entry) RETURNS BYTEA
    LANGUAGE plpgsql IMMUTABLE AS
$$
BEGIN
    RETURN int8send(entry.global_index)
        || event_chain_field(convert_to(entry.event_identifier, 'UTF8'))
        || event_chain_field(convert_to(entry.aggregate_identifier, 'UTF8'))
        || int8send(entry.sequence_number)
        || event_chain_field(convert_to(entry.type, 'UTF8'))
        || event_chain_field(convert_to(entry.payload_type, 'UTF8'))
        || event_chain_field(convert_to(entry.payload_revision, 'UTF8'))
        || event_chain_field(convert_to(entry.time_stamp, 'UTF8'))
        || event_chain_field(entry.payload)
        || event_chain_field(entry.meta_data);
END
$$;

-- Once the lock is granted the previous holder has committed or rolled back, and under READ COMMITTED the next
-- statement sees its links. Under REPEATABLE READ it would not: then the primary key on link_no refuses the
-- duplicate number and the transaction fails instead of forking the chain.
CREATE FUNCTION event_chain_append() RETURNS TRIGGER
    LANGUAGE plpgsql AS
$$
DECLARE
    last_no   BIGINT := 0;
    last_hash BYTEA  := decode(repeat('00', 32), 'hex');
BEGIN
    PERFORM FROM event_chain_lock FOR UPDATE;
    SELECT link_no, link_hash INTO last_no, last_hash FROM event_chain_link ORDER BY link_no DESC LIMIT 1;
    IF NOT FOUND THEN
        last_no := 0;
        last_hash := decode(repeat('00', 32), 'hex');
    END IF;
    INSERT INTO event_chain_link (link_no, global_index, prev_hash, link_hash)
    VALUES (last_no + 1, NEW.global_index, last_hash, sha256(last_hash || event_chain_bytes(NEW)));
    RETURN NULL;
END
$$;

-- Deferred to commit: the chain lock is taken only at the end of the appending transaction and held for the
-- commit alone, not while the rest of the transaction (Camunda steps, other commands) runs. Events of one
-- transaction fire in insert order, so they become consecutive links in global_index order. A rolled-back
-- transaction never fires it and leaves no link and no gap in link_no.
CREATE CONSTRAINT TRIGGER event_chain_append
    AFTER INSERT ON domain_event_entry
    DEFERRABLE INITIALLY DEFERRED
    FOR EACH ROW EXECUTE FUNCTION event_chain_append();

-- Genesis: chain the events already stored, in global_index order. The trigger takes over from there.
DO
$$
    DECLARE
        stored  domain_event_entry;
        chained BIGINT := 0;
        prev    BYTEA  := decode(repeat('00', 32), 'hex');
        next    BYTEA;
    BEGIN
        FOR stored IN SELECT * FROM domain_event_entry ORDER BY global_index
            LOOP
                chained := chained + 1;
                next := sha256(prev || event_chain_bytes(stored));
                INSERT INTO event_chain_link (link_no, global_index, prev_hash, link_hash)
                VALUES (chained, stored.global_index, prev, next);
                prev := next;
            END LOOP;
    END
$$;
