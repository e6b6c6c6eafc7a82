package org.factorysharing.server.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Map;
import org.factorysharing.server.security.LoginThrottleTest.TestClock;
import org.junit.jupiter.api.Test;

/** Verified credentials: the same user and password within the time to live, nothing else, never the password. */
class CredentialCacheTest {

    private final TestClock clock = new TestClock();
    private final CredentialCache cache = new CredentialCache(Duration.ofSeconds(60), 3, clock);

    @Test
    void holdsTheVerifiedPasswordForTheTimeToLiveOnly() {
        cache.remember("officer", "right");

        assertThat(cache.holds("officer", "right")).isTrue();
        assertThat(cache.holds("officer", "wrong")).isFalse();
        assertThat(cache.holds("officer2", "right")).isFalse();
        clock.advance(Duration.ofSeconds(60).minusMillis(1));
        assertThat(cache.holds("officer", "right")).isTrue();
        clock.advance(Duration.ofMillis(1));
        assertThat(cache.holds("officer", "right")).as("expired: checked again").isFalse();
        assertThat(cache.size()).isZero();
    }

    @Test
    void aNewPasswordReplacesTheOldOne() {
        cache.remember("officer", "old");
        cache.remember("officer", "new");

        assertThat(cache.holds("officer", "old")).isFalse();
        assertThat(cache.holds("officer", "new")).isTrue();
    }

    @Test
    void holdsAtMostTheGivenNumberOfUsers() {
        cache.remember("a", "p");
        cache.remember("b", "p");
        cache.remember("c", "p");
        cache.remember("d", "p");
        assertThat(cache.holds("d", "p")).as("full: not remembered").isFalse();

        clock.advance(Duration.ofSeconds(61));
        cache.remember("d", "p");
        assertThat(cache.holds("d", "p")).as("expired entries make room").isTrue();
        assertThat(cache.size()).isEqualTo(1);
    }

    @Test
    void zeroTurnsItOff() {
        CredentialCache off = new CredentialCache(Duration.ZERO, 3, clock);
        off.remember("officer", "right");

        assertThat(off.enabled()).isFalse();
        assertThat(off.holds("officer", "right")).isFalse();
    }

    @Test
    void neitherThePasswordNorAPlainHashOfItIsHeld() throws Exception {
        cache.remember("officer", "right");
        CredentialCache otherNode = new CredentialCache(Duration.ofSeconds(60), 3, clock);
        otherNode.remember("officer", "right");

        byte[] held = heldFor(cache, "officer");
        assertThat(new String(held, StandardCharsets.ISO_8859_1)).doesNotContain("right");
        assertThat(held)
                .isNotEqualTo(MessageDigest.getInstance("SHA-256").digest("right".getBytes(StandardCharsets.UTF_8)))
                .as("another node's random key gives another value")
                .isNotEqualTo(heldFor(otherNode, "officer"));
    }

    private static byte[] heldFor(CredentialCache cache, String user) throws Exception {
        Field field = CredentialCache.class.getDeclaredField("verified");
        field.setAccessible(true);
        Object entry = ((Map<?, ?>) field.get(cache)).get(user);
        Method mac = entry.getClass().getDeclaredMethod("mac");
        mac.setAccessible(true);
        return (byte[]) mac.invoke(entry);
    }
}
