package org.factorysharing.platform.database;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;

/**
 * The zero-setup default: a PostgreSQL 17 started from the binaries on the classpath, with its data
 * directory under {@code ./data} (kept across restarts). Not used when {@code FS_DB_URL} is set.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(EmbeddedDatabaseCondition.class)
class EmbeddedPostgresConfiguration {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresConfiguration.class);
    private static final Duration START_WAIT = Duration.ofSeconds(60);
    private static final Duration STOP_WAIT = Duration.ofSeconds(60);

    @Bean(destroyMethod = "close")
    EmbeddedPostgres embeddedPostgres(
            @Value("${fs.embedded-db.data-dir}") String dataDir,
            @Value("${fs.embedded-db.port}") int port,
            @Value("${fs.embedded-db.clean:false}") boolean clean)
            throws IOException {
        File directory = new File(dataDir).getAbsoluteFile();
        boolean fresh = clean || !new File(directory, "PG_VERSION").exists();
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setDataDirectory(directory)
                .setCleanDataDirectory(clean)
                // Spring stops it after everything that uses it; a JVM hook of its own would race the context
                .setRegisterShutdownHook(false)
                .setPGStartupWait(START_WAIT)
                // durable by default (the zonky defaults trade durability for test speed)
                .setServerConfig("fsync", "on")
                .setServerConfig("synchronous_commit", "on")
                .setServerConfig("full_page_writes", "on")
                .setServerConfig("max_connections", "100");
        // chosen here rather than by zonky, so that a failure can name it
        int pgPort = port > 0 ? port : freePort();
        builder.setPort(pgPort);
        // a PostgreSQL left running by a server that was killed (kill -9, the out-of-memory killer)
        StalePostmaster.clear(directory.toPath(), STOP_WAIT);
        EmbeddedPostgres postgres = start(builder, directory, pgPort);
        log.info(
                "Embedded PostgreSQL {} on port {}, data in {}",
                fresh ? "initialised" : "reopened",
                postgres.getPort(),
                directory);
        return postgres;
    }

    private static EmbeddedPostgres start(EmbeddedPostgres.Builder builder, File directory, int port)
            throws IOException {
        try {
            return builder.start();
        } catch (IOException e) {
            if (e.getMessage() == null || !e.getMessage().startsWith("Gave up waiting")) {
                throw e;
            }
            throw new EmbeddedDatabaseStartException(
                    "Embedded PostgreSQL on data directory " + directory + " did not answer on port " + port
                            + " within " + START_WAIT.toSeconds() + " s.",
                    "See PostgreSQL's own lines logged above (logger " + EmbeddedPostgres.class.getName()
                            + ", pg_ctl); check that port " + port
                            + " is free (FS_EMBEDDED_DB_PORT) and the disk is not full, then start again.",
                    e);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    @Bean
    @ConfigurationProperties("spring.datasource.hikari")
    HikariDataSource dataSource(EmbeddedPostgres postgres) {
        // not started here: spring.datasource.hikari.* is bound onto it before first use
        HikariDataSource dataSource = new HikariDataSource();
        dataSource.setJdbcUrl(postgres.getJdbcUrl("postgres", "postgres"));
        dataSource.setUsername("postgres");
        dataSource.setPassword("postgres");
        return dataSource;
    }

    /** Lets others ask which database this node runs on without knowing the condition. */
    @Bean
    DatabaseMode databaseMode(EmbeddedPostgres postgres) {
        return new DatabaseMode(true, postgres.getJdbcUrl("postgres", "postgres"));
    }
}
