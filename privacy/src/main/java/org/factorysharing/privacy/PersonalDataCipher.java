package org.factorysharing.privacy;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.KeyGenerator;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * AES-256-GCM for one text value: {@code enc:v1:} + Base64(12-byte random IV + ciphertext + 16-byte tag). The
 * associated data binds a ciphertext to its subject and field, so a value copied onto another member or into
 * another field fails to decrypt instead of passing as genuine. Also wraps data keys with the master key.
 */
final class PersonalDataCipher {

    static final String PREFIX = "enc:v1:";

    private static final String TRANSFORMATION = "AES/GCM/NoPadding";
    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final int KEY_BYTES = 32;
    private static final SecureRandom RANDOM = new SecureRandom();

    private PersonalDataCipher() {}

    /** A fresh random data key for one subject. */
    static SecretKey newKey() {
        try {
            KeyGenerator generator = KeyGenerator.getInstance("AES");
            generator.init(KEY_BYTES * 8, RANDOM);
            return generator.generateKey();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES is not available", e);
        }
    }

    /** A key from its raw bytes (16, 24 or 32). */
    static SecretKey key(byte[] raw) {
        if (raw.length != 16 && raw.length != 24 && raw.length != 32) {
            throw new IllegalArgumentException("an AES key has 16, 24 or 32 bytes, not " + raw.length);
        }
        return new SecretKeySpec(raw, "AES");
    }

    static boolean isEncrypted(String value) {
        return value != null && value.startsWith(PREFIX);
    }

    static String encrypt(String plain, SecretKey key, String context) {
        return PREFIX + Base64.getEncoder().encodeToString(seal(plain.getBytes(StandardCharsets.UTF_8), key, context));
    }

    /** The plain text; throws {@link TamperedCiphertext} when the key, context or bytes do not match. */
    static String decrypt(String encrypted, SecretKey key, String context) {
        if (!isEncrypted(encrypted)) {
            throw new IllegalArgumentException("not an encrypted value");
        }
        byte[] sealed;
        try {
            sealed = Base64.getDecoder().decode(encrypted.substring(PREFIX.length()));
        } catch (IllegalArgumentException e) {
            throw new TamperedCiphertext("not Base64", e);
        }
        return new String(open(sealed, key, context), StandardCharsets.UTF_8);
    }

    /** Bytes (a document) sealed with the key, bound to their context like a text value; not Base64-encoded. */
    static byte[] encryptBytes(byte[] plain, SecretKey key, String context) {
        return seal(plain, key, context);
    }

    /** The plain bytes; throws {@link TamperedCiphertext} when the key, context or bytes do not match. */
    static byte[] decryptBytes(byte[] sealed, SecretKey key, String context) {
        return open(sealed, key, context);
    }

    /** A data key encrypted with the master key, for storage in the key table. */
    static byte[] wrap(SecretKey dataKey, SecretKey masterKey, String subject) {
        return seal(dataKey.getEncoded(), masterKey, "personal_data_key/" + subject);
    }

    static SecretKey unwrap(byte[] wrapped, SecretKey masterKey, String subject) {
        return key(open(wrapped, masterKey, "personal_data_key/" + subject));
    }

    private static byte[] seal(byte[] plain, SecretKey key, String context) {
        byte[] iv = new byte[IV_BYTES];
        RANDOM.nextBytes(iv);
        try {
            Cipher cipher = Cipher.getInstance(TRANSFORMATION);
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, iv));
            cipher.updateAAD(context.getBytes(StandardCharsets.UTF_8));
            byte[] sealed = cipher.doFinal(plain);
            return ByteBuffer.allocate(IV_BYTES + sealed.length)
                    .put(iv)
                    .put(sealed)
                    .array();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM encryption failed", e);
        }
    }

    private static byte[] open(byte[] sealed, SecretKey key, String context) {
        if (sealed.length < IV_BYTES + TAG_BITS / 8) {
            throw new TamperedCiphertext("too short", null);
        }
        try {
            Cipher cipher = Cipher.getInstance(TRANSFORMATION);
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, sealed, 0, IV_BYTES));
            cipher.updateAAD(context.getBytes(StandardCharsets.UTF_8));
            return cipher.doFinal(sealed, IV_BYTES, sealed.length - IV_BYTES);
        } catch (javax.crypto.AEADBadTagException e) {
            throw new TamperedCiphertext("authentication tag does not match", e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM decryption failed", e);
        }
    }

    /** A ciphertext that was altered, or opened with the wrong key or for the wrong subject or field. */
    static final class TamperedCiphertext extends RuntimeException {
        TamperedCiphertext(String message, Throwable cause) {
            super("personal data ciphertext rejected: " + message, cause);
        }
    }
}
