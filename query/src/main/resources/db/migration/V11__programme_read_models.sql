-- Programme KPIs, fed by ProgrammeKpiProjection (processing group programme-kpi, ONE segment: events are applied
-- in global order). No foreign keys: a row never waits for another aggregate's event.

-- The global index of the last event the projection applied: the figures include every event up to it.
CREATE TABLE programme_kpi_position (
    id             SMALLINT  PRIMARY KEY CHECK (id = 1),
    event_position BIGINT    NOT NULL
);

-- The wave's KPI period and its factories, as of that position.
CREATE TABLE programme_kpi_wave (
    wave_id     VARCHAR(64)  PRIMARY KEY,
    started_on  DATE,
    ends_on     DATE
);

CREATE TABLE programme_kpi_wave_factory (
    wave_id    VARCHAR(64)  NOT NULL,
    factory_id VARCHAR(64)  NOT NULL,
    PRIMARY KEY (wave_id, factory_id)
);

-- capacity_hours_per_day: sum of the installed machines (programme_kpi_machine); commissioned_on: the first
-- commissioning's day in the programme calendar.
CREATE TABLE programme_kpi_factory (
    factory_id             VARCHAR(64)   PRIMARY KEY,
    name                   VARCHAR(200),
    region_id              VARCHAR(250),
    commodity_code         VARCHAR(64),
    capacity_hours_per_day INTEGER       NOT NULL,
    commissioned_on        DATE,
    status                 VARCHAR(16)
);

CREATE TABLE programme_kpi_machine (
    factory_id             VARCHAR(64)  NOT NULL,
    machine_id             VARCHAR(64)  NOT NULL,
    capacity_hours_per_day INTEGER      NOT NULL,
    PRIMARY KEY (factory_id, machine_id)
);

CREATE TABLE programme_kpi_job (
    job_id     VARCHAR(64)  PRIMARY KEY,
    factory_id VARCHAR(64)  NOT NULL,
    member_id  VARCHAR(64)  NOT NULL
);

-- The machine-time ledger: hours per event and day (+ reserved, - released), keyed by the event id so that a
-- redelivered event adds nothing; booked hours of a day are the sum of its rows.
CREATE TABLE programme_kpi_booking (
    event_id   VARCHAR(64)  NOT NULL,
    factory_id VARCHAR(64)  NOT NULL,
    day        DATE         NOT NULL,
    hours      INTEGER      NOT NULL,
    PRIMARY KEY (event_id, day)
);
CREATE INDEX programme_kpi_booking_factory_day_idx ON programme_kpi_booking (factory_id, day);

-- Completed jobs: day = the completion's day in the programme calendar.
CREATE TABLE programme_kpi_completion (
    job_id     VARCHAR(64)  PRIMARY KEY,
    factory_id VARCHAR(64)  NOT NULL,
    member_id  VARCHAR(64)  NOT NULL,
    day        DATE         NOT NULL,
    good_units BIGINT       NOT NULL
);
CREATE INDEX programme_kpi_completion_factory_day_idx ON programme_kpi_completion (factory_id, day);

-- Quality inspections: a completion passed, a rework did not; one row per event.
CREATE TABLE programme_kpi_inspection (
    event_id   VARCHAR(64)  PRIMARY KEY,
    job_id     VARCHAR(64)  NOT NULL,
    factory_id VARCHAR(64)  NOT NULL,
    day        DATE         NOT NULL,
    passed     BOOLEAN      NOT NULL
);
CREATE INDEX programme_kpi_inspection_factory_day_idx ON programme_kpi_inspection (factory_id, day);

-- Programme dashboard, fed by ProgrammeDashboardProjection (processing group programme-dashboard).
CREATE TABLE programme_wave (
    wave_id                 VARCHAR(64)   PRIMARY KEY,
    name                    VARCHAR(200)  NOT NULL,
    year                    INTEGER       NOT NULL,
    kind                    VARCHAR(16)   NOT NULL,
    status                  VARCHAR(24)   NOT NULL,
    target_factories        INTEGER       NOT NULL,
    pilot_months            INTEGER       NOT NULL,
    min_utilisation         DOUBLE PRECISION NOT NULL,
    min_members_served      INTEGER       NOT NULL,
    min_jobs_completed      INTEGER       NOT NULL,
    min_output_units        BIGINT        NOT NULL,
    min_quality_pass_rate   DOUBLE PRECISION NOT NULL,
    previous_wave_id        VARCHAR(64),
    planned_by              VARCHAR(100),
    planned_at              TIMESTAMPTZ   NOT NULL,
    started_at              TIMESTAMPTZ,
    pilot_ends_at           TIMESTAMPTZ,
    extensions              INTEGER       NOT NULL
);
CREATE INDEX programme_wave_order_idx ON programme_wave (year DESC, name);
CREATE INDEX programme_wave_previous_idx ON programme_wave (previous_wave_id);

