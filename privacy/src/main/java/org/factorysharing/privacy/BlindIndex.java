package org.factorysharing.privacy;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.text.Normalizer;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import javax.sql.DataSource;
import org.factorysharing.api.member.MemberQueries.PersonalField;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Officers find a member by its owner's NIK, phone number or e-mail address without any copy of them in clear: the
 * table {@code personal_data_index} holds only keyed hashes (HMAC-SHA-256 under a key derived from the master key) of
 * the normalised values, and a forget deletes a member's entries. Exact matches only, by design: a keyed hash
 * reveals nothing about its value, so it cannot be searched by prefix.
 */
class BlindIndex {

    private static final String KEY_PURPOSE = "factory-sharing blind index v1";

    private final JdbcTemplate jdbc;
    private final SecretKeySpec key;

    BlindIndex(DataSource dataSource, String masterKeyBase64) {
        this.jdbc = new JdbcTemplate(dataSource);
        byte[] master = Base64.getDecoder().decode(masterKeyBase64.strip());
        this.key = new SecretKeySpec(hmac(new SecretKeySpec(master, "HmacSHA256"), KEY_PURPOSE), "HmacSHA256");
    }

    /**
     * Records a member's value (a value not given is skipped; recording the same again changes nothing) unless the
     * member is forgotten. The key row is share-locked first: a forget running at the same moment updates that row,
     * so either it waits for this transaction and then deletes what it recorded, or this one waits for the forget
     * and records nothing.
     */
    void record(String subject, PersonalField field, String value) {
        String normalised = normalise(field, value);
        if (normalised.isEmpty() || isForgotten(subject)) {
            return;
        }
        jdbc.update("""
                INSERT INTO personal_data_index (subject_id, field, digest) VALUES (?, ?, ?)
                ON CONFLICT DO NOTHING""", subject, field.name(), digest(field, normalised));
    }

    private boolean isForgotten(String subject) {
        return jdbc
                .queryForList(
                        "SELECT forgotten_at IS NOT NULL FROM personal_data_key WHERE subject_id = ? FOR SHARE",
                        Boolean.class,
                        subject)
                .stream()
                .anyMatch(Boolean::booleanValue);
    }

    List<String> subjectsWith(PersonalField field, String value) {
        String normalised = normalise(field, value);
        if (normalised.isEmpty()) {
            return List.of();
        }
        return jdbc.queryForList(
                "SELECT subject_id FROM personal_data_index WHERE field = ? AND digest = ? ORDER BY subject_id",
                String.class,
                field.name(),
                digest(field, normalised));
    }

    void forget(String subject) {
        jdbc.update("DELETE FROM personal_data_index WHERE subject_id = ?", subject);
    }

    void clear() {
        jdbc.update("DELETE FROM personal_data_index");
    }

    /** The same person typed twice the same way: spaces, case, accents and a leading +62 or 0 do not matter. */
    static String normalise(PersonalField field, String value) {
        if (value == null) {
            return "";
        }
        String plain = Normalizer.normalize(value.strip(), Normalizer.Form.NFKC);
        return switch (field) {
            case NIK -> plain.replaceAll("\\D", "");
            case EMAIL -> plain.toLowerCase(Locale.ROOT);
            case PHONE -> {
                String digits = plain.replaceAll("\\D", "");
                // Indonesian numbers: +62 812..., 62812... and 0812... are one number
                if (digits.startsWith("62")) {
                    digits = digits.substring(2);
                } else if (digits.startsWith("0")) {
                    digits = digits.substring(1);
                }
                yield digits;
            }
        };
    }

    private byte[] digest(PersonalField field, String normalised) {
        return hmac(key, field.name() + ":" + normalised);
    }

    private static byte[] hmac(SecretKeySpec key, String text) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return mac.doFinal(text.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every Java runtime has HMAC-SHA-256", e);
        }
    }
}
