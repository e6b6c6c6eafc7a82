package org.factorysharing.benchmark;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.serialization.Serializer;
import org.factorysharing.api.member.MemberCommands.RegisterMember;
import org.factorysharing.audit.chain.EventChainLinker;

/**
 * Whether the size of the store shows: the p99 of an append (RegisterMember on the command side, one client) and of
 * the auditors' log pages over HTTP (the newest page, one aggregate, a rare event type, one user), first with about
 * ten thousand events in the store and again with ten million (by default).
 */
final class BigStoreScenario {

    private final Server server;
    private final Report report;
    private final Duration measure;
    private final int members;
    private final long events;

    BigStoreScenario(Server server, Report report, Duration measure, int members, long events) {
        this.server = server;
        this.report = report;
        this.measure = measure;
        this.members = members;
        this.events = events;
    }

    void execute() throws Exception {
        CommandGateway commands = server.bean(CommandGateway.class);
        EventProcessingConfiguration processing = server.bean(EventProcessingConfiguration.class);
        DataSource dataSource = server.dataSource();

        List<String> ids = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger left = new AtomicInteger(members);
        LoadRun.run("registering members", 8, Duration.ofHours(1), (client, sequence) -> {
            if (left.decrementAndGet() < 0) {
                throw new LoadRun.Stop();
            }
            RegisterMember registration = Members.registration();
            commands.sendAndWait(registration);
            ids.add(registration.memberId().value());
        });
        try (Lag lag = new Lag(server)) {
            lag.drain(Duration.ofMinutes(5));
        }
        // the command side and the store alone from here: the processors would work through the filled events
        processing.eventProcessors().values().forEach(EventProcessor::shutDown);
        analyze(dataSource);
        long small = ReplayScenario.head(dataSource);
        List<Report.Row> before = measure(commands, ids.get(0), small);

        System.out.printf("  filling the store to %,d events...%n", events);
        new EventFiller(dataSource, server.context.getBean("eventSerializer", Serializer.class))
                .fill(ids, 1, Math.max(0, events - small));
        analyze(dataSource);
        server.bean(EventChainLinker.class).linkNow();
        long big = ReplayScenario.head(dataSource);
        List<Report.Row> after = measure(commands, ids.get(1), big);
        // where a slower append comes from: the checkpoint that follows the bulk fill, or the store's size itself
        // (random index pages: misses in shared_buffers and full-page images in the WAL after every checkpoint)
        List<Report.Row> diagnostics = new ArrayList<>();
        try {
            diagnostics.add(append(
                    commands,
                    dataSource,
                    "append (RegisterMember) after a CHECKPOINT, " + events(big),
                    () -> sql(dataSource, "CHECKPOINT")));
            diagnostics.add(append(
                    commands,
                    dataSource,
                    "append (RegisterMember) with wal_compression=on, " + events(big),
                    () -> sql(dataSource, "ALTER SYSTEM SET wal_compression = 'on'", "SELECT pg_reload_conf()")));
            // an external scratch database keeps its own setting
            sql(dataSource, "ALTER SYSTEM RESET wal_compression", "SELECT pg_reload_conf()");
        } catch (SQLException e) {
            System.out.printf("  no CHECKPOINT and wal_compression runs (they need a superuser): %s%n", e.getMessage());
        }
        for (int i = 0; i < before.size(); i++) {
            report.add(before.get(i));
            report.add(comparedTo(after.get(i), before.get(i)));
        }
        for (Report.Row diagnostic : diagnostics) {
            report.add(comparedTo(diagnostic, before.get(0)));
        }
    }

    /** A big store's row with its p99 as a multiple of the small store's. */
    private static Report.Row comparedTo(Report.Row now, Report.Row was) {
        return new Report.Row(
                now.scenario(),
                now.clients(),
                now.rate(),
                now.unit(),
                now.p50Ms(),
                now.p99Ms(),
                null,
                now.note() + String.format(Locale.ROOT, "; p99 %.2fx the small store's", now.p99Ms() / was.p99Ms()));
    }

    private List<Report.Row> measure(CommandGateway commands, String memberId, long storeSize) throws Exception {
        String size = events(storeSize);
        List<Report.Row> rows = new ArrayList<>();
        rows.add(append(commands, server.dataSource(), "append (RegisterMember), " + size, () -> {}));

        Api auditor = server.as("auditor");
        long head = ReplayScenario.head(server.dataSource());
        rows.add(page(auditor, "audit log, newest page, " + size, "/api/audit/events?limit=100&after=" + (head - 100)));
        rows.add(page(
                auditor, "audit log, one aggregate, " + size, "/api/audit/events?limit=100&aggregateId=" + memberId));
        rows.add(page(
                auditor,
                "audit log, rare event type, " + size,
                "/api/audit/events?limit=100&eventType=MemberVerified"));
        rows.add(page(auditor, "audit log, one user, " + size, "/api/audit/events?limit=100&user=auditor"));
        return rows;
    }

    /** One client's appends after {@code first}, with what they wrote to the WAL per command. */
    private Report.Row append(CommandGateway commands, DataSource dataSource, String name, Setting first)
            throws Exception {
        first.apply();
        LoadRun.run("warm-up", 1, Duration.ofSeconds(3), (c, s) -> commands.sendAndWait(Members.registration()));
        long[] walBefore = wal(dataSource);
        LoadRun.Result append = LoadRun.run(name, 1, measure, (c, s) -> commands.sendAndWait(Members.registration()));
        long[] walAfter = wal(dataSource);
        double perCommand = Math.max(1, append.operations());
        return row(
                append,
                "commands/s",
                String.format(
                        Locale.ROOT,
                        "command side, 1 client; WAL %.1f kB and %.1f full-page images per command",
                        (walAfter[0] - walBefore[0]) / 1024.0 / perCommand,
                        (walAfter[1] - walBefore[1]) / perCommand));
    }

    /** The WAL written so far: bytes and full-page images (the whole database; the processors are stopped). */
    private static long[] wal(DataSource dataSource) throws Exception {
        try (Connection connection = dataSource.getConnection();
                var statement = connection.createStatement();
                var result = statement.executeQuery("SELECT wal_bytes, wal_fpi FROM pg_stat_wal")) {
            result.next();
            return new long[] {result.getLong(1), result.getLong(2)};
        }
    }

    private static String events(long storeSize) {
        return String.format(Locale.ROOT, "%,d events", storeSize);
    }

    @FunctionalInterface
    private interface Setting {
        void apply() throws Exception;
    }

    private Report.Row page(Api auditor, String name, String path) throws Exception {
        LoadRun.run(
                "warm-up", 1, Duration.ofSeconds(2), (c, s) -> auditor.get(path).expect(200));
        return row(LoadRun.run(name, 1, measure, (c, s) -> auditor.get(path).expect(200)), "pages/s", "GET " + path);
    }

    private static Report.Row row(LoadRun.Result result, String unit, String note) {
        return new Report.Row(
                result.name(),
                result.clients(),
                result.perSecond(),
                unit,
                result.p50Nanos() / 1e6,
                result.p99Nanos() / 1e6,
                null,
                note + (result.errors() > 0 ? " errors=" + result.errors() : ""));
    }

    /** Fresh statistics, as autovacuum would have after a store grew over months. */
    private static void analyze(DataSource dataSource) throws Exception {
        sql(dataSource, "VACUUM ANALYZE domain_event_entry");
    }

    private static void sql(DataSource dataSource, String... statements) throws Exception {
        try (Connection connection = dataSource.getConnection();
                var statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        }
    }
}
