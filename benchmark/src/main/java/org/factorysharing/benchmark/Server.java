package org.factorysharing.benchmark;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import org.factorysharing.server.FactorySharingApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A whole server in this JVM on a fresh embedded PostgreSQL (or, with FS_DB_URL and --allow-external-database, on
 * that database), with the demo users under a random password, as a person would run it.
 */
final class Server implements AutoCloseable {

    final ConfigurableApplicationContext context;
    final String password = UUID.randomUUID().toString();
    final int port;

    /** The most heap in use at once, sampled every 100 ms while any server runs (pool peaks would overstate it). */
    private static final AtomicLong PEAK = new AtomicLong();

    static {
        Thread sampler = new Thread(
                () -> {
                    while (true) {
                        PEAK.accumulateAndGet(
                                ManagementFactory.getMemoryMXBean()
                                        .getHeapMemoryUsage()
                                        .getUsed(),
                                Math::max);
                        try {
                            Thread.sleep(100);
                        } catch (InterruptedException e) {
                            return;
                        }
                    }
                },
                "heap-sampler");
        sampler.setDaemon(true);
        sampler.start();
    }

    Server(String... extraArguments) throws Exception {
        System.gc();
        PEAK.set(0);
        List<String> arguments = new ArrayList<>(List.of(
                "--fs.embedded-db.data-dir=" + Files.createTempDirectory("factory-sharing-benchmark"),
                "--fs.embedded-db.clean=true",
                "--fs.demo-users.enabled=true",
                "--fs.demo-data.enabled=false",
                "--fs.demo-users.password=" + password,
                "--server.port=0",
                "--logging.level.root=WARN",
                "--spring.main.banner-mode=off"));
        arguments.addAll(List.of(extraArguments));
        // arguments, not builder properties: those are defaults that application.yml would override
        this.context =
                new SpringApplicationBuilder(FactorySharingApplication.class).run(arguments.toArray(String[]::new));
        this.port = Integer.parseInt(context.getEnvironment().getProperty("local.server.port"));
    }

    Api as(String user) {
        return new Api(port, user, password);
    }

    DataSource dataSource() {
        return context.getBean(DataSource.class);
    }

    <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    /** The most heap in use at once since this server started, in MB. */
    static long peakHeapMegabytes() {
        return PEAK.get() >> 20;
    }

    @Override
    public void close() {
        context.close();
    }
}
