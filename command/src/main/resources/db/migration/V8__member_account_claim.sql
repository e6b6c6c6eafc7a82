-- Command-side set validation: a login acts for at most one member (see JdbcAccountClaims).
CREATE TABLE member_account_claim (
    user_id    VARCHAR(128) PRIMARY KEY,
    member_id  VARCHAR(64)  NOT NULL,
    claimed_at TIMESTAMPTZ  NOT NULL
);
