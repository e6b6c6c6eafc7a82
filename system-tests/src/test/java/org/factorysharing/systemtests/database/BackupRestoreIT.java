package org.factorysharing.systemtests.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.factorysharing.systemtests.ChildServers;
import org.factorysharing.systemtests.Http;
import org.factorysharing.systemtests.HttpWalk;
import org.factorysharing.testing.ReadModelTables;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * Backup and restore as docs/operations.md describes it, on the embedded database: a base backup of a running server
 * (PostgreSQL's low-level backup API: pg_backup_start, copy the data directory, pg_backup_stop with its backup_label,
 * then the WAL), a member forgotten after the backup, the server stopped, and a server started on the restored copy.
 * The restored server has the hash chain intact, the read models as they were, a waiting user task that can be
 * completed, and, from the erasure list kept outside the database, the forgotten member forgotten again. Its log is
 * JSON (FS_LOG_FORMAT=logstash) with the correlation id and the acting user on each line of a request.
 */
class BackupRestoreIT {

    private static final String PASSWORD = "backup-test-secret";
    private static final Duration START = Duration.ofSeconds(240);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> GROUPS = List.of(
            "member-directory",
            "factory-registry",
            "capacity-calendar",
            "job-board",
            "region-potential",
            "programme-kpi",
            "programme-dashboard");
    /** Written while a server runs, never part of a base backup (PostgreSQL's own list, and zonky's lock). */
    private static final Set<String> NOT_COPIED = Set.of("postmaster.pid", "postmaster.opts", "epg-lock");

    private static final Set<String> EMPTIED_DIRECTORIES = Set.of(
            "pg_wal",
            "pg_replslot",
            "pg_stat_tmp",
            "pg_dynshmem",
            "pg_notify",
            "pg_serial",
            "pg_snapshots",
            "pg_subtrans");

    @TempDir
    Path temp;

    private ChildServers servers;

    @BeforeEach
    void servers() {
        servers = new ChildServers(temp, PASSWORD);
    }

    @Test
    void aRestoredBackupKeepsChainReadModelsAndProcessesAndForgetsAgainWhatWasForgottenAfterIt() throws Exception {
        Path live = temp.resolve("data");
        Path restored = temp.resolve("restored");
        Path erasures = temp.resolve("erasures");
        int dbPort = ChildServers.freePort();

        Process first = startServer(live, dbPort, erasures, "first", Map.of());
        int port = servers.awaitReady(first, "first", START);
        Http officer = Http.as(port, "officer", PASSWORD);
        String forgotten = register(officer, "Dewi Lestari Backup", "3374015508900001");
        String kept = register(officer, "Agus Salim Backup", "3374015508900002");
        awaitTask(officer, forgotten);
        awaitTask(officer, kept);
        awaitCaughtUp(port);
        JsonNode chainBefore = Http.as(port, "auditor", PASSWORD)
                .get("/api/audit/chain/verification")
                .json();
        assertThat(chainBefore.get("intact").asBoolean()).isTrue();
        Map<String, Map<String, List<Map<String, Object>>>> readModelsBefore = readModels(dbPort);

        baseBackup(dbPort, live, restored);

        assertThat(officer.delete("/api/members/" + forgotten + "/personal-data", "{\"reason\":\"owner asked\"}")
                        .status())
                .isEqualTo(204);
        assertThat(ownerName(officer, forgotten)).isEqualTo("[forgotten]");
        assertThat(String.join("\n", erasureLines(erasures))).contains(forgotten);
        ChildServers.stop(first);

        // the restored copy predates the forget: its key table still holds the member's key
        int restoredDbPort = ChildServers.freePort();
        Process second = startServer(
                restored,
                restoredDbPort,
                erasures,
                "restored",
                // the dispatcher's lines are logged within every request; nothing else a request does logs for
                // sure (Micrometer's one-time "Gauge has been already registered" warning did, until Axon's meters
                // stopped being registered again for every command)
                Map.of("FS_LOG_FORMAT", "logstash", "LOGGING_LEVEL_ORG_SPRINGFRAMEWORK_WEB_SERVLET", "DEBUG"));
        int restoredPort = servers.awaitReady(second, "restored", START);
        Http officerAfter = Http.as(restoredPort, "officer", PASSWORD);

        // erasure survives the restore
        assertThat(ownerName(officerAfter, forgotten)).isEqualTo("[forgotten]");
        assertThat(ownerName(officerAfter, kept)).isEqualTo("Agus Salim Backup");
        assertThat(servers.log("restored")).contains(forgotten).contains("forgotten again");

        // the hash chain: intact, and the same up to the link that was the head before the backup
        Http auditor = Http.as(restoredPort, "auditor", PASSWORD);
        JsonNode chainAfter = auditor.get("/api/audit/chain/verification").json();
        assertThat(chainAfter.get("intact").asBoolean())
                .as(chainAfter.toString())
                .isTrue();
        JsonNode sameRange = auditor.get("/api/audit/chain/verification?toLink="
                        + chainBefore.get("toLink").asLong())
                .json();
        assertThat(sameRange.get("headHash").asText())
                .isEqualTo(chainBefore.get("headHash").asText());

        // the read models as before (the forget only touched the forgotten member's row's time of change)
        awaitCaughtUp(restoredPort);
        Map<String, Map<String, List<Map<String, Object>>>> readModelsAfter = readModels(restoredDbPort);
        withoutChangeTime(readModelsBefore, forgotten);
        withoutChangeTime(readModelsAfter, forgotten);
        assertThat(readModelsAfter).isEqualTo(readModelsBefore);

        // the processes go on: the waiting verification of the kept member is completed
        JsonNode task = awaitTask(officerAfter, kept);
        assertThat(HttpWalk.complete(officerAfter, task, "{\"approved\":true}").status())
                .isEqualTo(204);
        await().atMost(Duration.ofSeconds(60))
                .until(() -> "VERIFIED"
                        .equals(officerAfter
                                .get("/api/members/" + kept)
                                .json()
                                .get("status")
                                .asText()));

        // structured logs: one JSON object per line, with the request's correlation id and user
        List<JsonNode> requestLines = new ArrayList<>();
        for (String line : Files.readAllLines(servers.logFile("restored"))) {
            if (line.startsWith("{")) {
                JsonNode json = JSON.readTree(line);
                if (json.has("correlationId")
                        && "officer".equals(json.path("user").asText())) {
                    requestLines.add(json);
                }
            }
        }
        assertThat(requestLines).as("JSON log lines of the officer's requests").isNotEmpty();
    }

