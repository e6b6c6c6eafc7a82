-- Command-side set validation: one row per NIB ever registered (see JdbcNibClaims).
CREATE TABLE member_nib_claim (
    nib        VARCHAR(13) PRIMARY KEY,
    member_id  VARCHAR(64) NOT NULL,
    claimed_at TIMESTAMPTZ NOT NULL
);
