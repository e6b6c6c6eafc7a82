package org.factorysharing.platform.database;

import static java.nio.charset.StandardCharsets.UTF_8;
import static java.nio.file.StandardOpenOption.CREATE;
import static java.nio.file.StandardOpenOption.WRITE;

import io.zonky.test.db.postgres.util.LinuxUtils;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a killed server leaves in the embedded data directory, cleared before the embedded PostgreSQL starts
 * on it. {@code pg_ctl start} runs PostgreSQL as a daemon: after {@code kill -9} of the server it keeps
 * running on the directory, and the next start would fail on its {@code postmaster.pid}. So, first:
 *
 * <ul>
 *   <li>zonky's {@code epg-lock} is held: another running server uses the directory: refused;
 *   <li>{@code postmaster.pid} names a running PostgreSQL on this directory ({@code -D} of its command line
 *       and the directory line of the file): left by a killed server, stopped with {@code pg_ctl} from its
 *       own binaries (SIGTERM if that does not do it); refused if it does not stop in time;
 *   <li>it names a process that is gone, or one that is not a PostgreSQL on this directory (the pid was
 *       reused): the file is stale and removed, the process left alone;
 *   <li>it names a running process that cannot be identified: refused (the pid file of a running PostgreSQL
 *       is never deleted).
 * </ul>
 *
 * Refusals are {@link EmbeddedDatabaseStartException}s: one line of what was found, one of what to do.
 */
final class StalePostmaster {

    static final String PID_FILE = "postmaster.pid";
    /** zonky's lock, held by the server for as long as its PostgreSQL runs (released when the JVM dies). */
    static final String LOCK_FILE = "epg-lock";

    private static final Logger log = LoggerFactory.getLogger(StalePostmaster.class);
    private static final Duration GRACE = Duration.ofSeconds(5);
    // a lock in /proc/locks: "1: POSIX  ADVISORY  WRITE 4711 08:01:1234567 0 EOF" (waiters have "->")
    private static final Pattern PROC_LOCK = Pattern.compile(
            "^\\d+:\\s+(?:POSIX|FLOCK|OFDLCK)\\s+\\S+\\s+\\S+\\s+(\\d+)\\s+\\p{XDigit}+:\\p{XDigit}+:(\\d+)\\s");

    enum Identity {
        /** The PostgreSQL of this data directory. */
        POSTMASTER,
        /** Some other process (or a PostgreSQL on another directory): the pid was reused. */
        OTHER,
        /** Running, but not recognisably either: no command line to read, no -D, or a pid file naming another directory. */
        UNKNOWN
    }

    private StalePostmaster() {}

    /**
     * Makes {@code dataDir} ready for the embedded PostgreSQL to start on, or throws an {@link
     * EmbeddedDatabaseStartException} saying why it cannot be. A no-op for a directory no server has used.
     *
     * @param dataDir the absolute data directory, as zonky is given it
     * @param timeout how long a PostgreSQL left running may take to stop
     */
    static void clear(Path dataDir, Duration timeout) throws IOException {
        Path lockFile = dataDir.resolve(LOCK_FILE);
        Path pidFile = dataDir.resolve(PID_FILE);
        if (!Files.exists(lockFile) && !Files.exists(pidFile)) {
            return;
        }
        // held while we look, so that two servers started at once do not both stop the same PostgreSQL;
        // released before zonky takes it
        try (FileChannel channel = FileChannel.open(lockFile, CREATE, WRITE)) {
            FileLock lock = tryLock(channel);
            if (lock == null) {
                OptionalLong holder = lockHolder(lockFile);
                throw new EmbeddedDatabaseStartException(
                        "Embedded PostgreSQL: data directory " + dataDir + " is in use by another running server"
                                + (holder.isPresent() ? " (pid " + holder.getAsLong() + ")." : "."),
                        "Stop that server first, or start this one with another data directory (FS_DATA_DIR).");
            }
            try {
                clearPidFile(dataDir, pidFile, timeout);
            } finally {
                lock.release();
            }
        }
    }

    private static FileLock tryLock(FileChannel channel) throws IOException {
        try {
            return channel.tryLock();
        } catch (OverlappingFileLockException heldInThisJvm) {
            return null;
        }
    }

