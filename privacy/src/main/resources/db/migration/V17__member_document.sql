-- Members' documents (MemberDocumentVault, written in the transaction of the command that records the attachment):
-- the file name and the content only as AES-256-GCM ciphertext under the member's personal-data key (see
-- personal_data_key), so a forget makes them unreadable; the forget also empties both columns in its transaction.
CREATE TABLE member_document (
    member_id    VARCHAR(64)  NOT NULL,
    document_id  VARCHAR(64)  NOT NULL,
    kind         VARCHAR(32)  NOT NULL,
    content_type VARCHAR(64)  NOT NULL,
    size_bytes   BIGINT       NOT NULL,
    sha256       CHAR(64)     NOT NULL,
    file_name    BYTEA,
    content      BYTEA,
    attached_by  VARCHAR(128) NOT NULL,
    attached_at  TIMESTAMPTZ  NOT NULL,
    forgotten_at TIMESTAMPTZ,
    PRIMARY KEY (member_id, document_id),
    CHECK ((content IS NULL) = (forgotten_at IS NOT NULL))
);
-- ciphertext does not compress: keep it out of TOAST's compression attempts
ALTER TABLE member_document ALTER COLUMN content SET STORAGE EXTERNAL;
