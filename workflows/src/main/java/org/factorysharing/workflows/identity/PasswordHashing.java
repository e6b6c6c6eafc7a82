package org.factorysharing.workflows.identity;

import java.nio.charset.StandardCharsets;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.digest.PasswordEncryptor;
import org.camunda.bpm.engine.impl.identity.db.DbIdentityServiceProvider;
import org.camunda.bpm.engine.impl.interceptor.Session;
import org.camunda.bpm.engine.impl.interceptor.SessionFactory;
import org.camunda.bpm.engine.impl.persistence.entity.UserEntity;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * Passwords in the identity store are hashed with bcrypt (Spring Security's crypto), stored as
 * {@code {BCRYPT}$2a$12$...}. Camunda's own {@code {SHA-512}} (single-round salted SHA-512, the default before) and
 * {@code {SHA}} hashes still verify, and a user who still has one, or a bcrypt hash of a lower cost than configured,
 * gets a new hash at the next successful login (in the login's own transaction).
 *
 * <p>Camunda's failed-login bookkeeping (a delay and lock per user name, in ACT_ID_USER) is off: it let anyone who
 * knows a user name keep that user out. Failed logins are throttled by client address and user name in front of the
 * identity store instead (server: LoginThrottle). Counters left in ACT_ID_USER by the old mechanism are ignored and
 * cleared at a later successful login; {@code IdentityService.unlockUser} still works.
 *
 * <p>bcrypt reads at most 72 bytes: longer passwords are refused when set (as a bad request, see
 * {@link #requireHashable}) and never match at login, rather than being silently cut. Camunda's salt is not used
 * (the salt generator gives none): bcrypt salts each hash itself, and Camunda's salt would take 24 of the 72 bytes.
 */
@Component
class PasswordHashing extends AbstractProcessEnginePlugin {

    /** The name in the stored hash's prefix ({@code {BCRYPT}}). */
    static final String ALGORITHM = "BCRYPT";
    /** The most bytes (UTF-8) of a password that bcrypt reads. */
    static final int MAX_PASSWORD_BYTES = 72;

    private final BCryptEncryptor encryptor;

    PasswordHashing(@Value("${fs.identity.bcrypt-strength:12}") int strength) {
        this.encryptor = new BCryptEncryptor(strength);
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        configuration.setPasswordEncryptor(encryptor); // new and changed passwords; SHA and SHA-512 still check
        configuration.setSaltGenerator(() -> null);
        configuration.setIdentityProviderSessionFactory(new SessionFactory() {
            @Override
            public Class<?> getSessionType() {
                // also registered as the writable provider: the engine checks WritableIdentityProvider against it
                return RehashingIdentityProvider.class;
            }

            @Override
            public Session openSession() {
                return new RehashingIdentityProvider(encryptor);
            }
        });
    }

    /**
     * Refuses a password that bcrypt cannot hash whole, with a message a user or operator can act on.
     *
     * @throws BadUserRequestException if the password is longer than 72 bytes in UTF-8
     */
    static void requireHashable(String password) {
        if (password != null && tooLong(password)) {
            throw new BadUserRequestException("A password may be at most " + MAX_PASSWORD_BYTES
                    + " bytes long (UTF-8; fewer characters if it has non-ASCII ones).");
        }
    }

    static boolean tooLong(String password) {
        // a UTF-8 character takes at most 4 bytes: skip the encoding for the usual short passwords
        return password.length() * 4 > MAX_PASSWORD_BYTES
                && password.getBytes(StandardCharsets.UTF_8).length > MAX_PASSWORD_BYTES;
    }

    /** Camunda's password encryptor on Spring Security's bcrypt. */
    static final class BCryptEncryptor implements PasswordEncryptor {

        private final BCryptPasswordEncoder bcrypt;
        /** A real hash of a random password: checked against when a user does not exist, to take the same time. */
        private final String decoy;

        BCryptEncryptor(int strength) {
            this.bcrypt = new BCryptPasswordEncoder(strength);
            this.decoy = bcrypt.encode(java.util.UUID.randomUUID().toString());
        }

        @Override
        public String encrypt(String password) {
            requireHashable(password);
            return bcrypt.encode(password);
        }

        @Override
        public boolean check(String password, String encrypted) {
            // bcrypt would compare only the first 72 bytes: a longer password is not the stored one
            return !tooLong(password) && bcrypt.matches(password, encrypted);
        }

        @Override
        public String hashAlgorithmName() {
            return ALGORITHM;
        }

        /** True when the stored hash (with its {NAME} prefix) is not bcrypt of the configured cost. */
        boolean needsNewHash(String stored) {
            String prefix = "{" + ALGORITHM + "}";
            return stored == null
                    || !stored.startsWith(prefix)
                    || bcrypt.upgradeEncoding(stored.substring(prefix.length()));
        }

        /** Spends the time of one check, for a user that does not exist. */
        void checkDecoy(String password) {
            bcrypt.matches(password, decoy);
        }
    }

    /**
     * Camunda's database identity provider without its per-user lock, re-hashing old hashes at a successful login.
     */
    static final class RehashingIdentityProvider extends DbIdentityServiceProvider {

        private final BCryptEncryptor encryptor;

        RehashingIdentityProvider(BCryptEncryptor encryptor) {
            this.encryptor = encryptor;
        }

        @Override
        public boolean checkPassword(String userId, String password) {
            if (userId == null || password == null) {
                return false;
            }
            UserEntity user = findUserById(userId);
            if (user == null) {
                encryptor.checkDecoy(password); // an unknown user name takes as long as a wrong password
                return false;
            }
            if (!matchPassword(password, user)) {
                return false; // no ATTEMPTS_/LOCK_EXP_TIME_ bookkeeping: throttling is by client address and user
            }
            if (encryptor.needsNewHash(user.getPassword())) {
                user.setPassword(password);
                user.encryptPassword(); // the entity is dirty-checked: "updateUser" (REV_-checked) at the flush
            } else {
                // counters left by Camunda's own lock, if any (no write otherwise); not in the same flush as a new
                // hash, as both updates check the same REV_
                unlockUser(user);
            }
            return true;
        }
    }
}
