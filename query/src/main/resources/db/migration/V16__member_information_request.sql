-- The last request for more information an officer made of an applicant (MemberInformationRequested and what
-- followed it), shown to the member and to the officers. Fed by MemberProjection (processing group member-directory).
ALTER TABLE member_directory
    ADD COLUMN information_note         VARCHAR(1000),
    ADD COLUMN information_requested_by VARCHAR(128),
    ADD COLUMN information_requested_at TIMESTAMPTZ,
    ADD COLUMN information_state        VARCHAR(16),
    ADD COLUMN information_closed_at    TIMESTAMPTZ;
