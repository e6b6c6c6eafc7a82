package org.factorysharing.privacy;

import java.util.Base64;
import java.util.List;
import javax.crypto.SecretKey;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The key table {@code personal_data_key}: one data key per data subject (a member id), stored wrapped with
 * the master key. JdbcTemplate on the shared DataSource, so every call joins the Spring transaction of the
 * caller: a key created while an event is appended commits or rolls back with that event, and a forget commits
 * with the event that records it. Nothing is cached: after a forget no node can still decrypt (see docs/audit-and-privacy.md).
 */
class PersonalDataKeys implements SubjectKeys {

    private final JdbcTemplate jdbc;
    private final SecretKey masterKey;

    PersonalDataKeys(DataSource dataSource, String masterKeyBase64) {
        this.jdbc = new JdbcTemplate(dataSource);
        this.masterKey = PersonalDataCipher.key(Base64.getDecoder().decode(masterKeyBase64.strip()));
    }

    @Override
    public SecretKey keyForWriting(String subject) {
        SecretKey created = PersonalDataCipher.newKey();
        // one round trip whether the key is new (a registration) or there already (or forgotten): the insert's row
        // when it inserted, else the row as it was when the statement began
        List<SecretKey> rows = jdbc.query(
                """
                WITH created AS (
                    INSERT INTO personal_data_key (subject_id, data_key, created_at) VALUES (?, ?, now())
                    ON CONFLICT (subject_id) DO NOTHING
                    RETURNING subject_id)
                SELECT NULL, TRUE FROM created
                UNION ALL
                SELECT data_key, FALSE FROM personal_data_key WHERE subject_id = ?""",
                (rs, row) -> {
                    byte[] wrapped = rs.getBytes(1);
                    // null: forgotten, and no write may create a new key for the subject
                    return rs.getBoolean(2)
                            ? created
                            : wrapped == null ? null : PersonalDataCipher.unwrap(wrapped, masterKey, subject);
                },
                subject,
                PersonalDataCipher.wrap(created, masterKey, subject),
                subject);
        // empty: a concurrent first use committed its key after this statement began (the insert waited for it and
        // inserted nothing); read it now
        return rows.isEmpty() ? lookup(subject).key() : rows.get(0);
    }

    @Override
    public Lookup lookup(String subject) {
        List<Lookup> rows = jdbc.query(
                "SELECT data_key, forgotten_at FROM personal_data_key WHERE subject_id = ?",
                (rs, row) -> {
                    byte[] wrapped = rs.getBytes(1);
                    return new Lookup(
                            wrapped == null ? null : PersonalDataCipher.unwrap(wrapped, masterKey, subject),
                            rs.getTimestamp(2) != null);
                },
                subject);
        return rows.isEmpty() ? new Lookup(null, false) : rows.get(0);
    }

    /** Deletes the key for good and leaves a tombstone, so no later write creates a new key for the subject. */
    void forget(String subject) {
        jdbc.update("""
                INSERT INTO personal_data_key (subject_id, data_key, created_at, forgotten_at)
                VALUES (?, NULL, now(), now())
                ON CONFLICT (subject_id) DO UPDATE
                SET data_key = NULL, forgotten_at = coalesce(personal_data_key.forgotten_at, now())""", subject);
    }
}
