package org.factorysharing.benchmark;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.sql.DataSource;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.messaging.StreamableMessageSource;
import org.axonframework.serialization.Serializer;
import org.factorysharing.audit.chain.EventChainLinker;
import org.factorysharing.benchmark.LoadRun.Result;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * What users feel, measured on the whole server on PostgreSQL; prints one table and writes the same figures as CSV.
 * Asserts nothing (timings belong in a report, not in the test suite). Scenarios (--scenarios, in this order):
 *
 * <ul>
 *   <li>raw: the rows one registration writes, by hand over JDBC, with and without the hash chain (every ratio's
 *       reference), RegisterMember through the command gateway with the processors stopped (the command side), and
 *       onboarding processes started through the engine alone ({@link OnboardingStarts});
 *   <li>http-registration: POST /api/members over HTTP on the whole server at steady state ({@link
 *       HttpRegistrationScenario});
 *   <li>job-lifecycle: a production job end to end over HTTP through the task API ({@link JobLifecycleScenario});
 *   <li>replay: the member directory replayed on a small store and on a million events, and a no-op replay
 *       ({@link ReplayScenario});
 *   <li>big-store: append and audit-log pages at ten thousand and at ten million events ({@link BigStoreScenario});
 *   <li>booking (not by default): machine-time bookings on 10 factories, fresh and with 10,000 reservations each;
 *   <li>basic-auth (not by default): what HTTP Basic costs with and without the credential cache;
 *   <li>two-nodes (not by default): two nodes on one PostgreSQL under more load than the machine takes: parked healthy
 *       events, onboarding processes per member, time to catch up ({@link TwoNodesScenario}).
 * </ul>
 *
 * <p>Options: --seconds=15 --warmup=5 --jit-warmup=240 --clients=1,8 --job-clients=8,32 --job-poll-ms=20
 * --job-factories=1 --replay-events=1000000 --big-store-events=10000000 --scenarios=...
 * --csv=target/benchmark-&lt;time&gt;.csv --reservations=10000. Each scenario group runs on a fresh embedded
 * PostgreSQL in a temporary directory; with FS_DB_URL set and --allow-external-database it runs on that database
 * instead and leaves its data there (use a scratch database).
 */
public final class Benchmark {

    static final String DEFAULT_SCENARIOS = "raw,http-registration,job-lifecycle,replay,big-store";

    private Benchmark() {}

    public static void main(String[] args) throws Exception {
        Map<String, String> options = options(args);
        Duration measure = Duration.ofSeconds(Long.parseLong(options.getOrDefault("seconds", "15")));
        Duration warmup = Duration.ofSeconds(Long.parseLong(options.getOrDefault("warmup", "5")));
        Duration jitWarmup = Duration.ofSeconds(Long.parseLong(options.getOrDefault("jit-warmup", "240")));
        List<String> scenarios =
                List.of(options.getOrDefault("scenarios", DEFAULT_SCENARIOS).split(","));
        List<Integer> clientCounts = numbers(options.getOrDefault("clients", "1,8"));
        List<Integer> jobClients = numbers(options.getOrDefault("job-clients", "8,32"));
        Duration jobPoll = Duration.ofMillis(Long.parseLong(options.getOrDefault("job-poll-ms", "20")));
        int jobFactories = Integer.parseInt(options.getOrDefault("job-factories", "1"));
        if (jobFactories < 1) {
            throw new IllegalArgumentException("--job-factories must be 1 or more");
        }
        int reservations = Integer.parseInt(options.getOrDefault("reservations", "10000"));
        long replayEvents = Long.parseLong(options.getOrDefault("replay-events", "1000000"));
        long bigStoreEvents = Long.parseLong(options.getOrDefault("big-store-events", "10000000"));
        Path csv = Path.of(options.getOrDefault(
                "csv",
                "target/benchmark-" + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"))
                        + ".csv"));

        boolean external = System.getenv("FS_DB_URL") != null
                && !System.getenv("FS_DB_URL").isBlank();
        if (external && !options.containsKey("allow-external-database")) {
            System.err.println("FS_DB_URL is set: the benchmark writes millions of test events and raw rows into"
                    + " that database. Point it at a scratch database and add --allow-external-database.");
            System.exit(2);
        }
        System.out.printf(
                "factory-sharing benchmark: %d cores, max heap %d MB, %ss per run, scenarios %s%n",
                Runtime.getRuntime().availableProcessors(),
                Runtime.getRuntime().maxMemory() >> 20,
                measure.toSeconds(),
                scenarios);
        Report report = new Report();
        Map<Integer, Double> raw = new HashMap<>();
        if (scenarios.contains("raw")
                || scenarios.contains("http-registration")
                || scenarios.contains("job-lifecycle")) {
            try (Server server = new Server()) {
                if (scenarios.contains("raw") || scenarios.contains("http-registration")) {
                    raw(server, report, raw, measure, warmup, clientCounts);
                }
                if (scenarios.contains("http-registration")) {
                    new HttpRegistrationScenario(server, report, measure, warmup, jitWarmup, clientCounts, raw::get)
                            .execute();
                }
                if (scenarios.contains("job-lifecycle")) {
                    new JobLifecycleScenario(server, report, measure, warmup, jobClients, jobPoll, jobFactories)
                            .execute();
                }
                heap(report, "raw, HTTP registration and jobs");
            }
        }
        if (scenarios.contains("replay")) {
            try (Server server = new Server()) {
                new ReplayScenario(server, report, 1_000, replayEvents).execute();
                heap(report, "replay");
            }
        }
        if (scenarios.contains("big-store")) {
            try (Server server = new Server()) {
                new BigStoreScenario(server, report, measure, 2_000, bigStoreEvents).execute();
                heap(report, "big store");
            }
        }
        if (scenarios.contains("booking")) {
            try (Server server = new Server()) {
                new Booking(server.context, measure, warmup, clientCounts, reservations).execute();
            }
        }
        if (scenarios.contains("two-nodes")) {
            new TwoNodesScenario(report, Duration.ofSeconds(Math.max(60, measure.toSeconds())), benchmarkJar())
                    .execute();
        }
        if (scenarios.contains("basic-auth")) {
            // it starts two servers of its own, one after the other
            new BasicAuthScenario(measure, warmup).execute();
        }
        report.print();
        report.writeCsv(csv);
        // Axon's dead-letter janitor thread is not a daemon; the figures are printed, so end here
        System.exit(0);
    }

