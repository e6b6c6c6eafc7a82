package org.factorysharing.systemtests.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.UUID;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.factorysharing.systemtests.Http;
import org.factorysharing.systemtests.ServerTest;
import org.factorysharing.testing.TestData;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;

/**
 * Failed logins are throttled per user (Camunda's login delay: 3 s, doubling up to 60 s): right after a wrong
 * password even the right one is refused, so guessing is slow; the account is never locked for good.
 */
@ServerTest
class LoginThrottleIT {

    @Value("${local.server.port}")
    int port;

    @Autowired
    IdentityService identity;

    @Test
    void aWrongPasswordDelaysTheNextLoginOfThatUserButDoesNotLockIt() {
        String userId = "guessed-" + UUID.randomUUID().toString().substring(0, 8);
        User user = identity.newUser(userId);
        user.setPassword(TestData.PASSWORD);
        identity.saveUser(user);
        Http rightPassword = Http.as(port, userId, TestData.PASSWORD);
        assertThat(rightPassword.get("/api/tasks").status()).isEqualTo(200);

        assertThat(Http.as(port, userId, "guess-1").get("/api/tasks").status()).isEqualTo(401);

        assertThat(rightPassword.get("/api/tasks").status())
                .as("within the delay")
                .isEqualTo(401);
        assertThat(Http.as(port, "officer", TestData.PASSWORD).get("/api/tasks").status())
                .as("other users are not slowed down")
                .isEqualTo(200);
        await().pollDelay(Duration.ofSeconds(2))
                .pollInterval(Duration.ofMillis(500))
                .atMost(Duration.ofSeconds(15))
                .until(() -> rightPassword.get("/api/tasks").status() == 200);
    }
}
