package org.factorysharing.systemtests.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.digest.Sha512HashDigest;
import org.factorysharing.systemtests.FromAddress;
import org.factorysharing.systemtests.Http;
import org.factorysharing.systemtests.ServerTest;
import org.factorysharing.testing.TestData;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Failed logins are throttled by client address and user together, so nobody can lock the owner of an account out:
 * failures from one address never delay a correct login from another. Passwords are bcrypt hashes; Camunda's old
 * SHA-512 hashes are replaced at the next successful login. Every door that checks a password goes through the
 * throttle (API and engine REST by HTTP Basic, the login form of the webapps); the others are closed. Loopback
 * addresses 127.0.0.2 to 127.0.0.5 are clients of their own; each test has its own.
 */
@ServerTest
class LoginThrottleIT {

    @Value("${local.server.port}")
    int port;

    @Autowired
    IdentityService identity;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void twentyFailuresFromOneAddressDoNotKeepTheAdministratorOutFromAnother() {
        FromAddress attacker = FromAddress.of("127.0.0.2", port);
        FromAddress owner = FromAddress.of("127.0.0.3", port);

        for (int i = 1; i <= 20; i++) {
            FromAddress.Reply guess = attacker.basic("/api/tasks", "admin", "guess-" + i);
            assertThat(guess.status()).as("guess %d: %s", i, guess).isEqualTo(401);
        }
        FromAddress.Reply slowed = attacker.basic("/api/tasks", "admin", TestData.PASSWORD);
        long start = System.nanoTime();
        FromAddress.Reply ownersLogin = owner.basic("/api/tasks", "admin", TestData.PASSWORD);
        Duration took = Duration.ofNanos(System.nanoTime() - start);

        assertThat(ownersLogin.status())
                .as("the owner, first try: %s", ownersLogin)
                .isEqualTo(200);
        assertThat(took).as("at once").isLessThan(Duration.ofSeconds(3));
        assertThat(slowed.status())
                .as("the attacker's address is refused even with the right password: %s", slowed)
                .isEqualTo(401);
        assertThat(slowed.header("Content-Type")).startsWith("application/problem+json");
        assertThat(slowed.header("WWW-Authenticate")).startsWith("Basic");
        long retryAfter = Long.parseLong(slowed.header("Retry-After"));
        assertThat(retryAfter).isBetween(1L, 30L);
        await().pollDelay(Duration.ofSeconds(retryAfter))
                .pollInterval(Duration.ofMillis(250))
                .atMost(Duration.ofSeconds(retryAfter + 10))
                .untilAsserted(() -> assertThat(attacker.basic("/api/tasks", "admin", TestData.PASSWORD)
                                .status())
                        .as("the delay is bounded: the right password is accepted from there again")
                        .isEqualTo(200));
    }

    @Test
    void theSameThroughTheLoginFormOfTheWebapps() {
        FromAddress attacker = FromAddress.of("127.0.0.4", port);
        FromAddress owner = FromAddress.of("127.0.0.5", port);

        for (int i = 1; i <= 20; i++) {
            FromAddress.Reply guess = attacker.formLogin("admin", "guess-" + i);
            assertThat(guess.status()).as("guess %d: %s", i, guess).isEqualTo(302);
            assertThat(guess.header("Location")).contains("/login?error");
        }
        FromAddress.Reply slowed = attacker.formLogin("admin", TestData.PASSWORD);
        long start = System.nanoTime();
        FromAddress.Reply ownersLogin = owner.formLogin("admin", TestData.PASSWORD);
        Duration took = Duration.ofNanos(System.nanoTime() - start);

        assertThat(ownersLogin.signedIn())
                .as("the owner, first try: %s", ownersLogin)
                .isTrue();
        assertThat(took).as("at once").isLessThan(Duration.ofSeconds(3));
        assertThat(slowed.signedIn())
                .as("the attacker's address is refused: %s", slowed)
                .isFalse();
        assertThat(slowed.header("Location")).as("the usual error").contains("/login?error");
        await().pollDelay(Duration.ofSeconds(1))
                .pollInterval(Duration.ofMillis(250))
                .atMost(Duration.ofSeconds(15))
                .until(() -> attacker.formLogin("admin", TestData.PASSWORD).signedIn());
    }

    @Test
    void aMistypedPasswordDoesNotDelayTheRightOne() {
        String userId = newUser(TestData.PASSWORD);
        Http rightPassword = Http.as(port, userId, TestData.PASSWORD);

        for (int i = 0; i < 3; i++) {
            assertThat(Http.as(port, userId, "typo-" + i).get("/api/tasks").status())
                    .isEqualTo(401);
        }

        assertThat(rightPassword.get("/api/tasks").status()).isEqualTo(200);
        Map<String, Object> row = row(userId);
        assertThat(row.get("attempts_")).as("no lock bookkeeping on the user").isIn(null, 0);
        assertThat(row.get("lock_exp_time_")).isNull();
    }

