-- Factory registry and detail, fed by FactoryRegistryProjection (processing group factory-registry).
CREATE TABLE factory_registry (
    factory_id               VARCHAR(64)   PRIMARY KEY,
    name                     VARCHAR(200)  NOT NULL,
    province                 VARCHAR(100)  NOT NULL,
    regency                  VARCHAR(100)  NOT NULL,
    commodity                VARCHAR(200)  NOT NULL,
    commodity_code           VARCHAR(64)   NOT NULL,
    operator                 VARCHAR(200)  NOT NULL,
    status                   VARCHAR(16)   NOT NULL,
    status_reason            VARCHAR(1000),
    staff_group              VARCHAR(100)  NOT NULL,
    installation_due_on      DATE,
    installed_machines       INTEGER       NOT NULL,
    capacity_hours_per_day   INTEGER       NOT NULL,
    inspection_passed        BOOLEAN,
    inspection_findings      VARCHAR(4000),
    inspected_by             VARCHAR(100),
    inspected_at             TIMESTAMPTZ,
    commissioned_by          VARCHAR(100),
    commissioned_at          TIMESTAMPTZ,
    proposed_by              VARCHAR(100),
    proposed_at              TIMESTAMPTZ   NOT NULL,
    updated_at               TIMESTAMPTZ   NOT NULL
);
CREATE INDEX factory_registry_name_idx ON factory_registry (name, factory_id);
CREATE INDEX factory_registry_status_idx ON factory_registry (status);
CREATE INDEX factory_registry_province_idx ON factory_registry (lower(province));
CREATE INDEX factory_registry_commodity_idx ON factory_registry (lower(commodity_code));

-- Planned machines (from the proposal) and installed ones, with their status.
CREATE TABLE factory_machine (
    factory_id             VARCHAR(64)   NOT NULL REFERENCES factory_registry (factory_id) ON DELETE CASCADE,
    machine_id             VARCHAR(64)   NOT NULL,
    machine_type           VARCHAR(64)   NOT NULL,
    capacity_hours_per_day INTEGER       NOT NULL,
    status                 VARCHAR(16)   NOT NULL,
    maintenance_reason     VARCHAR(1000),
    installed_at           TIMESTAMPTZ,
    PRIMARY KEY (factory_id, machine_id)
);

-- Capacity calendar and utilisation, fed by CapacityCalendarProjection (processing group capacity-calendar).
-- Known factories: an unknown id is answered with 404, a factory without machines with an empty calendar.
CREATE TABLE capacity_factory (
    factory_id VARCHAR(64) PRIMARY KEY
);

CREATE TABLE capacity_machine (
    factory_id             VARCHAR(64)  NOT NULL REFERENCES capacity_factory (factory_id) ON DELETE CASCADE,
    machine_id             VARCHAR(64)  NOT NULL,
    machine_type           VARCHAR(64)  NOT NULL,
    capacity_hours_per_day INTEGER      NOT NULL,
    installed_on           DATE         NOT NULL,
    PRIMARY KEY (factory_id, machine_id)
);
CREATE INDEX capacity_machine_type_idx ON capacity_machine (factory_id, machine_type);

-- The ledger: one row per event, machine and day (+hours reserved, -hours released). Keyed by the event id,
-- so a redelivered event adds nothing, and a job that gets time on the same machine-day twice keeps both.
CREATE TABLE capacity_booking (
    event_id   VARCHAR(64)  NOT NULL,
    factory_id VARCHAR(64)  NOT NULL REFERENCES capacity_factory (factory_id) ON DELETE CASCADE,
    job_id     VARCHAR(64)  NOT NULL,
    machine_id VARCHAR(64)  NOT NULL,
    day        DATE         NOT NULL,
    hours      INTEGER      NOT NULL,
    PRIMARY KEY (event_id, machine_id, day)
);
CREATE INDEX capacity_booking_machine_day_idx ON capacity_booking (factory_id, machine_id, day);

-- Booked hours per machine and day: always the sum of the ledger rows of that machine-day.
CREATE TABLE capacity_booked_day (
    factory_id   VARCHAR(64)  NOT NULL REFERENCES capacity_factory (factory_id) ON DELETE CASCADE,
    machine_id   VARCHAR(64)  NOT NULL,
    day          DATE         NOT NULL,
    booked_hours INTEGER      NOT NULL,
    PRIMARY KEY (factory_id, machine_id, day)
);

-- Maintenance periods: started_on inclusive .. ended_on exclusive; open while ended_on is null.
CREATE TABLE capacity_maintenance (
    started_event_id VARCHAR(64)  PRIMARY KEY,
    factory_id       VARCHAR(64)  NOT NULL REFERENCES capacity_factory (factory_id) ON DELETE CASCADE,
    machine_id       VARCHAR(64)  NOT NULL,
    started_on       DATE         NOT NULL,
    ended_on         DATE
);
CREATE INDEX capacity_maintenance_machine_idx ON capacity_maintenance (factory_id, machine_id, started_on);

-- Job board and detail, fed by JobBoardProjection (processing group job-board).
CREATE TABLE job_board (
    job_id              VARCHAR(64)   PRIMARY KEY,
    factory_id          VARCHAR(64)   NOT NULL,
    member_id           VARCHAR(64)   NOT NULL,
    machine_type        VARCHAR(64)   NOT NULL,
    product             VARCHAR(200)  NOT NULL,
    quantity            INTEGER       NOT NULL,
    machine_hours       INTEGER       NOT NULL,
    earliest_start      DATE          NOT NULL,
    deadline            DATE          NOT NULL,
    status              VARCHAR(16)   NOT NULL,
    rejection           VARCHAR(32),
    reason              VARCHAR(1000),
    planned_start       DATE,
    planned_end         DATE,
    rescheduling_needed BOOLEAN       NOT NULL,
    good_units          INTEGER,
    rejected_units      INTEGER,
    rework_notes        VARCHAR(4000),
    requested_by        VARCHAR(100),
    requested_at        TIMESTAMPTZ   NOT NULL,
    updated_at          TIMESTAMPTZ   NOT NULL
);
CREATE INDEX job_board_newest_idx ON job_board (requested_at DESC, job_id);
CREATE INDEX job_board_factory_idx ON job_board (factory_id, requested_at DESC);
CREATE INDEX job_board_member_idx ON job_board (member_id, requested_at DESC);
CREATE INDEX job_board_status_idx ON job_board (status, requested_at DESC);

-- The job's current machine time (replaced when it is scheduled or rescheduled).
CREATE TABLE job_allocation (
    job_id     VARCHAR(64)  NOT NULL REFERENCES job_board (job_id) ON DELETE CASCADE,
    machine_id VARCHAR(64)  NOT NULL,
    day        DATE         NOT NULL,
    hours      INTEGER      NOT NULL,
    PRIMARY KEY (job_id, machine_id, day)
);
