package org.factorysharing.workflows.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.camunda.bpm.engine.BadUserRequestException;
import org.factorysharing.workflows.identity.PasswordHashing.BCryptEncryptor;
import org.junit.jupiter.api.Test;

/** The bcrypt encryptor alone (cost 4 to keep it quick); the engine's use of it is tested over HTTP (system-tests). */
class PasswordHashingTest {

    private final BCryptEncryptor bcrypt = new BCryptEncryptor(4);

    @Test
    void hashesAndChecksWithBcrypt() {
        String hash = bcrypt.encrypt("s3cret-pass");

        assertThat(hash).startsWith("$2a$04$");
        assertThat(bcrypt.check("s3cret-pass", hash)).isTrue();
        assertThat(bcrypt.check("s3cret-pasS", hash)).isFalse();
        assertThat(bcrypt.hashAlgorithmName()).isEqualTo("BCRYPT");
    }

    @Test
    void aPasswordLongerThan72BytesIsRefusedWhenSetAndNeverMatches() {
        String seventyTwo = "a".repeat(72);
        String hash = bcrypt.encrypt(seventyTwo);

        // bcrypt itself would compare only the first 72 bytes and accept this one
        assertThat(bcrypt.check(seventyTwo + "b", hash)).isFalse();
        assertThat(bcrypt.check(seventyTwo, hash)).isTrue();
        assertThatThrownBy(() -> bcrypt.encrypt(seventyTwo + "b"))
                .isInstanceOf(BadUserRequestException.class)
                .hasMessageContaining("at most 72 bytes");
        // 36 two-byte characters are 72 bytes; 37 are too many
        assertThat(PasswordHashing.tooLong("é".repeat(36))).isFalse();
        assertThat(PasswordHashing.tooLong("é".repeat(37))).isTrue();
    }

    @Test
    void oldHashesAndLowerCostsNeedANewHash() {
        assertThat(bcrypt.needsNewHash("{BCRYPT}" + bcrypt.encrypt("x"))).isFalse();
        assertThat(bcrypt.needsNewHash("{BCRYPT}" + new BCryptEncryptor(5).encrypt("x")))
                .isFalse();
        assertThat(new BCryptEncryptor(5).needsNewHash("{BCRYPT}" + bcrypt.encrypt("x")))
                .as("cost 4 under a configured 5")
                .isTrue();
        assertThat(bcrypt.needsNewHash("{SHA-512}q1w2e3==")).isTrue();
        assertThat(bcrypt.needsNewHash("{SHA}q1w2e3=")).isTrue();
    }
}
