-- Command-side set validation: a factory is enrolled in at most one wave (see JdbcWaveClaims).
CREATE TABLE wave_factory_claim (
    factory_id VARCHAR(64) PRIMARY KEY,
    wave_id    VARCHAR(64) NOT NULL,
    claimed_at TIMESTAMPTZ NOT NULL
);
