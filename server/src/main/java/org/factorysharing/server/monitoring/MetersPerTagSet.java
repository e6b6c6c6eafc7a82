package org.factorysharing.server.monitoring;

import io.micrometer.core.instrument.Clock;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import javax.annotation.Nonnull;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.Message;
import org.axonframework.micrometer.reservoir.SlidingTimeWindowReservoir;
import org.axonframework.monitoring.MessageMonitor;
import org.axonframework.monitoring.NoOpMessageMonitorCallback;

/**
 * Axon's message monitors (the timers, counters, capacity and latency of {@code org.axonframework.micrometer}, with
 * the same meter names, types and tags) whose meters are registered once per tag set and then kept. Axon's own
 * monitors register every meter again for every message: an id built, filtered and looked up in the registry for 4
 * timers, 5 counters and 2 gauges, for each message and each processor that sees it: about 10 µs a message against
 * 1.5 µs here, in a loop on 2 cores. (A replay's rate did not change measurably: its time goes elsewhere.)
 *
 * @param <M> the messages monitored
 */
final class MetersPerTagSet<M extends Message<?>> implements MessageMonitor<M> {

    /** Axon's timers keep their statistics this long and publish these percentiles. */
    private static final Duration TIMER_EXPIRY = Duration.ofMinutes(10);

    private static final double[] TIMER_PERCENTILES = {0.5, 0.75, 0.95, 0.98, 0.99, 0.999};

    private final Function<Message<?>, Iterable<Tag>> tags;
    private final Function<Tags, MessageMonitor<? super M>> meters;

    /** Bounded by the tag sets, as the registry's meters are: payload types and processor names. */
    private final ConcurrentMap<Tags, MessageMonitor<? super M>> byTags = new ConcurrentHashMap<>();

    private MetersPerTagSet(
            Function<Message<?>, Iterable<Tag>> tags, Function<Tags, MessageMonitor<? super M>> meters) {
        this.tags = tags;
        this.meters = meters;
    }

    @Override
    public MonitorCallback onMessageIngested(@Nonnull M message) {
        return byTags.computeIfAbsent(Tags.of(tags.apply(message)), meters).onMessageIngested(message);
    }

    /** Axon's {@code MessageTimerMonitor}: all, success, failure and ignored timers. */
    static MessageMonitor<Message<?>> timers(
            String name, MeterRegistry registry, Function<Message<?>, Iterable<Tag>> tags) {
        Clock clock = registry.config().clock();
        return new MetersPerTagSet<>(tags, tagSet -> {
            Timer all = timer(name + ".allTimer", tagSet, registry);
            Timer success = timer(name + ".successTimer", tagSet, registry);
            Timer failure = timer(name + ".failureTimer", tagSet, registry);
            Timer ignored = timer(name + ".ignoredTimer", tagSet, registry);
            return message -> {
                long start = clock.monotonicTime();
                return new MonitorCallback() {
                    @Override
                    public void reportSuccess() {
                        record(success);
                    }

                    @Override
                    public void reportFailure(Throwable cause) {
                        record(failure);
                    }

                    @Override
                    public void reportIgnored() {
                        record(ignored);
                    }

                    private void record(Timer outcome) {
                        long nanos = clock.monotonicTime() - start;
                        all.record(nanos, TimeUnit.NANOSECONDS);
                        outcome.record(nanos, TimeUnit.NANOSECONDS);
                    }
                };
            };
        });
    }

    /** Axon's {@code MessageCountingMonitor}: ingested, then success or failure (both processed) or ignored. */
    static MessageMonitor<Message<?>> counters(
            String name, MeterRegistry registry, Function<Message<?>, Iterable<Tag>> tags) {
        return new MetersPerTagSet<>(tags, tagSet -> {
            Counter ingested = registry.counter(name + ".ingestedCounter", tagSet);
            Counter success = registry.counter(name + ".successCounter", tagSet);
            Counter failure = registry.counter(name + ".failureCounter", tagSet);
            Counter processed = registry.counter(name + ".processedCounter", tagSet);
            Counter ignored = registry.counter(name + ".ignoredCounter", tagSet);
            return message -> {
                ingested.increment();
                return new MonitorCallback() {
                    @Override
                    public void reportSuccess() {
                        processed.increment();
                        success.increment();
                    }

                    @Override
                    public void reportFailure(Throwable cause) {
                        processed.increment();
                        failure.increment();
                    }

                    @Override
                    public void reportIgnored() {
                        ignored.increment();
                    }
                };
            };
        });
    }

    /**
     * Axon's {@code CapacityMonitor}: the share of the last {@code window} spent handling messages (1 = one thread
     * busy all the time).
     */
    static MessageMonitor<Message<?>> capacity(
            String name, MeterRegistry registry, Duration window, Function<Message<?>, Iterable<Tag>> tags) {
        Clock clock = registry.config().clock();
        double windowNanos = window.toNanos();
        return new MetersPerTagSet<>(tags, tagSet -> {
            SlidingTimeWindowReservoir durations =
                    new SlidingTimeWindowReservoir(window.toMillis(), TimeUnit.MILLISECONDS, clock);
            Gauge.builder(
                            name + ".capacity",
                            durations,
                            kept -> kept.getMeasurements().stream()
                                            .mapToLong(Long::longValue)
                                            .sum()
                                    / windowNanos)
                    .tags(tagSet)
                    .strongReference(true)
                    .register(registry);
            return message -> {
                long start = clock.monotonicTime();
                return new MonitorCallback() {
                    @Override
                    public void reportSuccess() {
                        durations.update(clock.monotonicTime() - start);
                    }

                    @Override
                    public void reportFailure(Throwable cause) {
                        reportSuccess();
                    }

                    @Override
                    public void reportIgnored() {
                        reportSuccess();
                    }
                };
            };
        });
    }

    /** Axon's {@code EventProcessorLatencyMonitor}: how old the last event a processor took was, in ms. */
    static MessageMonitor<EventMessage<?>> latency(
            String name, MeterRegistry registry, Function<Message<?>, Iterable<Tag>> tags) {
        Clock clock = registry.config().clock();
        return new MetersPerTagSet<EventMessage<?>>(tags, tagSet -> {
            AtomicLong latency = new AtomicLong();
            Gauge.builder(name + ".latency", latency, AtomicLong::get)
                    .tags(tagSet)
                    .strongReference(true)
                    .register(registry);
            return event -> {
                latency.set(clock.wallTime() - event.getTimestamp().toEpochMilli());
                return NoOpMessageMonitorCallback.INSTANCE;
            };
        });
    }

    private static Timer timer(String name, Tags tags, MeterRegistry registry) {
        return Timer.builder(name)
                .distributionStatisticExpiry(TIMER_EXPIRY)
                .publishPercentiles(TIMER_PERCENTILES)
                .tags(tags)
                .register(registry);
    }
}
