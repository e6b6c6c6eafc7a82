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
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.serialization.Serializer;
import org.factorysharing.api.member.MemberCommands.RegisterMember;
import org.factorysharing.audit.chain.EventChainLinker;

/**
 * Replays as an admin starts them (reset, then the processor rebuilds from the first event): the member directory on
 * a small store (what a replay costs however little there is to do) and on a store of a million events, and a
 * processor that handles none of those events (the cost of reading the stream alone). Each figure is the time from
 * the restart until every segment has reached the head.
 */
final class ReplayScenario {

    static final String DIRECTORY = "member-directory";
    static final String NO_OP = "factory-registry";

    private final Server server;
    private final Report report;
    private final int members;
    private final long events;

    ReplayScenario(Server server, Report report, int members, long events) {
        this.server = server;
        this.report = report;
        this.members = members;
        this.events = events;
    }

    void execute() throws Exception {
        CommandGateway commands = server.bean(CommandGateway.class);
        EventProcessingConfiguration processing = server.bean(EventProcessingConfiguration.class);
        DataSource dataSource = server.dataSource();
        TokenStore tokens = server.bean(TokenStore.class);

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
        long small = head(dataSource);
        Duration smallReplay = replay(processing, tokens, DIRECTORY, dataSource);
        report.add(row("replay member-directory, small store", small, smallReplay));

        // the other processors stay stopped: they would start a workflow for every filled event
        processing.eventProcessors().values().forEach(EventProcessor::shutDown);
        System.out.printf("  filling the store to %,d events...%n", events);
        new EventFiller(dataSource, server.context.getBean("eventSerializer", Serializer.class))
                .fill(ids, 1, Math.max(0, events - small));
        server.bean(EventChainLinker.class).linkNow();
        long big = head(dataSource);
        report.add(row("replay member-directory, big store", big, replay(processing, tokens, DIRECTORY, dataSource)));
        report.add(row("no-op replay (" + NO_OP + "), big store", big, replay(processing, tokens, NO_OP, dataSource)));
    }

    private static Report.Row row(String name, long eventCount, Duration took) {
        return new Report.Row(
                name,
                1,
                eventCount / Math.max(0.001, took.toMillis() / 1000.0),
                "events/s",
                null,
                null,
                null,
                String.format(Locale.ROOT, "%,d events in %.1f s", eventCount, took.toMillis() / 1000.0));
    }

    /** Resets and restarts the processor; the time until every segment is at the head. */
    static Duration replay(
            EventProcessingConfiguration processing, TokenStore tokens, String name, DataSource dataSource)
            throws Exception {
        StreamingEventProcessor processor = processing
                .eventProcessor(name, StreamingEventProcessor.class)
                .orElseThrow(() -> new IllegalStateException("no streaming processor " + name));
        processor.shutDown();
        processor.resetTokens();
        long head = head(dataSource);
        long start = System.nanoTime();
        processor.start();
        int segments = tokens.fetchSegments(name).length;
        while (!caughtUp(processor, segments, head)) {
            Thread.sleep(20);
        }
        return Duration.ofNanos(System.nanoTime() - start);
    }

    private static boolean caughtUp(StreamingEventProcessor processor, int segments, long head) {
        var status = processor.processingStatus();
        if (status.size() < segments) {
            return false;
        }
        for (EventTrackerStatus segment : status.values()) {
            if (segment.isErrorState() || segment.getCurrentPosition().orElse(-1) < head) {
                return false;
            }
        }
        return true;
    }

    static long head(DataSource dataSource) throws Exception {
        try (Connection connection = dataSource.getConnection();
                var statement = connection.createStatement();
                var rows = statement.executeQuery("SELECT coalesce(max(global_index), 0) FROM domain_event_entry")) {
            rows.next();
            return rows.getLong(1);
        }
    }
}
