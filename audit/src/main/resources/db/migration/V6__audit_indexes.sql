-- Indexes for the audit API's event log (GET /api/audit/events): each filter can walk its own index in
-- global_index order and stop after one page, so a page costs the same on a store of a million events.

-- The user who caused an event, as the metadata says. convert_from is only STABLE (it depends on the
-- server encoding), so an index cannot use it directly; the database encoding never changes under a
-- running store, which makes this wrapper safe to declare IMMUTABLE. Queries must call this function
-- to use the index.
CREATE FUNCTION audit_user_id(meta_data BYTEA) RETURNS TEXT
    LANGUAGE SQL IMMUTABLE PARALLEL SAFE
    AS $$ SELECT convert_from(meta_data, 'UTF8')::jsonb ->> 'userId' $$;

-- The simple name of an event type (org...MemberEvent$MemberRegistered -> MemberRegistered).
CREATE FUNCTION audit_event_type(payload_type TEXT) RETURNS TEXT
    LANGUAGE SQL IMMUTABLE PARALLEL SAFE
    AS $$ SELECT regexp_replace(payload_type, '^.*[.$]', '') $$;

CREATE INDEX domain_event_entry_audit_aggregate_idx ON domain_event_entry (aggregate_identifier, global_index);
CREATE INDEX domain_event_entry_audit_type_idx ON domain_event_entry (type, global_index);
CREATE INDEX domain_event_entry_audit_event_type_idx
    ON domain_event_entry (audit_event_type(payload_type), global_index);
CREATE INDEX domain_event_entry_audit_user_idx ON domain_event_entry (audit_user_id(meta_data), global_index);
-- time_stamp is ISO-8601 text in UTC with fixed millisecond width (Axon's DateTimeUtils), so text order
-- is time order and a range on the text is a range in time.
CREATE INDEX domain_event_entry_audit_time_idx ON domain_event_entry (time_stamp);
