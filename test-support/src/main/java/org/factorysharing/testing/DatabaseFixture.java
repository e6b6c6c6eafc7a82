package org.factorysharing.testing;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.UUID;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.xz.XZCompressorInputStream;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.io.ClassPathResource;

/**
 * Fixes the fresh test database's folder once per context, or starts a test server on a copy of a shipped database
 * instead of a fresh one: with {@code fs.test.database-fixture}
 * naming a classpath tar.xz of an embedded PostgreSQL data directory (one top folder), the archive is unpacked into
 * a new folder under target/ and the embedded database opens it as it is. The upgrade tests use a database made by
 * the previous release.
 */
public class DatabaseFixture implements EnvironmentPostProcessor {

    static final String FIXTURE = "fs.test.database-fixture";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        String fixture = environment.getProperty(FIXTURE);
        if (fixture == null || fixture.isBlank()) {
            // the test profile names a fresh folder with ${random.uuid}: fix it once, so that every reader (the
            // embedded database, a test reading its files) sees the same folder
            String dataDirectory = environment.getProperty("fs.embedded-db.data-dir");
            if (dataDirectory != null) {
                environment
                        .getPropertySources()
                        .addFirst(new MapPropertySource(
                                "fresh-test-database", Map.of("fs.embedded-db.data-dir", dataDirectory)));
            }
            return;
        }
        Path target =
                Path.of("target", "upgrade-db", UUID.randomUUID().toString()).toAbsolutePath();
        Path dataDirectory = unpack(fixture, target);
        environment
                .getPropertySources()
                .addFirst(new MapPropertySource(
                        "database-fixture",
                        Map.of("fs.embedded-db.data-dir", dataDirectory.toString(), "fs.embedded-db.clean", "false")));
    }

    static Path unpack(String resource, Path target) {
        try (InputStream in = new ClassPathResource(resource).getInputStream();
                TarArchiveInputStream tar =
                        new TarArchiveInputStream(new XZCompressorInputStream(new BufferedInputStream(in)))) {
            Path top = null;
            for (TarArchiveEntry entry = tar.getNextEntry(); entry != null; entry = tar.getNextEntry()) {
                Path path = target.resolve(entry.getName()).normalize();
                if (!path.startsWith(target)) {
                    throw new IOException("entry outside the target: " + entry.getName());
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(path);
                    if (top == null) {
                        top = path;
                    }
                } else {
                    Files.createDirectories(path.getParent());
                    Files.copy(tar, path);
                }
            }
            if (top == null) {
                throw new IOException(resource + " holds no folder");
            }
            // PostgreSQL opens only a data directory that nobody else may read
            Files.setPosixFilePermissions(top, PosixFilePermissions.fromString("rwx------"));
            return top;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot unpack the database fixture " + resource, e);
        }
    }
}