    // --- the backup: PostgreSQL's low-level API, as pg_basebackup does it, with the server's own binaries ---

    /**
     * A base backup of the running database into {@code target}: pg_backup_start, a copy of the data directory
     * (without the files of a running server and the contents of its working directories), pg_backup_stop, its
     * backup_label, then the WAL up to the backup's end. PostgreSQL started on the copy recovers to that point.
     */
    private static void baseBackup(int dbPort, Path dataDir, Path target) throws Exception {
        try (SingleConnectionDataSource db = new SingleConnectionDataSource(jdbcUrl(dbPort), "postgres", "", true);
                Connection connection = db.getConnection();
                Statement sql = connection.createStatement()) {
            sql.execute("SELECT pg_backup_start('factory-sharing backup test', true)");
            copyTree(dataDir, target);
            try (ResultSet stop = sql.executeQuery("SELECT labelfile, spcmapfile FROM pg_backup_stop(false)")) {
                stop.next();
                Files.writeString(target.resolve("backup_label"), stop.getString(1), StandardCharsets.UTF_8);
                String tablespaces = stop.getString(2);
                if (tablespaces != null && !tablespaces.isEmpty()) {
                    Files.writeString(target.resolve("tablespace_map"), tablespaces, StandardCharsets.UTF_8);
                }
            }
        }
        // after pg_backup_stop: the WAL segments now hold everything up to the backup's end
        try (Stream<Path> wal = Files.list(dataDir.resolve("pg_wal"))) {
            for (Path segment : wal.filter(Files::isRegularFile).toList()) {
                Files.copy(segment, target.resolve("pg_wal").resolve(segment.getFileName()));
            }
        }
    }

