package org.factorysharing.benchmark;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.StreamableMessageSource;
import org.axonframework.serialization.Serializer;
import org.factorysharing.api.member.BusinessScale;
import org.factorysharing.api.member.MemberCommands.RegisterMember;
import org.factorysharing.api.member.MemberEvent.MemberRegistered;
import org.factorysharing.api.member.MemberId;
import org.factorysharing.benchmark.LoadRun.Result;
import org.factorysharing.server.FactorySharingApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Registration throughput of the whole server on PostgreSQL, next to a raw JDBC baseline that writes the
 * same rows (the event row and the NIB claim) by hand, one transaction each. Prints its figures; asserts
 * nothing (timings belong in a report, not in the test suite).
 *
 * <p>A second scenario books machine time on 10 commissioned factories, before and after each holds 10,000
 * reservations (see {@link BookingScenario}).
 *
 * <p>A third measures what HTTP Basic costs per request with and without the verified-credential cache (see
 * {@link BasicAuthScenario}).
 *
 * <p>Options: --seconds=15 (per measurement) --warmup=5 --clients=1,8 --scenarios=booking,registration,basic-auth
 * --reservations=10000 (per factory, for the booking scenario). It runs on a fresh embedded
 * PostgreSQL in a temporary directory; with FS_DB_URL set and --allow-external-database it runs on that
 * database instead and leaves its test members and raw rows there (use a scratch database).
 */
public final class Benchmark {

    private static final AtomicLong NIBS =
            new AtomicLong(1_000_000_000_000L + ThreadLocalRandom.current().nextLong(1_000_000_000_000L));

    private Benchmark() {}

    public static void main(String[] args) throws Exception {
        Map<String, String> options = options(args);
        Duration measure = Duration.ofSeconds(Long.parseLong(options.getOrDefault("seconds", "15")));
        Duration warmup = Duration.ofSeconds(Long.parseLong(options.getOrDefault("warmup", "5")));
        List<String> scenarios = List.of(options.getOrDefault("scenarios", "booking,registration,basic-auth")
                .split(","));
        int reservations = Integer.parseInt(options.getOrDefault("reservations", "10000"));
        List<Integer> clientCounts = new ArrayList<>();
        for (String n : options.getOrDefault("clients", "1,8").split(",")) {
            clientCounts.add(Integer.parseInt(n.trim()));
        }

        boolean external = System.getenv("FS_DB_URL") != null
                && !System.getenv("FS_DB_URL").isBlank();
        if (external && !options.containsKey("allow-external-database")) {
            System.err.println("FS_DB_URL is set: the benchmark writes thousands of test members and raw rows into"
                    + " that database. Point it at a scratch database and add --allow-external-database.");
            System.exit(2);
        }
        if (scenarios.contains("booking") || scenarios.contains("registration")) {
            Path dataDir = Files.createTempDirectory("factory-sharing-benchmark");
            // arguments, not builder properties: those are defaults that application.yml would override
            ConfigurableApplicationContext context = new SpringApplicationBuilder(FactorySharingApplication.class)
                    .run(
                            "--fs.embedded-db.data-dir=" + dataDir,
                            "--fs.embedded-db.clean=true",
                            "--fs.demo-users.enabled=false",
                            "--server.port=0",
                            "--logging.level.root=WARN",
                            "--spring.main.banner-mode=off");
            try {
                if (scenarios.contains("booking")) {
                    new Benchmark.Booking(context, measure, warmup, clientCounts, reservations).execute();
                }
                if (scenarios.contains("registration")) {
                    new Benchmark.Run(context, measure, warmup, clientCounts).execute();
                }
            } finally {
                context.close();
            }
        }
        if (scenarios.contains("basic-auth")) {
            // after the others: it starts two servers of its own, one after the other
            new BasicAuthScenario(measure, warmup).execute();
        }
        // Axon's dead-letter janitor thread is not a daemon; the figures are printed, so end here
        System.exit(0);
    }

