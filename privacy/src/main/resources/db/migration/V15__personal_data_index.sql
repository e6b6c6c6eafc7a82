-- The blind index of personal data (see BlindIndex): keyed hashes of owners' NIK, phone and e-mail, so officers find
-- a member by them without any copy in clear. A forget deletes the member's rows in the forgetting transaction.
CREATE TABLE personal_data_index (
    subject_id VARCHAR(64) NOT NULL,
    field      VARCHAR(16) NOT NULL,
    digest     BYTEA       NOT NULL,
    PRIMARY KEY (subject_id, field, digest)
);
CREATE INDEX personal_data_index_lookup ON personal_data_index (field, digest);
