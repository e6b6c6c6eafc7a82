package org.factorysharing.benchmark;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.OptionalLong;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;

/**
 * How far behind the head of the event store every projection and bridge is, as time: the age of the oldest event a
 * processor has not handled yet (0 when it is at the head). Sampled twice a second during a run; the largest value
 * per processor is kept. A run counts as steady state only if every processor stayed under the limit.
 */
final class Lag implements AutoCloseable {

    private final EventProcessingConfiguration processing;
    private final DataSource dataSource;
    private final Map<String, Duration> worst = new ConcurrentHashMap<>();
    private final ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "lag-sampler");
        thread.setDaemon(true);
        return thread;
    });

    Lag(Server server) {
        this.processing = server.bean(EventProcessingConfiguration.class);
        this.dataSource = server.dataSource();
    }

    private ScheduledFuture<?> sampling;

    void start() {
        stop();
        worst.clear();
        sampling = sampler.scheduleAtFixedRate(this::sample, 0, 500, TimeUnit.MILLISECONDS);
    }

    void stop() {
        if (sampling != null) {
            sampling.cancel(false);
            sampling = null;
        }
    }

    /** The worst lag per processor since {@link #start()}. */
    Map<String, Duration> worst() {
        return new TreeMap<>(worst);
    }

    Duration worstOfAll() {
        return worst.values().stream().max(Duration::compareTo).orElse(Duration.ZERO);
    }

    /** Waits until every processor is at the head again (after a run), up to {@code patience}. */
    Duration drain(Duration patience) throws Exception {
        long start = System.nanoTime();
        while (System.nanoTime() - start < patience.toNanos()) {
            Map<String, Duration> now = now();
            if (now.values().stream().allMatch(Duration::isZero)) {
                break;
            }
            Thread.sleep(200);
        }
        return Duration.ofNanos(System.nanoTime() - start);
    }

    private void sample() {
        try {
            now().forEach((name, lag) -> worst.merge(name, lag, (a, b) -> a.compareTo(b) >= 0 ? a : b));
        } catch (Exception e) {
            // a sample lost to a busy pool is not a figure
        }
    }

    Map<String, Duration> now() throws Exception {
        Map<String, Duration> lags = new TreeMap<>();
        for (var entry : processing.eventProcessors().entrySet()) {
            if (!(entry.getValue() instanceof StreamingEventProcessor streaming) || !streaming.isRunning()) {
                continue;
            }
            long position = Long.MAX_VALUE;
            for (EventTrackerStatus status : streaming.processingStatus().values()) {
                OptionalLong current = status.getCurrentPosition();
                position = Math.min(position, current.isPresent() ? current.getAsLong() : -1);
            }
            if (position == Long.MAX_VALUE) {
                continue;
            }
            lags.put(entry.getKey(), ageOfFirstEventAfter(position));
        }
        return lags;
    }

    private Duration ageOfFirstEventAfter(long position) throws Exception {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement next = connection.prepareStatement(
                        "SELECT time_stamp FROM domain_event_entry WHERE global_index > ? ORDER BY global_index LIMIT 1")) {
            next.setLong(1, position);
            try (ResultSet row = next.executeQuery()) {
                if (!row.next()) {
                    return Duration.ZERO;
                }
                Duration age = Duration.between(Instant.parse(row.getString(1)), Instant.now());
                return age.isNegative() ? Duration.ZERO : age;
            }
        }
    }

    @Override
    public void close() {
        sampler.shutdownNow();
    }
}
