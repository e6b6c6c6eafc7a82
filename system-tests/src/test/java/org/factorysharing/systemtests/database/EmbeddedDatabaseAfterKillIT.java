package org.factorysharing.systemtests.database;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.factorysharing.server.FactorySharingApplication;
import org.factorysharing.systemtests.Http;
import org.factorysharing.testing.TestData;
import org.junit.jupiter.api.AfterEach;
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

    @TempDir
    Path temp;

    private final List<Process> servers = new ArrayList<>();
    private final Map<Process, Integer> ports = new HashMap<>();

    @Test
    void theServerStartsAgainAfterAKill9WithItsData() throws Exception {
        Path dataDir = temp.resolve("data");

        Process first = startServer(dataDir, "first");
        int port = awaitReady(first, "first", START);
        Http officer = Http.as(port, "officer", PASSWORD);
        Http.Reply created = officer.post("/api/members", TestData.registerMemberJson(TestData.nib()));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String memberId = created.json().get("memberId").asText();
        awaitStatus(officer, "/api/members/" + memberId, 200, Duration.ofSeconds(30));

        first.destroyForcibly(); // SIGKILL: no shutdown hook, no pg_ctl stop
        assertThat(first.waitFor(30, TimeUnit.SECONDS)).isTrue();
        Optional<ProcessHandle> orphan = postmaster(dataDir);
        assertThat(orphan)
                .as("the killed server's PostgreSQL is still running")
                .hasValueSatisfying(p -> assertThat(p.isAlive()).isTrue());

        Process second = startServer(dataDir, "second");
        int secondPort = awaitReady(second, "second", RESTART);
        assertThat(orphan.get().isAlive()).as("the orphan was stopped").isFalse();
        Http.Reply member = Http.as(secondPort, "officer", PASSWORD).get("/api/members/" + memberId);
        assertThat(member.status()).as(member.toString()).isEqualTo(200);
        assertThat(member.json().get("memberId").asText()).isEqualTo(memberId);
        assertThat(log("second")).contains("left by a server that was killed; stopping it");

        second.destroy(); // SIGTERM: stops as a user stops it, its PostgreSQL with it
        assertThat(second.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(dataDir.resolve("postmaster.pid")).doesNotExist();
    }

    /** Whatever failed: no server and no PostgreSQL left running on the temporary directory. */
    @AfterEach
    void stopEverything() throws Exception {
        for (Process server : servers) {
            if (server.isAlive()) {
                server.destroy();
                if (!server.waitFor(60, TimeUnit.SECONDS)) {
                    server.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
                }
            }
        }
        Optional<ProcessHandle> postgres = postmaster(temp.resolve("data"));
        if (postgres.isPresent()) {
            postgres.get().destroy(); // SIGTERM: a smart shutdown; its clients are gone
            try {
                postgres.get().onExit().get(60, TimeUnit.SECONDS);
            } catch (TimeoutException e) {
                postgres.get().destroyForcibly();
            }
        }
    }

    private Process startServer(Path dataDir, String name) throws IOException {
        int port = freePort();
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder builder = new ProcessBuilder(
                        java,
                        "-Xmx768m",
                        "-XX:TieredStopAtLevel=1",
                        "-cp",
                        System.getProperty("java.class.path"),
                        FactorySharingApplication.class.getName(),
                        "--camunda.bpm.job-execution.enabled=false",
                        "--spring.main.banner-mode=off")
                .redirectErrorStream(true)
                .redirectOutput(logFile(name).toFile());
        // as a user starts it: the environment variables of the README, nothing inherited from the build
        Map<String, String> env = builder.environment();
        env.keySet().removeIf(key -> key.startsWith("FS_") || key.startsWith("SPRING_"));
        env.put("FS_DATA_DIR", dataDir.toString());
        env.put("FS_PORT", Integer.toString(port));
        env.put("FS_DEMO_USERS", "true");
        env.put("FS_DEMO_DATA", "false");
        env.put("FS_DEMO_PASSWORD", PASSWORD);
        Process server = builder.start();
        servers.add(server);
        ports.put(server, port);
        return server;
    }

    /** The HTTP port once the server reports ready and is healthy; fails with its log if it ends first. */
    private int awaitReady(Process server, String name, Duration timeout) throws Exception {
        int port = ports.get(server);
        HttpClient client =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest health = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/actuator/health"))
                .timeout(Duration.ofSeconds(5))
                .build();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!server.isAlive()) {
                throw new AssertionError(
                        "the " + name + " server ended (exit " + server.exitValue() + "):\n" + tail(name));
            }
            // health answers before the demo users exist; the ready report comes after them
            if (log(name).contains("==== factory-sharing is ready ====")) {
                HttpResponse<String> response = client.send(health, HttpResponse.BodyHandlers.ofString());
                assertThat(response.body()).as("health").contains("\"UP\"");
                return port;
            }
            Thread.sleep(500);
        }
        throw new AssertionError("the " + name + " server was not healthy within " + timeout + ":\n" + tail(name));
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

    /** The running process named by the data directory's postmaster.pid, if any. */
    private static Optional<ProcessHandle> postmaster(Path dataDir) throws IOException {
        Path pidFile = dataDir.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return Optional.empty();
        }
        List<String> lines = Files.readAllLines(pidFile);
        return lines.isEmpty()
                ? Optional.empty()
                : ProcessHandle.of(Long.parseLong(lines.get(0).trim()));
    }

    private Path logFile(String name) {
        return temp.resolve(name + ".log");
    }

    private String log(String name) throws IOException {
        return Files.readString(logFile(name));
    }

    private String tail(String name) throws IOException {
        List<String> lines = Files.readAllLines(logFile(name));
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