    @Test
    void anOldSha512HashIsReplacedByBcryptAtTheNextSuccessfulLogin() {
        String userId = newUser("old-secret-1");
        String salt = "c2FsdHNhbHRzYWx0c2FsdA==";
        String sha512 = "{SHA-512}" + new Sha512HashDigest().encrypt("old-secret-1" + salt);
        jdbc.update("UPDATE act_id_user SET pwd_ = ?, salt_ = ? WHERE id_ = ?", sha512, salt, userId);
        Map<String, Object> before = row(userId);

        assertThat(Http.as(port, userId, "wrong-secret").get("/api/tasks").status())
                .isEqualTo(401);
        assertThat(row(userId)).as("a wrong password changes nothing").isEqualTo(before);

        assertThat(Http.as(port, userId, "old-secret-1").get("/api/tasks").status())
                .isEqualTo(200);

        Map<String, Object> after = row(userId);
        assertThat((String) after.get("pwd_")).startsWith("{BCRYPT}$2a$12$");
        assertThat(after.get("salt_")).as("bcrypt salts itself").isNull();
        assertThat(after.get("rev_")).isEqualTo((Integer) before.get("rev_") + 1);
        assertThat(identity.checkPassword(userId, "old-secret-1")).isTrue();
        assertThat(identity.checkPassword(userId, "old-secret-2")).isFalse();
        assertThat(Http.as(port, userId, "old-secret-1").get("/api/tasks").status())
                .isEqualTo(200);
        assertThat((String) row("officer").get("pwd_"))
                .as("new users are hashed with bcrypt")
                .startsWith("{BCRYPT}$2a$12$");
    }

    @Test
    void aPasswordLongerThan72BytesIsRefusedWhenSetAndNeverLogsIn() {
        String tooLong = "p".repeat(73);
        Http admin = Http.as(port, "admin", TestData.PASSWORD);
        String userId = "long-" + UUID.randomUUID().toString().substring(0, 8);

        Http.Reply created = admin.post(
                "/engine-rest/user/create",
                "{\"profile\":{\"id\":\"" + userId + "\"},\"credentials\":{\"password\":\"" + tooLong + "\"}}");

        assertThat(created.status()).as(created.toString()).isEqualTo(400);
        assertThat(created.body()).contains("at most 72 bytes");
        String existing = newUser("p".repeat(72));
        assertThat(Http.as(port, existing, tooLong).get("/api/tasks").status())
                .as("bcrypt would read only the first 72 bytes: refused")
                .isEqualTo(401);
        assertThat(Http.as(port, existing, "p".repeat(72)).get("/api/tasks").status())
                .isEqualTo(200);
    }

    @Test
    void doorsThatWouldCheckAPasswordPastTheThrottleAreClosed() {
        Http officerInWebapps = Http.signedInToWebapps(port, "officer", TestData.PASSWORD);

        Http.Reply webappLogin = officerInWebapps.webappPostForm(
                "/camunda/api/admin/auth/user/default/login/cockpit", "username=admin&password=" + TestData.PASSWORD);
        Http.Reply webappVerify = officerInWebapps.webappPost(
                "/camunda/api/engine/engine/default/identity/verify",
                "{\"username\":\"admin\",\"password\":\"guess\"}");
        Http.Reply engineRestVerify = Http.as(port, "admin", TestData.PASSWORD)
                .post("/engine-rest/identity/verify", "{\"username\":\"officer\",\"password\":\"guess\"}");

        assertThat(webappLogin.status()).as(webappLogin.toString()).isEqualTo(403);
        assertThat(webappVerify.status()).as(webappVerify.toString()).isEqualTo(403);
        assertThat(engineRestVerify.status()).as(engineRestVerify.toString()).isEqualTo(403);
        assertThat(officerInWebapps
                        .get("/camunda/api/admin/auth/user/default")
                        .json()
                        .path("userId")
                        .asText())
                .as("the webapps still know the signed-in user")
                .isEqualTo("officer");
    }

    private String newUser(String password) {
        String userId = "login-" + UUID.randomUUID().toString().substring(0, 8);
        User user = identity.newUser(userId);
        user.setPassword(password);
        identity.saveUser(user);
        return userId;
    }

    private Map<String, Object> row(String userId) {
        return jdbc.queryForMap(
                "SELECT pwd_, salt_, rev_, attempts_, lock_exp_time_ FROM act_id_user WHERE id_ = ?", userId);
    }
}
