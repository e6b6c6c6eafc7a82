-- Read models of the member feature, fed by MemberProjection (processing group member-directory).
CREATE TABLE member_directory (
    member_id        VARCHAR(64)   PRIMARY KEY,
    nib              VARCHAR(13)   NOT NULL,
    business_name    VARCHAR(200)  NOT NULL,
    owner_name       VARCHAR(200)  NOT NULL,
    owner_nik_masked VARCHAR(16)   NOT NULL,
    sector           VARCHAR(100)  NOT NULL,
    province         VARCHAR(100)  NOT NULL,
    regency          VARCHAR(100)  NOT NULL,
    scale            VARCHAR(16)   NOT NULL,
    contact_phone    VARCHAR(32),
    contact_email    VARCHAR(254),
    status           VARCHAR(16)   NOT NULL,
    status_reason    VARCHAR(1000),
    registered_at    TIMESTAMPTZ   NOT NULL,
    updated_at       TIMESTAMPTZ   NOT NULL
);
CREATE INDEX member_directory_province_idx ON member_directory (lower(province));
CREATE INDEX member_directory_sector_idx ON member_directory (lower(sector));
CREATE INDEX member_directory_status_idx ON member_directory (status);
CREATE INDEX member_directory_name_idx ON member_directory (business_name);

CREATE TABLE member_qualification (
    member_id    VARCHAR(64)  NOT NULL REFERENCES member_directory (member_id) ON DELETE CASCADE,
    machine_type VARCHAR(64)  NOT NULL,
    expires_on   DATE         NOT NULL,
    granted_by   VARCHAR(100),
    granted_at   TIMESTAMPTZ  NOT NULL,
    PRIMARY KEY (member_id, machine_type)
);
