package org.factorysharing.server.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** The throttle's arithmetic on a clock the test moves: delays, ceilings, forgetting and bounded memory. */
class LoginThrottleTest {

    private static final String ATTACKER = "192.0.2.7";
    private static final String OWNER = "198.51.100.3";

    private final TestClock clock = new TestClock();
    private final LoginThrottle throttle = new LoginThrottle(LoginThrottle.Settings.defaults(), clock);

    @Test
    void fiveFreeFailuresThenOneSecondDoublingUpToThirtySeconds() {
        for (int i = 1; i <= 4; i++) {
            throttle.failed(ATTACKER, "admin");
            assertThat(throttle.refusal(ATTACKER, "admin"))
                    .as("after failure %d", i)
                    .isEmpty();
        }
        long[] expectedSeconds = {1, 2, 4, 8, 16, 30, 30, 30};
        for (long seconds : expectedSeconds) {
            throttle.failed(ATTACKER, "admin");
            assertThat(throttle.refusal(ATTACKER, "admin")).contains(Duration.ofSeconds(seconds));
            clock.advance(Duration.ofSeconds(seconds).minusMillis(1));
            assertThat(throttle.refusal(ATTACKER, "admin")).contains(Duration.ofMillis(1));
            clock.advance(Duration.ofMillis(1));
            assertThat(throttle.refusal(ATTACKER, "admin")).isEmpty();
        }
        assertThat(throttle.delayAfter(1_000)).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void failuresFromOneAddressNeverDelayTheSameUserFromAnother() {
        for (int i = 0; i < 20; i++) {
            throttle.failed(ATTACKER, "admin");
        }
        assertThat(throttle.refusal(ATTACKER, "admin")).isPresent();
        assertThat(throttle.refusal(OWNER, "admin")).isEmpty();
        assertThat(throttle.refusal(ATTACKER, "officer"))
                .as("another user from the attacker's address")
                .isEmpty();
    }

    @Test
    void aSuccessClearsThePairButNotTheAddressCount() {
        for (int i = 0; i < 5; i++) {
            throttle.failed(ATTACKER, "admin");
        }
        clock.advance(Duration.ofSeconds(1));
        throttle.succeeded(ATTACKER, "admin");
        throttle.failed(ATTACKER, "admin");
        assertThat(throttle.refusal(ATTACKER, "admin"))
                .as("counting starts afresh")
                .isEmpty();

        for (int i = 0; i < 44; i++) {
            throttle.failed(ATTACKER, "user-" + i);
        }
        throttle.succeeded(ATTACKER, "admin");
        assertThat(throttle.refusal(ATTACKER, "someone"))
                .as("50 failures from the address")
                .isPresent();
    }

    @Test
    void theAddressCeilingAllowsFiftyAtOnceThenOneEveryTwelveSeconds() {
        for (int i = 0; i < 49; i++) {
            throttle.failed(ATTACKER, "user-" + i);
            assertThat(throttle.refusal(ATTACKER, "next-user")).isEmpty();
        }
        throttle.failed(ATTACKER, "user-49");
        assertThat(throttle.refusal(ATTACKER, "next-user")).contains(Duration.ofSeconds(12));
        assertThat(throttle.refusal(OWNER, "next-user")).isEmpty();

        clock.advance(Duration.ofSeconds(12));
        assertThat(throttle.refusal(ATTACKER, "next-user")).isEmpty();
        throttle.failed(ATTACKER, "user-50");
        assertThat(throttle.refusal(ATTACKER, "next-user")).contains(Duration.ofSeconds(12));

        clock.advance(Duration.ofMinutes(10));
        assertThat(throttle.refusal(ATTACKER, "next-user")).isEmpty();
        for (int i = 0; i < 49; i++) {
            throttle.failed(ATTACKER, "again-" + i);
        }
        assertThat(throttle.refusal(ATTACKER, "next-user"))
                .as("drained completely")
                .isEmpty();
    }

    @Test
    void aPairIsForgottenFifteenMinutesAfterItsLastFailure() {
        for (int i = 0; i < 10; i++) {
            throttle.failed(ATTACKER, "admin");
        }
        clock.advance(Duration.ofMinutes(15).plusMillis(1));
        assertThat(throttle.refusal(ATTACKER, "admin")).isEmpty();
        throttle.failed(ATTACKER, "admin");
        assertThat(throttle.refusal(ATTACKER, "admin"))
                .as("one failure after forgetting is the first again")
                .isEmpty();
        assertThat(throttle.size()).as("the old pair and address were dropped").isEqualTo(2);
    }

    @Test
    void memoryIsBoundedByDroppingTheLeastRecentlyFailed() {
        LoginThrottle small = new LoginThrottle(
                new LoginThrottle.Settings(
                        5,
                        Duration.ofSeconds(1),
                        Duration.ofSeconds(30),
                        Duration.ofMinutes(15),
                        50,
                        Duration.ofMinutes(10),
                        100),
                clock);
        for (int i = 0; i < 5; i++) {
            small.failed(ATTACKER, "admin");
        }
        for (int i = 0; i < 99; i++) {
            small.failed("10.0.0." + i, "user");
        }
        assertThat(small.refusal(ATTACKER, "admin"))
                .as("still among the 100 kept")
                .isPresent();
        small.failed("10.0.1.1", "user");
        assertThat(small.size()).isEqualTo(200);
        assertThat(small.refusal(ATTACKER, "admin"))
                .as("the least recently failed pair was dropped")
                .isEmpty();
    }

    @Test
    void ipv6ClientsCountByTheirSlash64AndCaseDoesNotMakeANewUser() {
        for (int i = 0; i < 5; i++) {
            throttle.failed("2001:db8:1:2:0:0:0:" + (i + 1), i % 2 == 0 ? "Admin" : "ADMIN");
        }
        assertThat(throttle.refusal("2001:db8:1:2:ffff:ffff:ffff:ffff", "admin"))
                .isPresent();
        assertThat(throttle.refusal("2001:db8:1:3::1", "admin")).isEmpty();
        assertThat(LoginThrottle.client("::ffff:192.0.2.1")).isEqualTo("192.0.2.1");
        assertThat(LoginThrottle.client("2001:db8:1:2::5")).isEqualTo("2001:0db8:0001:0002::/64");
        assertThat(LoginThrottle.client(null)).isEqualTo("unknown");
    }

    @Test
    void userNamesInTheLogAreOneLineAndShort() {
        assertThat(LoginThrottle.printable("admin\r\nINFO forged")).isEqualTo("admin??INFO forged");
        assertThat(LoginThrottle.printable("x".repeat(100))).hasSize(67);
    }

    @Test
    void inconsistentSettingsAreRefused() {
        assertThatThrownBy(() -> new LoginThrottle.Settings(
                        5,
                        Duration.ofSeconds(1),
                        Duration.ofSeconds(30),
                        Duration.ofSeconds(10),
                        50,
                        Duration.ofMinutes(10),
                        100))
                .as("forgotten before its delay ends")
                .isInstanceOf(IllegalArgumentException.class);
    }

    /** A clock that moves only when told. */
    static final class TestClock extends Clock {

        private Instant now = Instant.parse("2030-01-01T00:00:00Z");

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
