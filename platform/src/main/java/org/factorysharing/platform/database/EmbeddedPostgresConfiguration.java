package org.factorysharing.platform.database;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.File;
import java.io.IOException;
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
                .setPGStartupWait(Duration.ofSeconds(60))
                // durable by default (the zonky defaults trade durability for test speed)
                .setServerConfig("fsync", "on")
                .setServerConfig("synchronous_commit", "on")
                .setServerConfig("full_page_writes", "on")
                .setServerConfig("max_connections", "100");
        if (port > 0) {
            builder.setPort(port);
        }
        EmbeddedPostgres postgres = builder.start();
        log.info(
                "Embedded PostgreSQL {} on port {}, data in {}",
                fresh ? "initialised" : "reopened",
                postgres.getPort(),
                directory);
        return postgres;
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
