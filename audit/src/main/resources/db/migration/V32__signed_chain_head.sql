-- Signed heads of the event hash chain (ChainHeadSigner): the head link's number and hash, signed with the server's
-- Ed25519 key together with the time of signing, on request (auditors, admins) and on a schedule. An auditor keeps
-- one and later checks an export against it offline (the verifier module): the chain up to that link is the one that
-- was signed. The exact signed text is kept, and the public key that verifies it.
CREATE TABLE signed_chain_head (
    id         BIGSERIAL    NOT NULL,
    link_no    BIGINT       NOT NULL,
    head_hash  BYTEA        NOT NULL,
    signed_at  TIMESTAMPTZ  NOT NULL,
    statement  VARCHAR(400) NOT NULL,
    algorithm  VARCHAR(20)  NOT NULL,
    key_id     VARCHAR(64)  NOT NULL,
    public_key BYTEA        NOT NULL,
    signature  BYTEA        NOT NULL,
    signed_by  VARCHAR(255) NOT NULL,
    PRIMARY KEY (id)
);

CREATE INDEX signed_chain_head_link ON signed_chain_head (link_no DESC);