    private static void clearPidFile(Path dataDir, Path pidFile, Duration timeout) throws IOException {
        if (!Files.exists(pidFile)) {
            return;
        }
        // lines: pid, data directory, start time, port, socket directory, listen address, shared memory, status
        List<String> lines = Arrays.asList(new String(Files.readAllBytes(pidFile), UTF_8).split("\n"));
        OptionalLong pid = pid(lines);
        if (pid.isEmpty()) {
            Files.deleteIfExists(pidFile);
            log.warn("Embedded PostgreSQL: removed {}, which named no process", pidFile);
            return;
        }
        Optional<ProcessHandle> process = ProcessHandle.of(pid.getAsLong()).filter(ProcessHandle::isAlive);
        if (process.isEmpty()) {
            Files.deleteIfExists(pidFile);
            log.warn(
                    "Embedded PostgreSQL: removed stale {}: its PostgreSQL (pid {}) is no longer running",
                    pidFile,
                    pid.getAsLong());
            return;
        }
        switch (identify(process.get(), dataDir, lines)) {
            case POSTMASTER -> stop(process.get(), dataDir, pidFile, timeout);
            case OTHER -> {
                Files.deleteIfExists(pidFile);
                log.warn(
                        "Embedded PostgreSQL: removed stale {}: pid {} is now another process ({}), left alone",
                        pidFile,
                        pid.getAsLong(),
                        describe(process.get()));
            }
            case UNKNOWN ->
                throw new EmbeddedDatabaseStartException(
                        "Embedded PostgreSQL: " + pidFile + " names pid " + pid.getAsLong()
                                + ", which is running but cannot be identified as a PostgreSQL on " + dataDir + ".",
                        "If it is one, stop it (kill " + pid.getAsLong() + "); if it is not, delete " + pidFile
                                + "; then start the server again.");
        }
    }

    private static OptionalLong pid(List<String> pidFileLines) {
        try {
            long pid = Long.parseLong(pidFileLines.get(0).trim());
            return pid > 0 ? OptionalLong.of(pid) : OptionalLong.empty();
        } catch (NumberFormatException e) {
            return OptionalLong.empty();
        }
    }

    /** Whether the running {@code process} is the PostgreSQL of {@code dataDir}, by its command line. */
    static Identity identify(ProcessHandle process, Path dataDir, List<String> pidFileLines) {
        List<String> commandLine = commandLine(process);
        if (commandLine.isEmpty()) {
            return Identity.UNKNOWN;
        }
        String program = process.info().command().orElse(commandLine.get(0));
        String name = program.substring(program.lastIndexOf('/') + 1);
        if (!name.equals("postgres") && !name.equals("postmaster")) {
            return Identity.OTHER;
        }
        int d = commandLine.indexOf("-D");
        if (d < 0 || d + 1 >= commandLine.size()) {
            return Identity.UNKNOWN; // its directory came from PGDATA
        }
        if (!sameFile(commandLine.get(d + 1), dataDir)) {
            return Identity.OTHER; // a PostgreSQL on another directory (e.g. one this directory was copied from)
        }
        boolean pidFileAgrees =
                pidFileLines.size() < 2 || sameFile(pidFileLines.get(1).trim(), dataDir);
        return pidFileAgrees ? Identity.POSTMASTER : Identity.UNKNOWN;
    }

    /** The process's arguments (the program first): /proc/pid/cmdline on Linux, else what the JDK sees. */
    private static List<String> commandLine(ProcessHandle process) {
        try {
            String cmdline =
                    new String(Files.readAllBytes(Path.of("/proc", Long.toString(process.pid()), "cmdline")), UTF_8);
            if (!cmdline.isEmpty()) {
                return Arrays.asList(cmdline.split("\0"));
            }
        } catch (IOException | SecurityException notLinuxOrNotAllowed) {
            // below
        }
        ProcessHandle.Info info = process.info();
        if (info.command().isEmpty() || info.arguments().isEmpty()) {
            return List.of();
        }
        List<String> commandLine = new ArrayList<>();
        commandLine.add(info.command().get());
        commandLine.addAll(Arrays.asList(info.arguments().get()));
        return commandLine;
    }

