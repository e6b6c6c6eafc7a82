-- The member directory keeps no personal data (owner's name, masked NIK, phone, e-mail): they stay only in the
-- member's registration event, encrypted with the member's key, and are decrypted when shown. The old values are
-- blanked before the columns go, so the rows that remain hold none of them; V14 then rewrites the table so that
-- the blanked-out row versions leave its files.
UPDATE member_directory
SET owner_name = '', owner_nik_masked = '', contact_phone = NULL, contact_email = NULL;

ALTER TABLE member_directory
    DROP COLUMN owner_name,
    DROP COLUMN owner_nik_masked,
    DROP COLUMN contact_phone,
    DROP COLUMN contact_email;
