package org.factorysharing.systemtests;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Reads every file of a database's data directory (tables, indexes, WAL) for values in clear, as UTF-8 bytes (how
 * PostgreSQL stores text): what is at rest, whatever the database would answer to a query.
 */
public final class DataDirectoryScan {

    /** A value found in clear in a file, named relative to the data directory. */
    public record Occurrence(String file, String value) {

        @Override
        public String toString() {
            return file + ": " + value;
        }
    }

    private DataDirectoryScan() {}

    public static List<Occurrence> occurrences(Path directory, List<String> values) throws IOException {
        List<byte[]> needles =
                values.stream().map(v -> v.getBytes(StandardCharsets.UTF_8)).toList();
        List<Occurrence> found = new ArrayList<>();
        try (Stream<Path> files = Files.walk(directory)) {
            files.filter(Files::isRegularFile).forEach(file -> {
                byte[] bytes = read(file);
                for (int i = 0; i < needles.size(); i++) {
                    if (contains(bytes, needles.get(i))) {
                        found.add(new Occurrence(directory.relativize(file).toString(), values.get(i)));
                    }
                }
            });
        }
        return found;
    }

    private static byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            if (!Files.exists(file)) {
                return new byte[0]; // a temporary file PostgreSQL removed meanwhile
            }
            throw new UncheckedIOException(e);
        }
    }

    private static boolean contains(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }
}
