package org.factorysharing.systemtests;

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
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.factorysharing.server.FactorySharingApplication;

/**
 * Servers in child JVMs, started as a user starts them: the README's environment variables and nothing inherited from
 * the build, each with its log in a file. Closing stops whatever a test left running, servers first (SIGTERM, as a
 * user stops one), then any PostgreSQL still running on their data directories.
 */
public final class ChildServers implements AutoCloseable {

    private static final String READY = "==== factory-sharing is ready ====";

    private final Path logs;
    private final String password;
    private final List<Process> servers = new ArrayList<>();
    private final Map<Process, Integer> ports = new HashMap<>();
    private final Set<Path> dataDirs = new LinkedHashSet<>();

    public ChildServers(Path logs, String password) {
        this.logs = logs;
        this.password = password;
    }

    /** Starts a server on {@code dataDir} with the demo users (this password) and no demo data. */
    public Process start(String name, Path dataDir, Map<String, String> environment, String... arguments)
            throws IOException {
        int port = freePort();
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx768m",
                "-XX:TieredStopAtLevel=1",
                "-cp",
                System.getProperty("java.class.path"),
                FactorySharingApplication.class.getName(),
                "--spring.main.banner-mode=off"));
        command.addAll(List.of(arguments));
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(logFile(name).toFile());
        Map<String, String> env = builder.environment();
        env.keySet().removeIf(key -> key.startsWith("FS_") || key.startsWith("SPRING_"));
        env.put("FS_DATA_DIR", dataDir.toString());
        env.put("FS_PORT", Integer.toString(port));
        env.put("FS_DEMO_USERS", "true");
        env.put("FS_DEMO_DATA", "false");
        env.put("FS_DEMO_PASSWORD", password);
        env.putAll(environment);
        Process server = builder.start();
        servers.add(server);
        ports.put(server, port);
        dataDirs.add(dataDir);
        return server;
    }

    /**
     * The HTTP port once the server has reported ready and its readiness probe answers 200; fails with the end of its
     * log if it ends or is not ready in time.
     */
    public int awaitReady(Process server, String name, Duration timeout) throws Exception {
        int port = ports.get(server);
        HttpClient client =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest readiness = HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + "/actuator/health/readiness"))
                .timeout(Duration.ofSeconds(10))
                .build();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!server.isAlive()) {
                throw new AssertionError(
                        "the " + name + " server ended (exit " + server.exitValue() + "):\n" + tail(name));
            }
            // the probes answer before the demo users exist; the ready report comes after them
            if (log(name).contains(READY)
                    && client.send(readiness, HttpResponse.BodyHandlers.ofString())
                                    .statusCode()
                            == 200) {
                return port;
            }
            Thread.sleep(500);
        }
        throw new AssertionError("the " + name + " server was not ready within " + timeout + ":\n" + tail(name));
    }

    public Path logFile(String name) {
        return logs.resolve(name + ".log");
    }

    public String log(String name) throws IOException {
        return Files.readString(logFile(name));
    }

    /** The last 80 lines of a server's log, for a failure's message. */
    public String tail(String name) throws IOException {
        List<String> lines = Files.readAllLines(logFile(name));
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 80), lines.size()));
    }

    /** The running process named by the data directory's postmaster.pid, if any. */
    public static Optional<ProcessHandle> postmaster(Path dataDir) throws IOException {
        Path pidFile = dataDir.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return Optional.empty();
        }
        List<String> lines = Files.readAllLines(pidFile);
        return lines.isEmpty()
                ? Optional.empty()
                : ProcessHandle.of(Long.parseLong(lines.get(0).trim()));
    }

    public static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** Stops a server as a user stops it (SIGTERM, its PostgreSQL with it); killed if it does not end in time. */
    public static void stop(Process server) throws InterruptedException {
        server.destroy();
        if (!server.waitFor(90, TimeUnit.SECONDS)) {
            server.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        }
    }

    @Override
    public void close() throws Exception {
        for (Process server : servers) {
            if (server.isAlive()) {
                stop(server);
            }
        }
        for (Path dataDir : dataDirs) {
            Optional<ProcessHandle> postgres = postmaster(dataDir);
            if (postgres.isPresent()) {
                postgres.get().destroy(); // SIGTERM: a smart shutdown; its clients are gone
                try {
                    postgres.get().onExit().get(60, TimeUnit.SECONDS);
                } catch (TimeoutException e) {
                    postgres.get().destroyForcibly();
                }
            }
        }
    }
}
