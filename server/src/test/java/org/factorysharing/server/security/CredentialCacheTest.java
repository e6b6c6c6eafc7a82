package org.factorysharing.server.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.factorysharing.server.security.LoginThrottleTest.TestClock;
import org.junit.jupiter.api.Test;

/**
 * Verified credentials: the same user and password within the time to live, nothing else, never the password; one
 * check for concurrent requests with the same credential.
 */
class CredentialCacheTest {

    private final TestClock clock = new TestClock();
    private final CredentialCache cache = new CredentialCache(Duration.ofSeconds(60), 3, clock);

    /** The background checks a cache queued, run when a test says so. */
    private final List<Runnable> background = new ArrayList<>();

    private final CredentialCache refreshing = new CredentialCache(Duration.ofSeconds(60), 3, clock, background::add);

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

    @Test
    void concurrentRequestsWithTheSameCredentialShareOneCheck() throws Exception {
        AtomicInteger checks = new AtomicInteger();
        CountDownLatch release = new CountDownLatch(1);
        BooleanSupplier slowCheck = () -> {
            checks.incrementAndGet();
            await(release);
            return true;
        };
        ExecutorService requests = Executors.newFixedThreadPool(8);
        try {
            List<Future<Boolean>> answers = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                answers.add(requests.submit(() -> cache.verify("officer", "right", slowCheck)));
            }
            awaitWaiting(requests, 7);
            assertThat(cache.verify("officer", "other", () -> false))
                    .as("another password is checked at once, not behind the running check")
                    .isFalse();
            release.countDown();

            for (Future<Boolean> answer : answers) {
                assertThat(answer.get(10, TimeUnit.SECONDS)).isTrue();
            }
        } finally {
            requests.shutdownNow();
        }
        assertThat(checks).as("one bcrypt check for eight requests").hasValue(1);
        assertThat(cache.holds("officer", "right")).isTrue();
    }

    @Test
    void aRefusedOrFailedCheckIsRememberedByNobody() {
        assertThat(cache.verify("officer", "wrong", () -> false)).isFalse();
        assertThat(cache.holds("officer", "wrong")).isFalse();

        assertThatThrownBy(() -> cache.verify("officer", "right", () -> {
                    throw new IllegalStateException("identity store unreachable");
                }))
                .hasMessage("identity store unreachable");
        assertThat(cache.verify("officer", "right", () -> true))
                .as("checked again")
                .isTrue();
    }

    @Test
    void givenAHeldCredentialInItsLastQuarterWhenUsedThenItIsCheckedAgainInTheBackgroundOnce() {
        AtomicInteger checks = new AtomicInteger();
        BooleanSupplier check = () -> checks.incrementAndGet() > 0;
        refreshing.verify("officer", "right", check);

        clock.advance(Duration.ofSeconds(44));
        assertThat(refreshing.verify("officer", "right", check)).isTrue();
        assertThat(background).as("not due before the last quarter").isEmpty();

        clock.advance(Duration.ofSeconds(2));
        assertThat(refreshing.verify("officer", "right", check)).isTrue();
        assertThat(refreshing.verify("officer", "right", check)).isTrue();
        assertThat(refreshing.verify("officer", "wrong", () -> false)).isFalse();
        assertThat(checks).as("answered without waiting for a check").hasValue(1);
        assertThat(background).as("one check for the held credential").hasSize(1);

        background.remove(0).run();
        assertThat(checks).hasValue(2);
        clock.advance(Duration.ofSeconds(50));
        assertThat(refreshing.holds("officer", "right"))
                .as("renewed past its first expiry")
                .isTrue();
        assertThat(refreshing.verify("officer", "right", check)).isTrue();
        assertThat(checks).hasValue(2);
    }

    @Test
    void givenAPasswordChangedMeanwhileWhenTheBackgroundCheckFailsThenTheNextRequestIsCheckedAtOnce() {
        refreshing.verify("officer", "old", () -> true);
        clock.advance(Duration.ofSeconds(50));

        assertThat(refreshing.verify("officer", "old", () -> false))
                .as("still held")
                .isTrue();
        background.remove(0).run();

        assertThat(refreshing.holds("officer", "old")).isFalse();
        assertThat(refreshing.verify("officer", "old", () -> false)).isFalse();
    }

    @Test
    void givenAStoreThatDoesNotAnswerWhenTheBackgroundCheckFailsThenTheEntryExpiresAsBefore() {
        refreshing.verify("officer", "right", () -> true);
        clock.advance(Duration.ofSeconds(50));
        refreshing.verify("officer", "right", () -> {
            throw new IllegalStateException("identity store unreachable");
        });

        background.remove(0).run();

        assertThat(refreshing.holds("officer", "right")).isTrue();
        clock.advance(Duration.ofSeconds(10));
        assertThat(refreshing.holds("officer", "right")).isFalse();
        refreshing.verify("officer", "right", () -> true);
        clock.advance(Duration.ofSeconds(50));
        refreshing.verify("officer", "right", () -> true);
        assertThat(background)
                .as("a failed refresh does not block the next one")
                .hasSize(1);
    }

    @Test
    void offChecksEveryTime() {
        CredentialCache off = new CredentialCache(Duration.ZERO, 3, clock);
        AtomicInteger checks = new AtomicInteger();

        off.verify("officer", "right", () -> checks.incrementAndGet() > 0);
        off.verify("officer", "right", () -> checks.incrementAndGet() > 0);

        assertThat(checks).hasValue(2);
    }

    /** Waits until the pool's other requests are parked on the running check. */
    private static void awaitWaiting(ExecutorService requests, int waiting) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (parked() < waiting && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertThat(parked()).as("requests waiting for the running check").isGreaterThanOrEqualTo(waiting);
    }

    private static long parked() {
        return Thread.getAllStackTraces().entrySet().stream()
                .filter(e -> e.getKey().getState() == Thread.State.WAITING)
                .filter(e -> Arrays.stream(e.getValue())
                        .anyMatch(f -> f.getMethodName().equals("answerOf")))
                .count();
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(10, TimeUnit.SECONDS)) {
                throw new IllegalStateException("never released");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
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