    private static boolean sameFile(String path, Path dataDir) {
        try {
            return !path.isEmpty() && Files.isSameFile(Path.of(path), dataDir);
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    private static String describe(ProcessHandle process) {
        List<String> commandLine = commandLine(process);
        return commandLine.isEmpty() ? "command unknown" : String.join(" ", commandLine);
    }

    private static void stop(ProcessHandle postmaster, Path dataDir, Path pidFile, Duration timeout)
            throws IOException {
        long pid = postmaster.pid();
        long deadline = System.nanoTime() + timeout.toNanos();
        log.warn(
                "Embedded PostgreSQL: pid {} is still running on {}, left by a server that was killed; stopping it",
                pid,
                dataDir);
        boolean stopped = false;
        Optional<Path> pgCtl = pgCtl(postmaster);
        if (pgCtl.isPresent()) {
            pgCtlStop(pgCtl.get(), dataDir, timeout);
            // pg_ctl returns once the pid file is gone; the process ends a moment later
            stopped = waitForExit(postmaster, Math.min(deadline, System.nanoTime() + GRACE.toNanos()));
        }
        if (!stopped) {
            // SIGTERM: a smart shutdown, which does not wait long: the killed server's sessions are gone
            log.warn(
                    "Embedded PostgreSQL: pid {} {}; sending it SIGTERM",
                    pid,
                    pgCtl.isPresent() ? "did not stop with pg_ctl" : "has no pg_ctl this server can run");
            postmaster.destroy();
            waitForExit(postmaster, Math.max(deadline, System.nanoTime() + GRACE.toNanos()));
        }
        if (postmaster.isAlive()) {
            throw new EmbeddedDatabaseStartException(
                    "Embedded PostgreSQL: data directory " + dataDir + " has a PostgreSQL (pid " + pid
                            + ") left running by a server that was killed, and it did not stop within "
                            + timeout.toSeconds() + " s.",
                    "Stop it (kill " + pid + "), then start the server again.");
        }
        // removed by PostgreSQL when it stops cleanly; what remains is stale
        Files.deleteIfExists(pidFile);
        log.warn("Embedded PostgreSQL: stopped pid {} on {}", pid, dataDir);
    }

    /** pg_ctl next to the running postgres binary: the same binaries that started it. */
    private static Optional<Path> pgCtl(ProcessHandle postmaster) {
        Optional<String> program = postmaster.info().command();
        if (program.isEmpty()) {
            List<String> commandLine = commandLine(postmaster);
            program = commandLine.isEmpty() ? Optional.empty() : Optional.of(commandLine.get(0));
        }
        return program.filter(p -> p.startsWith("/"))
                .map(p -> Path.of(p).resolveSibling("pg_ctl"))
                .filter(Files::isExecutable);
    }

    private static void pgCtlStop(Path pgCtl, Path dataDir, Duration timeout) throws IOException {
        List<String> command = new ArrayList<>();
        if (LinuxUtils.isUnshareAvailable()) {
            command.addAll(List.of("unshare", "-U")); // as zonky does: PostgreSQL refuses to run as root
        }
        command.addAll(List.of(
                pgCtl.toString(),
                "-D",
                dataDir.toString(),
                "stop",
                "-m",
                "fast",
                "-w",
                "-t",
                Long.toString(Math.max(1, timeout.toSeconds()))));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        try {
            // its few lines fit the pipe: read once it is done
            if (!process.waitFor(timeout.toSeconds() + 5, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                log.warn("Embedded PostgreSQL: {} did not finish", String.join(" ", command));
                return;
            }
            if (process.exitValue() != 0) {
                String output = new String(process.getInputStream().readAllBytes(), UTF_8).trim();
                log.warn(
                        "Embedded PostgreSQL: {} failed ({}): {}",
                        String.join(" ", command),
                        process.exitValue(),
                        output.replace('\n', ' '));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }

    /** Whether the process has ended by the deadline (a {@link System#nanoTime()}). */
    private static boolean waitForExit(ProcessHandle process, long deadline) {
        try {
            process.onExit().get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            return true;
        } catch (TimeoutException e) {
            return !process.isAlive();
        } catch (ExecutionException e) {
            return !process.isAlive();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return !process.isAlive();
        }
    }

    /** Which process holds a lock on the file, from /proc/locks (Linux); empty if that cannot be told. */
    static OptionalLong lockHolder(Path file) {
        try {
            Object inode = Files.getAttribute(file, "unix:ino");
            for (String line : Files.readAllLines(Path.of("/proc/locks"))) {
                Matcher lock = PROC_LOCK.matcher(line);
                if (lock.find() && lock.group(2).equals(inode.toString())) {
                    return OptionalLong.of(Long.parseLong(lock.group(1)));
                }
            }
        } catch (IOException | RuntimeException notLinux) {
            // unknown
        }
        return OptionalLong.empty();
    }
}
