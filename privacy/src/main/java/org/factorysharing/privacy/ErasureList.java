package org.factorysharing.privacy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Every forget, also outside the database: one line per forget ({@code <instant> TAB <memberId> TAB <eventId>}),
 * appended and forced to disk (fsync) before the forgetting transaction commits, in a directory that is not part of
 * the database backups. Each node writes its own file ({@code erasures-<host>.log}) and reads every node's, so a
 * restore of a backup taken before a forget can be made to forget again ({@link ErasureReplay}).
 *
 * <p>A line written for a forget whose transaction then fails is applied at the next start anyway: the list errs on
 * the side of forgetting what someone entitled asked to forget.
 */
final class ErasureList {

    /** One listed forget. */
    record Entry(Instant at, String memberId, String eventId) {}

    private final Path directory;
    private final Path file;

    ErasureList(Path directory) {
        this.directory = directory.toAbsolutePath().normalize();
        this.file = this.directory.resolve("erasures-" + host() + ".log");
    }

    Path directory() {
        return directory;
    }

    /** Appends the forget and returns once the line is on disk. */
    synchronized void append(String memberId, String eventId) {
        String line = Instant.now() + "\t" + memberId + "\t" + eventId + "\n";
        try {
            boolean created = !Files.exists(file);
            Files.createDirectories(directory);
            try (FileChannel channel = FileChannel.open(
                    file, StandardOpenOption.CREATE, StandardOpenOption.APPEND, StandardOpenOption.WRITE)) {
                ByteBuffer bytes = ByteBuffer.wrap(line.getBytes(StandardCharsets.UTF_8));
                while (bytes.hasRemaining()) {
                    channel.write(bytes);
                }
                channel.force(true);
            }
            if (created) {
                forceDirectory();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("the erasure list " + file + " cannot be written: the forget is refused", e);
        }
    }

    /** Every member id in every node's file, in the order first listed. */
    Set<String> memberIds() {
        Set<String> ids = new LinkedHashSet<>();
        if (!Files.isDirectory(directory)) {
            return ids;
        }
        try (Stream<Path> files = Files.list(directory)) {
            for (Path listed : files.filter(p -> p.getFileName().toString().endsWith(".log"))
                    .sorted()
                    .toList()) {
                for (String line : Files.readAllLines(listed, StandardCharsets.UTF_8)) {
                    String[] fields = line.split("\t");
                    if (fields.length >= 2 && !fields[1].isBlank()) {
                        ids.add(fields[1].strip());
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("the erasure list in " + directory + " cannot be read", e);
        }
        return ids;
    }

    /** The new file's name must survive a crash too. */
    private void forceDirectory() {
        try (FileChannel dir = FileChannel.open(directory, StandardOpenOption.READ)) {
            dir.force(true);
        } catch (IOException | UnsupportedOperationException e) {
            // some file systems cannot open a directory; the file itself is on disk
        }
    }

    private static String host() {
        try {
            return InetAddress.getLocalHost().getHostName().replaceAll("[^A-Za-z0-9._-]", "_");
        } catch (IOException e) {
            return "node";
        }
    }

    static List<String> lines(Path file) throws IOException {
        return Files.readAllLines(file, StandardCharsets.UTF_8);
    }
}
