-- Crypto-shredding of personal data (README "Personal data"): the personal fields of events are stored
-- encrypted with their subject's data key (AES-256-GCM). Forgetting a subject deletes its key (data_key set to
-- NULL, the row kept as a tombstone so that no later event gets a fresh key); the events themselves are never
-- rewritten, so the hash chain stays intact. data_key is wrapped with the master key (fs.privacy.master-key).
CREATE TABLE personal_data_key (
    subject_id   VARCHAR(255) NOT NULL,
    data_key     BYTEA,
    created_at   TIMESTAMPTZ  NOT NULL,
    forgotten_at TIMESTAMPTZ,
    PRIMARY KEY (subject_id),
    CHECK ((data_key IS NULL) = (forgotten_at IS NOT NULL))
);
