package org.factorysharing.platform.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import io.zonky.test.db.postgres.util.LinuxUtils;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the embedded server does with a data directory a killed server left behind. */
class StalePostmasterTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(20);

    @TempDir
    Path temp;

    private final List<ProcessHandle> started = new ArrayList<>();

    @AfterEach
    void stopWhatWasStarted() {
        for (ProcessHandle process : started) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
        }
    }

    @Test
    void aDirectoryNoServerUsedIsLeftAsItIs() throws IOException {
        Path dataDir = Files.createDirectory(temp.resolve("data"));

        StalePostmaster.clear(dataDir, TIMEOUT);

        assertThat(dataDir).isEmptyDirectory();
    }

    @Test
    void aPidFileOfAProcessThatIsGoneIsRemoved() throws Exception {
        Path dataDir = Files.createDirectory(temp.resolve("data"));
        Process ended = new ProcessBuilder("true").start();
        ended.waitFor();
        Path pidFile = writePidFile(dataDir, ended.pid(), dataDir);

        StalePostmaster.clear(dataDir, TIMEOUT);

        assertThat(pidFile).doesNotExist();
    }

    @Test
    void aPidFileNamingThisJvmIsRemovedAndTheJvmLeftAlone() throws Exception {
        Path dataDir = Files.createDirectory(temp.resolve("data"));
        Path pidFile = writePidFile(dataDir, ProcessHandle.current().pid(), dataDir);

        StalePostmaster.clear(dataDir, TIMEOUT);

        assertThat(pidFile).doesNotExist();
    }

    @Test
    void aPidFileNamingAnotherRunningProgramIsRemovedAndTheProgramLeftAlone() throws Exception {
        Path dataDir = Files.createDirectory(temp.resolve("data"));
        ProcessHandle sleep = start("sleep", "60");
        Path pidFile = writePidFile(dataDir, sleep.pid(), dataDir);

        StalePostmaster.clear(dataDir, TIMEOUT);

        assertThat(pidFile).doesNotExist();
        assertThat(sleep.isAlive()).isTrue();
    }

    @Test
    void aPidFileNamingAPostgresOnAnotherDirectoryIsRemovedAndThatPostgresLeftAlone() throws Exception {
        Path dataDir = Files.createDirectory(temp.resolve("data"));
        Path other = Files.createDirectory(temp.resolve("other"));
        ProcessHandle postgres = fakePostgres(other, false);
        Path pidFile = writePidFile(dataDir, postgres.pid(), dataDir);

        StalePostmaster.clear(dataDir, TIMEOUT);

        assertThat(pidFile).doesNotExist();
        assertThat(postgres.isAlive()).isTrue();
    }

    @Test
    void aPostgresStillRunningOnTheDirectoryIsStopped() throws Exception {
        Path dataDir = Files.createDirectory(temp.resolve("data"));
        // no pg_ctl next to it: stopped with SIGTERM
        ProcessHandle postgres = fakePostgres(dataDir, false);
        Path pidFile = writePidFile(dataDir, postgres.pid(), dataDir);

        StalePostmaster.clear(dataDir, TIMEOUT);

        assertThat(postgres.isAlive()).isFalse();
        assertThat(pidFile).doesNotExist();
    }

    @Test
    void aPostgresThatDoesNotStopIsNamedInOneLineAndItsPidFileKept() throws Exception {
        Path dataDir = Files.createDirectory(temp.resolve("data"));
        ProcessHandle postgres = fakePostgres(dataDir, true);
        Path pidFile = writePidFile(dataDir, postgres.pid(), dataDir);

        assertThatThrownBy(() -> StalePostmaster.clear(dataDir, Duration.ofSeconds(1)))
                .isInstanceOf(EmbeddedDatabaseStartException.class)
                .hasMessageNotContaining("\n")
                .hasMessageContaining("data directory " + dataDir)
                .hasMessageContaining("(pid " + postgres.pid() + ")")
                .hasMessageContaining("kill " + postgres.pid());
        assertThat(postgres.isAlive()).isTrue();
        assertThat(pidFile).exists();
    }

    @Test
    void aDirectoryInUseByAnotherServerIsRefusedInOneLine() throws Exception {
        Path dataDir = Files.createDirectory(temp.resolve("data"));
        Path pidFile = writePidFile(dataDir, ProcessHandle.current().pid(), dataDir);
        try (FileChannel channel = FileChannel.open(
                        dataDir.resolve(StalePostmaster.LOCK_FILE),
                        StandardOpenOption.CREATE,
                        StandardOpenOption.WRITE);
                FileLock held = channel.lock()) {

            assertThatThrownBy(() -> StalePostmaster.clear(dataDir, TIMEOUT))
                    .isInstanceOf(EmbeddedDatabaseStartException.class)
                    .hasMessageNotContaining("\n")
                    .hasMessageContaining("data directory " + dataDir + " is in use by another running server")
                    .hasMessageContaining("(pid " + ProcessHandle.current().pid() + ")");
            assertThat(pidFile).exists();
        }
    }

    @Test
    void aRealPostgresLeftRunningOnTheDirectoryIsStoppedAndTheDirectoryStartsAgain() throws Exception {
        assumeTrue(Files.exists(Path.of("/proc/self/cmdline")), "Linux");
        Path dataDir = temp.resolve("data");
        // zonky unpacks the binaries and initialises the directory; its lock goes with close()
        Path bin;
        try (EmbeddedPostgres first = EmbeddedPostgres.builder()
                .setDataDirectory(dataDir)
                .setCleanDataDirectory(false)
                .setRegisterShutdownHook(false)
                .start()) {
            long pid = Long.parseLong(Files.readAllLines(dataDir.resolve(StalePostmaster.PID_FILE))
                    .get(0)
                    .trim());
            bin = Path.of(ProcessHandle.of(pid).orElseThrow().info().command().orElseThrow())
                    .getParent();
        }
        // a PostgreSQL as a killed server leaves it: running on the directory, nobody holding epg-lock
        List<String> command = new ArrayList<>();
        if (LinuxUtils.isUnshareAvailable()) {
            command.addAll(List.of("unshare", "-U"));
        }
        command.addAll(List.of(
                bin.resolve("pg_ctl").toString(),
                "-D",
                dataDir.toString(),
                "-l",
                temp.resolve("orphan.log").toString(),
                "-o",
                "-p " + freePort() + " -F",
                "-w",
                "start"));
        Process pgCtl = new ProcessBuilder(command).redirectErrorStream(true).start();
        assertThat(pgCtl.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(pgCtl.exitValue())
                .as(new String(pgCtl.getInputStream().readAllBytes()))
                .isZero();
        long pid = Long.parseLong(Files.readAllLines(dataDir.resolve(StalePostmaster.PID_FILE))
                .get(0)
                .trim());
        ProcessHandle orphan = ProcessHandle.of(pid).orElseThrow();
        started.add(orphan);

        StalePostmaster.clear(dataDir, TIMEOUT);

        assertThat(orphan.isAlive()).isFalse();
        assertThat(dataDir.resolve(StalePostmaster.PID_FILE)).doesNotExist();
        try (EmbeddedPostgres again = EmbeddedPostgres.builder()
                .setDataDirectory(dataDir)
                .setCleanDataDirectory(false)
                .setRegisterShutdownHook(false)
                .start()) {
            assertThat(again.getPostgresDatabase().getConnection().isValid(5)).isTrue();
        }
    }

    /** postmaster.pid as PostgreSQL writes it (the first lines). */
    private static Path writePidFile(Path dataDir, long pid, Path directoryLine) throws IOException {
        return Files.writeString(
                dataDir.resolve(StalePostmaster.PID_FILE),
                pid + "\n" + directoryLine + "\n1700000000\n54321\n/tmp\nlocalhost\n  1234567    12\nready   \n");
    }

    /**
     * A process that looks like a postmaster on {@code dataDir}: a shell under the name postgres, with
     * {@code -D dataDir} on its command line (no pg_ctl next to it).
     */
    private ProcessHandle fakePostgres(Path dataDir, boolean ignoresSigterm) throws IOException, InterruptedException {
        Path bin = Files.createDirectories(
                temp.resolve("fake-" + System.nanoTime()).resolve("bin"));
        Path postgres = Files.copy(Path.of("/bin/sh"), bin.resolve("postgres"));
        Files.setPosixFilePermissions(postgres, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path ready = bin.resolveSibling("ready");
        // "& wait": the shell stays the process (it would otherwise exec the last command)
        String onSigterm = ignoresSigterm ? "trap '' TERM" : "trap 'kill $!; exit 0' TERM";
        String script = "sleep 60 & " + onSigterm + "; : > '" + ready + "'; wait";
        ProcessHandle process = start(postgres.toString(), "-c", script, "-D", dataDir.toString());
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!Files.exists(ready) && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertThat(ready).as("the trap is set").exists();
        return process;
    }

    private ProcessHandle start(String... command) throws IOException {
        ProcessHandle process = new ProcessBuilder(command).start().toHandle();
        started.add(process);
        return process;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