    /** Bookings/s and latency on 10 factories, before and after each carries a year of reservations. */
    private record Booking(
            ConfigurableApplicationContext context,
            Duration measure,
            Duration warmup,
            List<Integer> clientCounts,
            int reservations) {

        void execute() throws Exception {
            CommandGateway commands = context.getBean(CommandGateway.class);
            // the command side alone, as in the registration runs
            context.getBean(EventProcessingConfiguration.class)
                    .eventProcessors()
                    .values()
                    .forEach(EventProcessor::shutDown);
            BookingScenario booking = new BookingScenario(commands);
            booking.commissionFactories(10);
            System.out.printf(
                    "%nbooking: 10 commissioned factories, 8 machines of 24 h/day each, %ss per run%n",
                    measure.toSeconds());
            LoadRun.run("warm-up", 8, warmup, (c, s) -> booking.book());
            List<Result> results = new ArrayList<>();
            for (int clients : clientCounts) {
                results.add(LoadRun.run("ReserveMachineTime, fresh", clients, measure, (c, s) -> booking.book()));
            }
            Result fill = booking.fill(reservations, 8);
            results.add(fill);
            for (int clients : clientCounts) {
                results.add(LoadRun.run(
                        "ReserveMachineTime, " + reservations + "+ held", clients, measure, (c, s) -> booking.book()));
            }
            System.out.printf(
                    "%n%-32s %7s %11s %9s %9s %9s %8s%n",
                    "scenario", "clients", "bookings/s", "p50 ms", "p99 ms", "max ms", "errors");
            for (Result r : results) {
                System.out.printf(
                        Locale.ROOT,
                        "%-32s %7d %11.0f %9.3f %9.3f %9.2f %8d%n",
                        r.name(),
                        r.clients(),
                        r.perSecond(),
                        ms(r.p50Nanos()),
                        ms(r.p99Nanos()),
                        ms(r.maxNanos()),
                        r.errors());
            }
            System.out.printf("bookings refused for lack of capacity: %d (expected 0)%n", booking.rejected());
            System.out.println("target: p99 at 1 client < 10 ms with " + reservations + " reservations per factory");
        }
    }

    private record Run(
            ConfigurableApplicationContext context, Duration measure, Duration warmup, List<Integer> clientCounts) {

        void execute() throws Exception {
            CommandGateway commands = context.getBean(CommandGateway.class);
            DataSource dataSource = context.getBean(DataSource.class);
            Serializer serializer = context.getBean("eventSerializer", Serializer.class);
            EventProcessingConfiguration processing = context.getBean(EventProcessingConfiguration.class);
            RawInsert raw = new RawInsert(dataSource, serializer);

            System.out.printf(
                    "%nfactory-sharing benchmark: %s, %d cores, max heap %d MB, %ss per run%n",
                    database(dataSource),
                    Runtime.getRuntime().availableProcessors(),
                    Runtime.getRuntime().maxMemory() >> 20,
                    measure.toSeconds());

            // command side alone: the projections and the onboarding bridge would otherwise share the 2 cores
            processing.eventProcessors().values().forEach(EventProcessor::shutDown);
            LoadRun.run("warm-up", 8, warmup, (c, s) -> commands.sendAndWait(registration()));
            LoadRun.run("warm-up-raw", 8, warmup, (c, s) -> raw.insert());

            List<Result> results = new ArrayList<>();
            Map<Result, Long> events = new HashMap<>();
            Map<Integer, Result> baseline = new HashMap<>();
            for (int clients : clientCounts) {
                Result base = measured(
                        events,
                        dataSource,
                        () -> LoadRun.run("raw JDBC baseline", clients, measure, (c, s) -> raw.insert()));
                baseline.put(clients, base);
                results.add(base);
                results.add(measured(
                        events,
                        dataSource,
                        () -> LoadRun.run(
                                "RegisterMember (command side)",
                                clients,
                                measure,
                                (c, s) -> commands.sendAndWait(registration()))));
            }
            // the whole server: the streaming processors update the directory and start an onboarding
            // process per member. They start at the head of the stream, so they work on this run's
            // registrations, not on the backlog of the runs above.
            processing.eventProcessors().values().forEach(processor -> {
                if (processor instanceof StreamingEventProcessor streaming) {
                    streaming.resetTokens(StreamableMessageSource::createHeadToken);
                }
                processor.start();
            });
            int most = clientCounts.get(clientCounts.size() - 1);
            results.add(measured(
                    events,
                    dataSource,
                    () -> LoadRun.run(
                            "RegisterMember (whole server)",
                            most,
                            measure,
                            (c, s) -> commands.sendAndWait(registration()))));

            System.out.printf(
                    "%n%-32s %7s %11s %10s %9s %9s %9s %8s %7s%n",
                    "scenario", "clients", "commands/s", "events/s", "p50 ms", "p99 ms", "max ms", "errors", "vs raw");
            for (Result r : results) {
                boolean isRaw = r.name().startsWith("raw");
                Result base = baseline.get(r.clients());
                System.out.printf(
                        Locale.ROOT,
                        "%-32s %7d %11.0f %10.0f %9.3f %9.3f %9.2f %8d %7s%n",
                        r.name(),
                        r.clients(),
                        r.perSecond(),
                        events.get(r) / r.seconds(),
                        ms(r.p50Nanos()),
                        ms(r.p99Nanos()),
                        ms(r.maxNanos()),
                        r.errors(),
                        isRaw || base == null
                                ? ""
                                : String.format(Locale.ROOT, "%.2fx", r.perSecond() / base.perSecond()));
            }
            System.gc();
            long usedAfterGc =
                    ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
            long peak = ManagementFactory.getMemoryPoolMXBeans().stream()
                    .filter(pool -> pool.getType() == MemoryType.HEAP)
                    .mapToLong(pool -> pool.getPeakUsage().getUsed())
                    .sum();
            System.out.printf(
                    "%nheap: %d MB used after GC, %d MB peak (sum of pool peaks), %d MB max%n",
                    usedAfterGc >> 20, peak >> 20, Runtime.getRuntime().maxMemory() >> 20);
            System.out.println("targets: 8 clients >= 0.50x raw, p99 at 1 client < 5 ms, heap < 512 MB");
        }
    }

