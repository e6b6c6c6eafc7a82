package org.factorysharing.systemtests.operations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import javax.sql.DataSource;
import org.factorysharing.systemtests.Http;
import org.factorysharing.systemtests.Http.Reply;
import org.factorysharing.systemtests.ServerTest;
import org.factorysharing.testing.TestData;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * What an operator watches: liveness and readiness (a stuck projection takes the node out of rotation, naming the
 * projection and why, while the node stays alive), and the Prometheus metrics (admins only).
 */
@ServerTest
class MonitoringIT {

    @LocalServerPort
    int port;

    @Autowired
    DataSource dataSource;

    @Test
    void livenessAndReadinessAreOpenToProbesAndUpOnAHealthyNode() {
        await().atMost(Duration.ofSeconds(60))
                .untilAsserted(() -> assertThat(Http.anonymous(port)
                                .get("/actuator/health/readiness")
                                .status())
                        .isEqualTo(200));
        Reply liveness = Http.anonymous(port).get("/actuator/health/liveness");
        assertThat(liveness.status()).isEqualTo(200);
        assertThat(liveness.json().get("status").asText()).isEqualTo("UP");
        Reply readiness = Http.anonymous(port).get("/actuator/health/readiness");
        assertThat(readiness.json().get("status").asText()).isEqualTo("UP");
        // components by name, but no details for anyone who is not an admin
        assertThat(readiness.json().get("components").fieldNames())
                .toIterable()
                .contains("readinessState", "db", "processEngine", "processors");
        assertThat(readiness.body()).doesNotContain("member-directory");
    }

    @Test
    void aStuckProjectionTakesTheNodeOutOfRotationWithTheReasonWhileItStaysAlive() throws Exception {
        Http admin = Http.as(port, "admin", TestData.PASSWORD);
        try (Connection blocker = dataSource.getConnection()) {
            blocker.setAutoCommit(false);
            try (Statement lock = blocker.createStatement()) {
                // the member directory cannot write while this transaction holds the table
                lock.execute("LOCK TABLE member_directory IN ACCESS EXCLUSIVE MODE");
            }
            Reply registered = Http.as(port, "officer", TestData.PASSWORD)
                    .post("/api/members", TestData.registerMemberJson(TestData.nib()));
            assertThat(registered.status()).as(registered.toString()).isEqualTo(201);

            // another processor may be named stuck for a moment on a busy machine: wait for this one
            await().atMost(Duration.ofSeconds(60))
                    .pollInterval(Duration.ofSeconds(1))
                    .until(() -> admin.get("/actuator/health/readiness")
                            .json()
                            .at("/components/processors/details/stuck")
                            .has("member-directory"));
            assertThat(Http.anonymous(port).get("/actuator/health/readiness").status())
                    .isEqualTo(503);
            Reply readiness = admin.get("/actuator/health/readiness");
            assertThat(readiness.status()).isEqualTo(503);
            assertThat(readiness.json().at("/components/processors/status").asText())
                    .isEqualTo("DOWN");
            String reason = readiness
                    .json()
                    .at("/components/processors/details/stuck/member-directory")
                    .asText();
            assertThat(reason)
                    .as(readiness.body())
                    .contains("events behind the head")
                    .contains("no progress for");
            // the database itself answers: only the projection is stuck
            assertThat(readiness.json().at("/components/db/status").asText()).isEqualTo("UP");
            Reply anonymous = Http.anonymous(port).get("/actuator/health/readiness");
            assertThat(anonymous.body()).doesNotContain("member-directory");

            Reply liveness = Http.anonymous(port).get("/actuator/health/liveness");
            assertThat(liveness.status()).isEqualTo(200);
            assertThat(liveness.json().get("status").asText()).isEqualTo("UP");

            Reply metrics = admin.get("/actuator/prometheus");
            assertThat(metrics.body()).containsPattern("fs_processors_stuck(\\{[^}]*\\})? [1-9]");
            blocker.rollback();
        }
        await().atMost(Duration.ofSeconds(60))
                .untilAsserted(() -> assertThat(Http.anonymous(port)
                                .get("/actuator/health/readiness")
                                .status())
                        .isEqualTo(200));
    }

    @Test
    void prometheusShowsTheProgrammesFiguresToAdminsOnly() {
        Http officer = Http.as(port, "officer", TestData.PASSWORD);
        assertThat(officer.post("/api/members", TestData.registerMemberJson(TestData.nib()))
                        .status())
                .isEqualTo(201);
        Http.as(port, "officer", "not-the-password").get("/api/members");

        assertThat(Http.anonymous(port).get("/actuator/prometheus").status()).isEqualTo(401);
        assertThat(officer.get("/actuator/prometheus").status()).isEqualTo(403);
        assertThat(Http.as(port, "auditor", TestData.PASSWORD)
                        .get("/actuator/prometheus")
                        .status())
                .isEqualTo(403);

        Reply metrics = Http.as(port, "admin", TestData.PASSWORD).get("/actuator/prometheus");
        assertThat(metrics.status()).isEqualTo(200);
        String body = metrics.body();
        assertThat(body)
                // ours: lag per processor and bridge, dead letters per group, the chain's head, commands, logins
                .contains("fs_processor_lag_events{")
                .contains("processor=\"member-directory\"")
                .contains("processor=\"member-onboarding-workflow\"")
                .containsPattern("(?m)^fs_dead_letters\\{[^}]*group=\"member-directory\"")
                .contains("fs_dead_letters_all")
                .contains("fs_chain_head_link")
                .contains("fs_commands_seconds_bucket{")
                .contains("command=\"RegisterMember\"")
                .contains("fs_logins_failed_total{")
                .contains("reason=\"wrong-password\"")
                // Camunda's engine and job executor
                .contains("fs_camunda_incidents")
                .contains("fs_camunda_jobs_due")
                .contains("fs_camunda_engine_job_failed")
                // Axon's command bus and event processors
                .containsPattern("(?m)^commandBus")
                .containsPattern("(?m)^eventProcessor")
                // every request timed once, without a timer per security filter
                .containsPattern("(?m)^http_server_requests_seconds_count\\{[^}]*uri=\"/api/members\"");
        assertThat(body).containsPattern("fs_chain_head_link\\{[^}]*\\} [1-9]");
        assertThat(body).doesNotContain("spring_security_");
    }
}
