package org.factorysharing.benchmark;

import java.sql.Connection;
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
        for (int i = 0; i < before.size(); i++) {
            Report.Row was = before.get(i);
            Report.Row now = after.get(i);
            report.add(was);
            report.add(new Report.Row(
                    now.scenario(),
                    now.clients(),
                    now.rate(),
                    now.unit(),
                    now.p50Ms(),
                    now.p99Ms(),
                    null,
                    now.note()
                            + String.format(Locale.ROOT, "; p99 %.2fx the small store's", now.p99Ms() / was.p99Ms())));
        }
    }

    private List<Report.Row> measure(CommandGateway commands, String memberId, long storeSize) throws Exception {
        String size = String.format(Locale.ROOT, "%,d events", storeSize);
        List<Report.Row> rows = new ArrayList<>();
        LoadRun.run("warm-up", 1, Duration.ofSeconds(3), (c, s) -> commands.sendAndWait(Members.registration()));
        LoadRun.Result append = LoadRun.run(
                "append (RegisterMember), " + size, 1, measure, (c, s) -> commands.sendAndWait(Members.registration()));
        rows.add(row(append, "commands/s", "command side, 1 client"));

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
        try (Connection connection = dataSource.getConnection();
                var statement = connection.createStatement()) {
            statement.execute("VACUUM ANALYZE domain_event_entry");
        }
    }
}