CREATE TABLE programme_wave_factory (
    wave_id          VARCHAR(64)   NOT NULL,
    factory_id       VARCHAR(64)   NOT NULL,
    region_id        VARCHAR(250)  NOT NULL,
    commodity_code   VARCHAR(120)  NOT NULL,
    potential_score  INTEGER       NOT NULL,
    potential_source VARCHAR(1000),
    beyond_target    BOOLEAN       NOT NULL,
    enrolled_by      VARCHAR(100),
    enrolled_at      TIMESTAMPTZ   NOT NULL,
    commissioned_at  TIMESTAMPTZ,
    PRIMARY KEY (wave_id, factory_id)
);

-- Name and status of every factory, from its own events: joined at query time, so the order in which a
-- factory's and a wave's events are handled does not matter.
CREATE TABLE programme_factory (
    factory_id VARCHAR(64)   PRIMARY KEY,
    name       VARCHAR(200),
    status     VARCHAR(16)
);

CREATE TABLE programme_recommendation (
    wave_id                 VARCHAR(64)   NOT NULL,
    evaluation_no           INTEGER       NOT NULL,
    recommendation          VARCHAR(16)   NOT NULL,
    reason                  VARCHAR(4000),
    commissioned_factories  INTEGER       NOT NULL,
    booked_hours            BIGINT        NOT NULL,
    available_hours         BIGINT        NOT NULL,
    utilisation             DOUBLE PRECISION NOT NULL,
    members_served          INTEGER       NOT NULL,
    jobs_completed          INTEGER       NOT NULL,
    output_units            BIGINT        NOT NULL,
    inspections             INTEGER       NOT NULL,
    quality_pass_rate       DOUBLE PRECISION NOT NULL,
    min_utilisation         DOUBLE PRECISION NOT NULL,
    min_members_served      INTEGER       NOT NULL,
    min_jobs_completed      INTEGER       NOT NULL,
    min_output_units        BIGINT        NOT NULL,
    min_quality_pass_rate   DOUBLE PRECISION NOT NULL,
    extensions              INTEGER       NOT NULL,
    decision_key            VARCHAR(200),
    decision_definition_id  VARCHAR(200),
    decision_version        INTEGER,
    kpi_event_position      BIGINT        NOT NULL,
    period_from             DATE,
    period_to               DATE,
    recommended_at          TIMESTAMPTZ   NOT NULL,
    PRIMARY KEY (wave_id, evaluation_no)
);

-- status: OPEN, APPROVED or REJECTED.
CREATE TABLE programme_proposal (
    wave_id          VARCHAR(64)   NOT NULL,
    proposal_no      INTEGER       NOT NULL,
    evaluation_no    INTEGER       NOT NULL,
    outcome          VARCHAR(16)   NOT NULL,
    recommended      VARCHAR(16),
    proposed_target  INTEGER       NOT NULL,
    extension_months INTEGER       NOT NULL,
    justification    VARCHAR(4000),
    proposed_by      VARCHAR(100)  NOT NULL,
    proposed_at      TIMESTAMPTZ   NOT NULL,
    status           VARCHAR(16)   NOT NULL,
    PRIMARY KEY (wave_id, proposal_no)
);

-- The proposal's timeline, one row per wave event (its sequence number in the wave orders the steps).
CREATE TABLE programme_approval_step (
    wave_id      VARCHAR(64)   NOT NULL,
    event_seq    BIGINT        NOT NULL,
    proposal_no  INTEGER       NOT NULL,
    action       VARCHAR(16)   NOT NULL,
    stage        VARCHAR(24),
    actor        VARCHAR(100),
    at           TIMESTAMPTZ   NOT NULL,
    comment      VARCHAR(4000),
    PRIMARY KEY (wave_id, event_seq)
);
CREATE INDEX programme_approval_step_proposal_idx ON programme_approval_step (wave_id, proposal_no, event_seq);
