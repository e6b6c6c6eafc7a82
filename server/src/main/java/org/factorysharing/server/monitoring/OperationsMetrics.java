package org.factorysharing.server.monitoring;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.factorysharing.server.monitoring.ProcessorProgress.Progress;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The programme's own figures for Prometheus: per processor the events it is behind the head and whether it is
 * stuck, dead letters per processing group, and the hash chain's head link. Read from the shared database when
 * scraped (at most once a second), so every node reports the same cluster-wide values; processors and groups that
 * appear later (a new group's first letter) get their series at the next scrape.
 */
class OperationsMetrics implements MeterBinder {

    private final ProcessorProgress progress;
    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final Set<String> processors = ConcurrentHashMap.newKeySet();
    private final Set<String> groups = ConcurrentHashMap.newKeySet();
    private MeterRegistry registry;
    private final Cached<Map<String, Long>> deadLetters;
    private final Cached<Long> chainHead;

    OperationsMetrics(ProcessorProgress progress, JdbcTemplate jdbc, Clock clock) {
        this.progress = progress;
        this.jdbc = jdbc;
        this.clock = clock;
        this.deadLetters = new Cached<>(this::readDeadLetters);
        this.chainHead = new Cached<>(
                () -> jdbc.queryForObject("SELECT coalesce(max(link_no), 0) FROM event_chain_link", Long.class));
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        this.registry = registry;
        Gauge.builder("fs.chain.head.link", () -> chainHead.get())
                .description("number of the last link of the event hash chain (= events chained)")
                .register(registry);
        Gauge.builder("fs.processors.stuck", () -> progress.stuck().size())
                .description("processors behind the head that have not moved for fs.health.processor-stuck-after")
                .register(registry);
        Gauge.builder(
                        "fs.dead.letters.all",
                        () -> deadLetters.get().values().stream()
                                .mapToLong(Long::longValue)
                                .sum())
                .description("events parked in every dead-letter queue")
                .register(registry);
    }

    /** Registers a series for each processor and group seen so far; called before each scrape. */
    void discover() {
        if (registry == null) {
            return;
        }
        for (Progress p : progress.sample()) {
            if (processors.add(p.name())) {
                String name = p.name();
                Gauge.builder("fs.processor.lag", () -> lagOf(name))
                        .description("events between the head of the event store and the processor's position")
                        .tag("processor", name)
                        .tag("kind", p.kind())
                        .baseUnit("events")
                        .register(registry);
                Gauge.builder("fs.processor.position", () -> positionOf(name))
                        .description("global index of the last event the processor's slowest segment handled")
                        .tag("processor", name)
                        .tag("kind", p.kind())
                        .register(registry);
            }
        }
        for (String group : deadLetters.get().keySet()) {
            if (groups.add(group)) {
                Gauge.builder("fs.dead.letters", () -> deadLetters.get().getOrDefault(group, 0L))
                        .description("events parked in the group's dead-letter queue")
                        .tag("group", group)
                        .register(registry);
            }
        }
    }

    private double lagOf(String name) {
        return progress.sample().stream()
                .filter(p -> p.name().equals(name))
                .mapToLong(Progress::lag)
                .findFirst()
                .orElse(0);
    }

    private double positionOf(String name) {
        return progress.sample().stream()
                .filter(p -> p.name().equals(name))
                .mapToLong(Progress::position)
                .findFirst()
                .orElse(0);
    }

    private Map<String, Long> readDeadLetters() {
        Map<String, Long> counts = new HashMap<>();
        for (String group : processors) {
            counts.put(group, 0L);
        }
        jdbc.query("SELECT processing_group, count(*) FROM dead_letter_entry GROUP BY processing_group", row -> {
            counts.put(row.getString(1), row.getLong(2));
        });
        return counts;
    }

    /** A value read at most once a second. */
    private final class Cached<T> {
        private final Supplier<T> read;
        private T value;
        private Instant at = Instant.EPOCH;

        Cached(Supplier<T> read) {
            this.read = read;
        }

        synchronized T get() {
            Instant now = clock.instant();
            if (value == null || Duration.between(at, now).compareTo(Duration.ofSeconds(1)) >= 0) {
                value = read.get();
                at = now;
            }
            return value;
        }
    }
}