    /**
     * The jar this benchmark runs from: the nodes start from it as an operator starts the server. Inside a Spring Boot
     * jar a class's code source is a nested URL, so the launcher's class path names the jar.
     */
    private static Path benchmarkJar() {
        String classPath = System.getProperty("java.class.path");
        if (classPath == null || classPath.contains(java.io.File.pathSeparator) || !classPath.endsWith(".jar")) {
            throw new IllegalStateException("the two-nodes scenario starts its nodes from the benchmark jar: run it"
                    + " as java -jar benchmark/target/factory-sharing-benchmark.jar (class path here: " + classPath
                    + ")");
        }
        return Path.of(classPath).toAbsolutePath();
    }

    /**
     * The raw JDBC baseline without and with the hash chain, and RegisterMember on the command side, at each client
     * count; the processors are stopped meanwhile (they would apply the raw rows) and restarted at the head after.
     */
    private static void raw(
            Server server,
            Report report,
            Map<Integer, Double> reference,
            Duration measure,
            Duration warmup,
            List<Integer> clientCounts)
            throws Exception {
        CommandGateway commands = server.bean(CommandGateway.class);
        DataSource dataSource = server.dataSource();
        Serializer serializer = server.context.getBean("eventSerializer", Serializer.class);
        EventProcessingConfiguration processing = server.bean(EventProcessingConfiguration.class);
        RawBaseline rows = new RawBaseline(dataSource, serializer);
        EventChainLinker linker = server.bean(EventChainLinker.class);
        OnboardingStarts onboardingStarts = new OnboardingStarts(server);

        processing.eventProcessors().values().forEach(EventProcessor::shutDown);
        LoadRun.run("warm-up", 8, warmup, (c, s) -> commands.sendAndWait(Members.registration()));
        LoadRun.run("warm-up-raw", 8, warmup, (c, s) -> rows.insert());
        for (int clients : clientCounts) {
            linker.linkNow();
            linker.pause();
            Result base = LoadRun.run("raw JDBC, rows only", clients, measure, (c, s) -> rows.insert());
            linker.resume();
            linker.linkNow();
            reference.put(clients, base.perSecond());
            report.add(base, "tx/s", null, "event row + NIB claim, one transaction each, chain linker paused");
            Result chained = LoadRun.run("raw JDBC + hash chain", clients, measure, (c, s) -> rows.insert());
            report.add(
                    chained,
                    "tx/s",
                    chained.perSecond() / base.perSecond(),
                    String.format(
                            Locale.ROOT,
                            "the chain costs %.0f%% of the raw rate",
                            100 * (1 - chained.perSecond() / base.perSecond())));
            linker.linkNow();
            Result command = LoadRun.run(
                    "RegisterMember, command side",
                    clients,
                    measure,
                    (c, s) -> commands.sendAndWait(Members.registration()));
            report.add(command, "commands/s", command.perSecond() / base.perSecond(), "processors stopped");
            Result onboarding = LoadRun.run(
                            "onboarding process start, engine alone",
                            clients,
                            measure,
                            (c, s) -> onboardingStarts.startBatch())
                    .scaled(OnboardingStarts.BATCH);
            report.add(
                    onboarding,
                    "processes/s",
                    onboarding.perSecond() / base.perSecond(),
                    "what the onboarding bridge does per registration; " + OnboardingStarts.BATCH
                            + " per transaction as it batches them (p50/p99 per transaction); processors stopped");
        }
        // the whole server again, from the head: the raw rows and the runs above are not the next scenarios' work
        processing.eventProcessors().values().forEach(processor -> {
            if (processor instanceof StreamingEventProcessor streaming) {
                streaming.resetTokens(StreamableMessageSource::createHeadToken);
            }
            processor.start();
        });
    }

    private static void heap(Report report, String what) {
        System.gc();
        report.add(new Report.Row(
                "heap peak, server for " + what,
                0,
                Server.peakHeapMegabytes(),
                "MB",
                null,
                null,
                null,
                "most heap in use at once (sampled every 100 ms); max heap "
                        + (Runtime.getRuntime().maxMemory() >> 20)
                        + " MB"));
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

    private static double ms(long nanos) {
        return nanos / 1e6;
    }

    private static List<Integer> numbers(String list) {
        List<Integer> numbers = new ArrayList<>();
        for (String n : list.split(",")) {
            numbers.add(Integer.parseInt(n.trim()));
        }
        return numbers;
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
