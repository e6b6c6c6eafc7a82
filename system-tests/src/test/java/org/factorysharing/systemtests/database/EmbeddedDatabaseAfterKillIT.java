package org.factorysharing.systemtests.database;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.factorysharing.systemtests.ChildServers;
import org.factorysharing.systemtests.Http;
import org.factorysharing.testing.TestData;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The zero-setup default after {@code kill -9}: the embedded PostgreSQL outlives the server, and the next
 * start on the same data directory stops it and comes up with the data written before. The servers are child
 * JVMs (a test cannot SIGKILL itself), started as a user starts the server.
 */
class EmbeddedDatabaseAfterKillIT {

    private static final String PASSWORD = "kill-test-secret";
    private static final Duration START = Duration.ofSeconds(180);
    private static final Duration RESTART = Duration.ofSeconds(90);
    private static final String JOBS_OFF = "--camunda.bpm.job-execution.enabled=false";

    @TempDir
    Path temp;

    private ChildServers servers;

    @BeforeEach
    void servers() {
        servers = new ChildServers(temp, PASSWORD);
    }

    @Test
    void theServerStartsAgainAfterAKill9WithItsData() throws Exception {
        Path dataDir = temp.resolve("data");

        Process first = servers.start("first", dataDir, Map.of(), JOBS_OFF);
        int port = servers.awaitReady(first, "first", START);
        Http officer = Http.as(port, "officer", PASSWORD);
        Http.Reply created = officer.post("/api/members", TestData.registerMemberJson(TestData.nib()));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String memberId = created.json().get("memberId").asText();
        awaitStatus(officer, "/api/members/" + memberId, 200, Duration.ofSeconds(30));

        first.destroyForcibly(); // SIGKILL: no shutdown hook, no pg_ctl stop
        assertThat(first.waitFor(30, TimeUnit.SECONDS)).isTrue();
        Optional<ProcessHandle> orphan = ChildServers.postmaster(dataDir);
        assertThat(orphan)
                .as("the killed server's PostgreSQL is still running")
                .hasValueSatisfying(p -> assertThat(p.isAlive()).isTrue());

        Process second = servers.start("second", dataDir, Map.of(), JOBS_OFF);
        int secondPort = servers.awaitReady(second, "second", RESTART);
        assertThat(orphan.get().isAlive()).as("the orphan was stopped").isFalse();
        Http.Reply member = Http.as(secondPort, "officer", PASSWORD).get("/api/members/" + memberId);
        assertThat(member.status()).as(member.toString()).isEqualTo(200);
        assertThat(member.json().get("memberId").asText()).isEqualTo(memberId);
        assertThat(servers.log("second")).contains("left by a server that was killed; stopping it");

        second.destroy(); // SIGTERM: stops as a user stops it, its PostgreSQL with it
        assertThat(second.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(dataDir.resolve("postmaster.pid")).doesNotExist();
    }

    /** Whatever failed: no server and no PostgreSQL left running on the temporary directory. */
    @AfterEach
    void stopEverything() throws Exception {
        servers.close();
    }

    private static void awaitStatus(Http client, String path, int status, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        Http.Reply reply = client.get(path);
        while (reply.status() != status && System.nanoTime() < deadline) {
            Thread.sleep(200);
            reply = client.get(path);
        }
        assertThat(reply.status()).as(reply.toString()).isEqualTo(status);
    }
}
