-- A factory's history as people see it, fed by FactoryTimelineProjection (processing group factory-timeline): one
-- row per factory event a person causes, keyed by the event's place in its factory's sequence, so a redelivered
-- event adds nothing.
CREATE TABLE factory_timeline (
    factory_id   VARCHAR(64)    NOT NULL,
    sequence_no  BIGINT         NOT NULL,
    at           TIMESTAMPTZ    NOT NULL,
    kind         VARCHAR(32)    NOT NULL,
    actor        VARCHAR(100),
    machine_id   VARCHAR(64),
    detail       VARCHAR(4000),
    PRIMARY KEY (factory_id, sequence_no)
);
