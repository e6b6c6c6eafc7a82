-- Requests to evaluate a running pilot early, fed by ProgrammeDashboardProjection (processing group
-- programme-dashboard). status: OPEN, APPROVED, DECLINED, or OVERTAKEN (the pilot period ended before a decision).
CREATE TABLE programme_early_evaluation (
    wave_id          VARCHAR(64)   NOT NULL,
    request_no       INTEGER       NOT NULL,
    reason           VARCHAR(4000) NOT NULL,
    requested_by     VARCHAR(100)  NOT NULL,
    requested_at     TIMESTAMPTZ   NOT NULL,
    status           VARCHAR(16)   NOT NULL,
    decided_by       VARCHAR(100),
    decided_at       TIMESTAMPTZ,
    decision_comment VARCHAR(4000),
    PRIMARY KEY (wave_id, request_no)
);
