package org.factorysharing.benchmark;

import com.fasterxml.jackson.databind.JsonNode;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * Two server nodes on one PostgreSQL, on this machine, under more load than its cores take: registrations over HTTP
 * from 8 clients spread over both nodes as fast as they answer, then the nodes are left to catch up. It reports what
 * a person would worry about: whether healthy events were parked (a bridge's batch running out of time on a starved
 * node), whether every member got its onboarding process, and how long the catching up took. Each node is a child JVM
 * started from this jar (-Xmx512m), as an operator would start it, with the README's environment variables.
 */
final class TwoNodesScenario {

    private static final String READY = "==== factory-sharing is ready ====";

    private final Report report;
    private final Duration measure;
    private final Path jar;

    TwoNodesScenario(Report report, Duration measure, Path jar) {
        this.report = report;
        this.measure = measure;
        this.jar = jar;
    }

    void execute() throws Exception {
        Path work = Files.createTempDirectory("factory-sharing-two-nodes");
        String password = UUID.randomUUID().toString();
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                .setDataDirectory(work.resolve("pgdata"))
                .setCleanDataDirectory(true)
                .start()) {
            String url = postgres.getJdbcUrl("postgres", "postgres");
            List<Process> nodes = new ArrayList<>();
            List<Integer> ports = new ArrayList<>();
            try {
                // one after the other: the first creates the schema, the second finds it
                for (String name : List.of("node-a", "node-b")) {
                    int port = freePort();
                    Process node = start(name, port, url, password, work);
                    nodes.add(node);
                    ports.add(port);
                    awaitReady(node, work.resolve(name + ".log"), Duration.ofMinutes(5));
                }
                List<Api> officers = ports.stream()
                        .map(port -> new Api(port, "officer", password))
                        .toList();
                LoadRun.Result load = LoadRun.run(
                        "POST /api/members on two nodes",
                        8,
                        measure,
                        (client, sequence) -> officers.get(client % 2)
                                .post("/api/members", HttpRegistrationScenario.json())
                                .expect(201));
                long loadEnded = System.nanoTime();
                Api admin = new Api(ports.get(0), "admin", password);
                boolean caughtUp = awaitCaughtUp(admin, Duration.ofMinutes(10));
                double catchUp = (System.nanoTime() - loadEnded) / 1e9;
                Map<String, Integer> parked = parked(admin);
                long members;
                long processes;
                try (Connection connection = postgres.getPostgresDatabase().getConnection();
                        var statement = connection.createStatement()) {
                    members = count(statement, "SELECT count(*) FROM member_directory");
                    processes = count(
                            statement,
                            "SELECT count(DISTINCT business_key_) FROM act_hi_procinst WHERE proc_def_key_ = "
                                    + "'member_onboarding'");
                }
                report.add(
                        load,
                        "req/s",
                        null,
                        String.format(
                                Locale.ROOT,
                                "caught up %s %.0f s after the load; parked: %s; members %d, onboarding processes %d",
                                caughtUp ? "within" : "NOT within 600 s:",
                                catchUp,
                                parked.isEmpty() ? "none" : parked,
                                members,
                                processes));
            } finally {
                for (Process node : nodes) {
                    node.destroy();
                }
                for (Process node : nodes) {
                    node.waitFor();
                }
            }
        }
    }

    private Process start(String name, int port, String url, String password, Path work) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder builder = new ProcessBuilder(
                        java,
                        "-Xmx512m",
                        "-cp",
                        jar.toString(),
                        "-Dloader.main=org.factorysharing.server.FactorySharingApplication",
                        "org.springframework.boot.loader.launch.PropertiesLauncher",
                        "--spring.main.banner-mode=off",
                        "--logging.level.root=WARN",
                        "--logging.level.org.factorysharing=INFO")
                .redirectErrorStream(true)
                .redirectOutput(work.resolve(name + ".log").toFile());
        Map<String, String> env = builder.environment();
        env.keySet().removeIf(key -> key.startsWith("FS_") || key.startsWith("SPRING_"));
        env.put("FS_DB_URL", url);
        env.put("FS_DB_USER", "postgres");
        env.put("FS_DB_PASSWORD", "postgres");
        env.put("FS_PORT", Integer.toString(port));
        env.put("FS_DEMO_USERS", "true");
        env.put("FS_DEMO_DATA", "false");
        env.put("FS_DEMO_PASSWORD", password);
        return builder.start();
    }

    private static void awaitReady(Process node, Path log, Duration patience) throws Exception {
        long deadline = System.nanoTime() + patience.toNanos();
        while (System.nanoTime() < deadline) {
            if (!node.isAlive()) {
                throw new IllegalStateException("a node ended at start; its log: " + log);
            }
            if (Files.exists(log) && Files.readString(log).contains(READY)) {
                return;
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException("a node was not ready in time; its log: " + log);
    }

    /** Every processor of the cluster at 100 % and without error, as the admin API reports it. */
    private static boolean awaitCaughtUp(Api admin, Duration patience) throws InterruptedException {
        long deadline = System.nanoTime() + patience.toNanos();
        while (System.nanoTime() < deadline) {
            JsonNode processors = admin.get("/api/admin/projections").json();
            boolean done = true;
            for (JsonNode processor : processors) {
                done &= processor.path("percentage").asInt() == 100;
            }
            if (done && processors.size() > 0) {
                return true;
            }
            Thread.sleep(1000);
        }
        return false;
    }

    /** Parked events per group and cause. */
    private static Map<String, Integer> parked(Api admin) {
        Map<String, Integer> parked = new TreeMap<>();
        for (JsonNode sequence : admin.get("/api/admin/dead-letters").json()) {
            for (JsonNode letter : sequence.path("letters")) {
                parked.merge(
                        sequence.path("processingGroup").asText() + ": "
                                + letter.path("causeType").asText(),
                        1,
                        Integer::sum);
            }
        }
        return parked;
    }

    private static long count(java.sql.Statement statement, String sql) throws Exception {
        try (var rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