    interface Measurement {
        Result run() throws Exception;
    }

    /** Runs a measurement and records how many event rows it added to the store. */
    private static Result measured(Map<Result, Long> events, DataSource dataSource, Measurement measurement)
            throws Exception {
        long before = eventRows(dataSource);
        Result result = measurement.run();
        events.put(result, eventRows(dataSource) - before);
        return result;
    }

    private static long eventRows(DataSource dataSource) throws Exception {
        try (Connection connection = dataSource.getConnection();
                var statement = connection.createStatement();
                var rows = statement.executeQuery("SELECT count(*) FROM domain_event_entry")) {
            rows.next();
            return rows.getLong(1);
        }
    }

    /** The rows one registration writes, inserted by hand with the same serialized payload size. */
    private static final class RawInsert {

        private final DataSource dataSource;
        private final byte[] payload;
        private final byte[] metaData;
        private final String payloadType = MemberRegistered.class.getName();

        RawInsert(DataSource dataSource, Serializer serializer) {
            this.dataSource = dataSource;
            MemberRegistered sample = new MemberRegistered(
                    MemberId.newId(),
                    "1234567890123",
                    "Kelapa Jaya Mandiri",
                    "Budi Santoso",
                    "7171010101010001",
                    "coconut",
                    "Sulawesi Utara",
                    "Minahasa",
                    BusinessScale.MICRO,
                    "+62 812 0000 1111",
                    "budi@example.id");
            this.payload = serializer.serialize(sample, byte[].class).getData();
            this.metaData = serializer
                    .serialize(
                            MetaData.with("correlationId", UUID.randomUUID().toString())
                                    .and("traceId", UUID.randomUUID().toString()),
                            byte[].class)
                    .getData();
        }

        void insert() throws Exception {
            String memberId = UUID.randomUUID().toString();
            try (Connection connection = dataSource.getConnection()) {
                connection.setAutoCommit(false);
                try (PreparedStatement claim = connection.prepareStatement(
                                "INSERT INTO member_nib_claim (nib, member_id, claimed_at) VALUES (?, ?, now()) "
                                        + "ON CONFLICT (nib) DO NOTHING");
                        PreparedStatement event = connection.prepareStatement(
                                "INSERT INTO domain_event_entry (event_identifier, aggregate_identifier, sequence_number, "
                                        + "type, time_stamp, payload_type, payload_revision, payload, meta_data) "
                                        + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                    claim.setString(1, Long.toString(NIBS.incrementAndGet()));
                    claim.setString(2, memberId);
                    claim.executeUpdate();
                    event.setString(1, UUID.randomUUID().toString());
                    event.setString(2, memberId);
                    event.setLong(3, 0);
                    event.setString(4, "RawBaseline");
                    event.setString(5, Instant.now().toString());
                    event.setString(6, payloadType);
                    event.setString(7, "1");
                    event.setBytes(8, payload);
                    event.setBytes(9, metaData);
                    event.executeUpdate();
                    connection.commit();
                } catch (Exception e) {
                    connection.rollback();
                    throw e;
                }
            }
        }
    }

    private static RegisterMember registration() {
        String nib = Long.toString(NIBS.incrementAndGet());
        return new RegisterMember(
                MemberId.newId(),
                nib,
                "Kelapa Jaya Mandiri",
                "Budi Santoso",
                "7171010101010001",
                "coconut",
                "Sulawesi Utara",
                "Minahasa",
                BusinessScale.MICRO,
                "+62 812 0000 1111",
                "budi@example.id",
                null);
    }

    private static String database(DataSource dataSource) throws Exception {
        try (Connection connection = dataSource.getConnection()) {
            var meta = connection.getMetaData();
            return meta.getDatabaseProductName() + " " + meta.getDatabaseProductVersion() + " at " + meta.getURL();
        }
    }

    private static double ms(long nanos) {
        return nanos / 1e6;
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> options = new HashMap<>();
        for (String arg : args) {
            if (arg.startsWith("--") && arg.contains("=")) {
                options.put(arg.substring(2, arg.indexOf('=')), arg.substring(arg.indexOf('=') + 1));
            } else if (arg.startsWith("--")) {
                options.put(arg.substring(2), "true");
            }
        }
        return options;
    }
}
