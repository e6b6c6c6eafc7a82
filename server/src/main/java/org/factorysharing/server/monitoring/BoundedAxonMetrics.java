package org.factorysharing.server.monitoring;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.Message;
import org.axonframework.micrometer.GlobalMetricRegistry;
import org.axonframework.monitoring.MessageMonitor;
import org.axonframework.monitoring.MultiMessageMonitor;
import org.axonframework.queryhandling.QueryMessage;

/**
 * Axon's figures (the same meters, names and tags as Axon's own registry) with the capacity measured over
 * {@link #CAPACITY_WINDOW} instead of ten minutes, and every meter registered once per tag set rather than for every
 * message ({@link MetersPerTagSet}). Axon's capacity monitor keeps one entry per message for its whole window: after
 * a replay of 400,000 events it still held 450,000 of them (40 MB of a 512 MB heap), and a node that handles
 * thousands of messages a second for ten minutes would hold millions.
 */
class BoundedAxonMetrics extends GlobalMetricRegistry {

    /** Long enough for a scrape every 15 s to see a busy processor, short enough to bound what is kept. */
    static final Duration CAPACITY_WINDOW = Duration.ofSeconds(15);

    BoundedAxonMetrics(MeterRegistry registry) {
        super(registry);
    }

    @Override
    public MessageMonitor<? super EventMessage<?>> registerEventProcessor(
            String name, Function<Message<?>, Iterable<Tag>> tags, Function<Message<?>, Iterable<Tag>> latencyTags) {
        return new MultiMessageMonitor<EventMessage<?>>(List.of(
                MetersPerTagSet.timers(name, getRegistry(), tags),
                MetersPerTagSet.latency(name, getRegistry(), latencyTags),
                MetersPerTagSet.capacity(name, getRegistry(), CAPACITY_WINDOW, tags),
                MetersPerTagSet.counters(name, getRegistry(), tags)));
    }

    @Override
    public MessageMonitor<? super CommandMessage<?>> registerCommandBus(
            String name, Function<Message<?>, Iterable<Tag>> tags) {
        return handlerMonitors(name, tags);
    }

    @Override
    public MessageMonitor<? super QueryMessage<?, ?>> registerQueryBus(
            String name, Function<Message<?>, Iterable<Tag>> tags) {
        return handlerMonitors(name, tags);
    }

    private MessageMonitor<Message<?>> handlerMonitors(String name, Function<Message<?>, Iterable<Tag>> tags) {
        return new MultiMessageMonitor<>(List.of(
                MetersPerTagSet.timers(name, getRegistry(), tags),
                MetersPerTagSet.capacity(name, getRegistry(), CAPACITY_WINDOW, tags),
                MetersPerTagSet.counters(name, getRegistry(), tags)));
    }
}
