package org.factorysharing.server.security;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.BooleanSupplier;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Credentials verified a moment ago, so that HTTP Basic, which sends the password with every request, does not pay a
 * bcrypt check (about 0.2 s of CPU) on each one. Per node, in memory.
 *
 * <p>It holds, per user, an HMAC-SHA-256 of user and password under a random key made at start (never stored, never
 * sent), and when it expires; never the password. A hit is the same user and password as verified within the time to
 * live. So a changed password, or a deleted user, may still be accepted on a node for up to that time after the change
 * (the groups are read fresh for every request, so a deleted user has none). Only successful checks are remembered: a
 * wrong password is always checked (and counted by the {@link LoginThrottle}, which is asked first).
 *
 * <p>Requests that bring the same user and password while it is not held wait for one check ({@link #verify}): when
 * an entry expires under load, each of a client's parallel requests would otherwise pay its own bcrypt check (eight
 * at once, 1.6 s of CPU, every minute in the job benchmark). Other passwords are not held up by that check.
 *
 * <p>A credential used in the last quarter of its time to live is checked again in the background, with the password
 * of the request that used it, while that request is answered at once: a client that keeps working does not wait for
 * a bcrypt check every minute (0.2-0.3 s longer for one request a minute). A successful check renews the entry; a
 * failed one (the password was changed) drops it. So a changed password is still accepted for at most the time to
 * live after its last successful check, as before.
 *
 * <p>A time to live of zero turns it off. At most {@code maxUsers} users are held; when full, expired entries are
 * dropped and, if none are, the new credential is simply not remembered.
 */
public final class CredentialCache {

    private record Entry(byte[] mac, long expires) {}

    private final Duration timeToLive;
    private final int maxUsers;
    private final Clock clock;
    private final SecretKeySpec key;
    private final Map<String, Entry> verified = new ConcurrentHashMap<>();

    /** Checks under way, by user and HMAC of the password. */
    private final Map<String, CompletableFuture<Boolean>> checking = new ConcurrentHashMap<>();

    /** Users whose credential is being checked again in the background. */
    private final Set<String> refreshing = ConcurrentHashMap.newKeySet();

    private final Executor refresher;

    public CredentialCache(Duration timeToLive, int maxUsers, Clock clock) {
        this(timeToLive, maxUsers, clock, Executors.newSingleThreadExecutor(task -> {
            Thread thread = new Thread(task, "credential-refresh");
            thread.setDaemon(true);
            return thread;
        }));
    }

    CredentialCache(Duration timeToLive, int maxUsers, Clock clock, Executor refresher) {
        this.timeToLive = timeToLive;
        this.maxUsers = maxUsers;
        this.clock = clock;
        this.refresher = refresher;
        byte[] pepper = new byte[32];
        new SecureRandom().nextBytes(pepper);
        this.key = new SecretKeySpec(pepper, "HmacSHA256");
    }

    public boolean enabled() {
        return !timeToLive.isZero() && !timeToLive.isNegative();
    }

    /** True when this user and password were verified within the time to live. */
    public boolean holds(String user, String password) {
        return held(user, password) != null;
    }

    /** The entry that holds this user and password, or null. */
    private Entry held(String user, String password) {
        if (!enabled()) {
            return null;
        }
        Entry entry = verified.get(user);
        if (entry == null) {
            return null;
        }
        if (entry.expires() - clock.millis() <= 0) {
            verified.remove(user, entry);
            return null;
        }
        return MessageDigest.isEqual(entry.mac(), mac(user, password)) ? entry : null;
    }

    /**
     * True when this user and password are held, or when {@code check} (against the identity store) says they are
     * valid, which is then remembered. Concurrent calls with the same user and password share one check and its
     * answer (or its exception).
     */
    public boolean verify(String user, String password, BooleanSupplier check) {
        if (!enabled()) {
            return check.getAsBoolean();
        }
        Entry held = held(user, password);
        if (held != null) {
            refreshIfDue(user, password, held, check);
            return true;
        }
        String credential = user + '\n' + HexFormat.of().formatHex(mac(user, password));
        CompletableFuture<Boolean> mine = new CompletableFuture<>();
        CompletableFuture<Boolean> running = checking.putIfAbsent(credential, mine);
        if (running != null) {
            return answerOf(running);
        }
        try {
            // another check of the same credential may have finished between holds() and putIfAbsent()
            boolean valid = holds(user, password) || check.getAsBoolean();
            if (valid) {
                remember(user, password);
            }
            mine.complete(valid);
            return valid;
        } catch (RuntimeException | Error e) {
            mine.completeExceptionally(e);
            throw e;
        } finally {
            checking.remove(credential, mine);
        }
    }

    /** Checks a held credential again in the background when it is in the last quarter of its time to live. */
    private void refreshIfDue(String user, String password, Entry entry, BooleanSupplier check) {
        if (entry.expires() - clock.millis() > timeToLive.toMillis() / 4 || !refreshing.add(user)) {
            return;
        }
        try {
            refresher.execute(() -> {
                try {
                    if (check.getAsBoolean()) {
                        remember(user, password);
                    } else {
                        // changed meanwhile: the next request checks at once (unless another password replaced it)
                        verified.remove(user, entry);
                    }
                } catch (RuntimeException e) {
                    // the store did not answer: the entry expires as it would have, and a request checks then
                } finally {
                    refreshing.remove(user);
                }
            });
        } catch (RejectedExecutionException e) {
            refreshing.remove(user);
        }
    }

    private static boolean answerOf(CompletableFuture<Boolean> check) {
        try {
            return check.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            if (e.getCause() instanceof Error cause) {
                throw cause;
            }
            throw e;
        }
    }

    /** Remembers a user and password that were just verified against the identity store. */
    public void remember(String user, String password) {
        if (!enabled()) {
            return;
        }
        long now = clock.millis();
        if (verified.size() >= maxUsers && !verified.containsKey(user)) {
            for (Iterator<Entry> it = verified.values().iterator(); it.hasNext(); ) {
                if (it.next().expires() - now <= 0) {
                    it.remove();
                }
            }
            if (verified.size() >= maxUsers) {
                return;
            }
        }
        verified.put(user, new Entry(mac(user, password), now + timeToLive.toMillis()));
    }

    int size() {
        return verified.size();
    }

    private byte[] mac(String user, String password) {
        try {
            Mac hmac = Mac.getInstance("HmacSHA256");
            hmac.init(key);
            hmac.update(user.getBytes(StandardCharsets.UTF_8));
            hmac.update((byte) 0);
            return hmac.doFinal(password.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }
}
