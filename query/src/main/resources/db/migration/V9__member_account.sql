-- Logins and the member each acts for, fed by MemberProjection (processing group member-directory).
CREATE TABLE member_account (
    user_id   VARCHAR(128) PRIMARY KEY,
    member_id VARCHAR(64)  NOT NULL REFERENCES member_directory (member_id) ON DELETE CASCADE,
    linked_at TIMESTAMPTZ  NOT NULL
);
CREATE INDEX member_account_member_idx ON member_account (member_id);