    private static void copyTree(Path source, Path target) throws IOException {
        List<Path> paths;
        try (Stream<Path> walk = Files.walk(source)) {
            paths = walk.toList();
        }
        for (Path path : paths) {
            Path relative = source.relativize(path);
            Path copy = target.resolve(relative.toString());
            if (Files.isDirectory(path)) {
                Files.createDirectories(copy);
                continue;
            }
            if (relative.getNameCount() == 1 && NOT_COPIED.contains(relative.toString())) {
                continue;
            }
            if (relative.getNameCount() > 1
                    && EMPTIED_DIRECTORIES.contains(relative.getName(0).toString())) {
                continue;
            }
            try {
                Files.createDirectories(copy.getParent());
                Files.copy(path, copy, StandardCopyOption.COPY_ATTRIBUTES);
            } catch (NoSuchFileException removedWhileCopying) {
                // a file the server deleted meanwhile: the WAL replay does not need it
            }
        }
        Files.createDirectories(target.resolve("pg_wal").resolve("archive_status"));
        // PostgreSQL starts only on a data directory that is its owner's alone
        Files.setPosixFilePermissions(target, PosixFilePermissions.fromString("rwx------"));
    }

    // --- reading the state ---

    private static Map<String, Map<String, List<Map<String, Object>>>> readModels(int dbPort) {
        DriverManagerDataSource db = new DriverManagerDataSource(jdbcUrl(dbPort), "postgres", "");
        ReadModelTables tables = new ReadModelTables(new JdbcTemplate(db));
        Map<String, Map<String, List<Map<String, Object>>>> snapshot = new LinkedHashMap<>();
        GROUPS.forEach(group -> snapshot.put(group, tables.snapshot(group)));
        return snapshot;
    }

    private static void withoutChangeTime(Map<String, Map<String, List<Map<String, Object>>>> models, String memberId) {
        models.get("member-directory").get("member_directory").stream()
                .filter(row -> memberId.equals(row.get("member_id")))
                .forEach(row -> row.remove("updated_at"));
    }

    private static String register(Http officer, String ownerName, String nik) {
        String nib = String.format("%013d", System.nanoTime() % 10_000_000_000_000L);
        Http.Reply reply = officer.post("/api/members", """
                {"nib":"%s","businessName":"Batik Pekalongan %s","ownerName":"%s","ownerNik":"%s",
                 "sector":"batik","province":"Jawa Tengah","regency":"Pekalongan","scale":"MICRO",
                 "contactPhone":"+62 285 123456","contactEmail":"owner@example.id"}""".formatted(nib, nib, ownerName, nik));
        assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
        return reply.json().get("memberId").asText();
    }

    private static String ownerName(Http officer, String memberId) {
        return officer.get("/api/members/" + memberId).json().get("ownerName").asText();
    }

    private static JsonNode awaitTask(Http officer, String memberId) {
        List<JsonNode> found = new ArrayList<>();
        await().atMost(Duration.ofSeconds(60)).until(() -> {
            found.clear();
            officer.get(HttpWalk.tasksAbout(memberId, "user_verify_documents"))
                    .json()
                    .get("items")
                    .forEach(found::add);
            return found.size() == 1;
        });
        return found.get(0);
    }

    /** Every projection and bridge at the head of the event store. */
    private static void awaitCaughtUp(int port) {
        Http admin = Http.as(port, "admin", PASSWORD);
        await().atMost(Duration.ofSeconds(90)).until(() -> {
            JsonNode processors = admin.get("/api/admin/projections").json();
            for (JsonNode processor : processors) {
                if (processor.get("percentage").asInt() < 100
                        || processor.get("replaying").asBoolean()) {
                    return false;
                }
            }
            return processors.size() > 0;
        });
    }

    private static List<String> erasureLines(Path directory) throws IOException {
        List<String> lines = new ArrayList<>();
        try (Stream<Path> files = Files.list(directory)) {
            for (Path file : files.toList()) {
                lines.addAll(Files.readAllLines(file));
            }
        }
        return lines;
    }

    // --- servers in child JVMs, started as a user starts them ---

    @AfterEach
    void stopEverything() throws Exception {
        servers.close();
    }

    /** A server on its own embedded PostgreSQL at a known port (to back it up) and the shared erasure list. */
    private Process startServer(Path dataDir, int dbPort, Path erasures, String name, Map<String, String> extra)
            throws IOException {
        Map<String, String> environment = new HashMap<>(extra);
        environment.put("FS_EMBEDDED_DB_PORT", Integer.toString(dbPort));
        environment.put("FS_ERASURE_DIR", erasures.toString());
        return servers.start(name, dataDir, environment);
    }

    private static String jdbcUrl(int dbPort) {
        return "jdbc:postgresql://localhost:" + dbPort + "/postgres";
    }
}
