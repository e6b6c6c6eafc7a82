package org.factorysharing.audit.chain;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.interfaces.EdECPrivateKey;
import java.security.spec.NamedParameterSpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;

/**
 * The server's Ed25519 key for signing chain heads: from configuration (PKCS#8, as PEM or Base64 of the DER, as
 * {@code openssl genpkey -algorithm ed25519} writes it), or generated at start (the embedded default only).
 */
final class SigningKey {

    static final String ALGORITHM = "Ed25519";

    private final KeyPair keys;
    private final boolean generated;

    private SigningKey(KeyPair keys, boolean generated) {
        this.keys = keys;
        this.generated = generated;
    }

    static SigningKey generate() {
        try {
            return new SigningKey(KeyPairGenerator.getInstance(ALGORITHM).generateKeyPair(), true);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Ed25519 is part of every Java 17 runtime", e);
        }
    }

    /** Reads a PKCS#8 private key (PEM, or Base64 of the DER) and derives its public key. */
    static SigningKey parse(String configured) {
        String base64 =
                configured.replaceAll("-----(BEGIN|END) PRIVATE KEY-----", "").replaceAll("\\s", "");
        try {
            PrivateKey privateKey = KeyFactory.getInstance(ALGORITHM)
                    .generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64)));
            byte[] seed = ((EdECPrivateKey) privateKey)
                    .getBytes()
                    .orElseThrow(() -> new IllegalArgumentException("the key has no private part"));
            // Java 17 has no call that derives an EdDSA public key; the generator given the seed as its only
            // randomness derives exactly the pair of that seed (RFC 8032)
            KeyPairGenerator generator = KeyPairGenerator.getInstance(ALGORITHM);
            generator.initialize(NamedParameterSpec.ED25519, new SeedRandom(seed));
            KeyPair derived = generator.generateKeyPair();
            byte[] derivedSeed =
                    ((EdECPrivateKey) derived.getPrivate()).getBytes().orElseThrow();
            if (!Arrays.equals(seed, derivedSeed)) {
                throw new IllegalArgumentException("the public key could not be derived");
            }
            return new SigningKey(derived, false);
        } catch (GeneralSecurityException | IllegalArgumentException | ClassCastException e) {
            throw new IllegalArgumentException(
                    "fs.audit.signing.private-key (FS_AUDIT_SIGNING_KEY) is not an Ed25519 private key in PKCS#8 "
                            + "(PEM or Base64): " + e.getMessage(),
                    e);
        }
    }

    boolean generated() {
        return generated;
    }

    PublicKey publicKey() {
        return keys.getPublic();
    }

    byte[] publicKeyBytes() {
        return keys.getPublic().getEncoded();
    }

    String keyId() {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(publicKeyBytes()))
                    .substring(0, 16);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    String pem() {
        return "-----BEGIN PUBLIC KEY-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                        .encodeToString(publicKeyBytes())
                + "\n-----END PUBLIC KEY-----\n";
    }

    byte[] sign(String statement) {
        try {
            Signature signature = Signature.getInstance(ALGORITHM);
            signature.initSign(keys.getPrivate());
            signature.update(statement.getBytes(StandardCharsets.UTF_8));
            return signature.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("signing failed", e);
        }
    }

    /** Hands out the given seed, then nothing but zeros: only for deriving a key pair from its seed. */
    private static final class SeedRandom extends SecureRandom {
        private final byte[] seed;
        private int used;

        SeedRandom(byte[] seed) {
            this.seed = seed.clone();
        }

        @Override
        public void nextBytes(byte[] bytes) {
            for (int i = 0; i < bytes.length; i++) {
                bytes[i] = used < seed.length ? seed[used++] : 0;
            }
        }
    }
}
