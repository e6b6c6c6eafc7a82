package org.factorysharing.server.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MockClock;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleConfig;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.micrometer.GlobalMetricRegistry;
import org.axonframework.monitoring.MessageMonitor;
import org.axonframework.queryhandling.GenericQueryMessage;
import org.axonframework.queryhandling.QueryBus;
import org.junit.jupiter.api.Test;

/**
 * Axon's figures with a bounded capacity window and meters registered once per tag set: the same meters and counts as
 * Axon's own registry, a processor's capacity counts only what it handled within the window.
 */
class BoundedAxonMetricsTest {

    @Test
    void aProcessorsCapacityCountsOnlyTheWindow() {
        MockClock clock = new MockClock();
        SimpleMeterRegistry registry = new SimpleMeterRegistry(SimpleConfig.DEFAULT, clock);
        MessageMonitor<EventMessage<?>> monitor = directory(registry);

        MessageMonitor.MonitorCallback handling = monitor.onMessageIngested(GenericEventMessage.asEventMessage("e"));
        clock.add(Duration.ofSeconds(3));
        handling.reportSuccess();
        assertThat(capacity(registry)).as("busy for 3 s of the window").isGreaterThan(0);

        clock.add(BoundedAxonMetrics.CAPACITY_WINDOW.plusSeconds(1));
        assertThat(capacity(registry)).as("nothing kept beyond the window").isZero();
    }

    @Test
    void theSameMetersAndCountsAsAxonsOwnRegistryWhateverTheOutcome() {
        SimpleMeterRegistry axons = new SimpleMeterRegistry();
        SimpleMeterRegistry bounded = new SimpleMeterRegistry();

        for (int round = 0; round < 3; round++) {
            register(new GlobalMetricRegistry(axons));
            register(new BoundedAxonMetrics(bounded));
        }

        assertThat(meters(bounded)).isNotEmpty().isEqualTo(meters(axons));
        assertThat(counts(bounded)).isNotEmpty().isEqualTo(counts(axons));
    }

    @Test
    void aProcessorsLatencyIsTheAgeOfTheLastEventItTook() {
        MockClock clock = new MockClock();
        SimpleMeterRegistry registry = new SimpleMeterRegistry(SimpleConfig.DEFAULT, clock);
        MessageMonitor<EventMessage<?>> monitor = directory(registry);
        Instant published = Instant.ofEpochMilli(clock.wallTime());

        clock.add(Duration.ofMillis(2_500));
        monitor.onMessageIngested(event("old", published)).reportSuccess();
        assertThat(registry.get("eventProcessor.latency").gauge().value()).isEqualTo(2_500);

        monitor.onMessageIngested(event("new", Instant.ofEpochMilli(clock.wallTime())))
                .reportSuccess();
        assertThat(registry.get("eventProcessor.latency").gauge().value()).isZero();
    }

    /** The monitor of a processor named "directory", as Axon registers it. */
    @SuppressWarnings("unchecked")
    private static MessageMonitor<EventMessage<?>> directory(SimpleMeterRegistry registry) {
        return (MessageMonitor<EventMessage<?>>)
                new BoundedAxonMetrics(registry).registerComponentWithDefaultTags(EventProcessor.class, "directory");
    }

    /**
     * Meters appear with the first message (they are tagged by its payload type); each component sees messages of two
     * types, handled, failed and ignored.
     */
    @SuppressWarnings("unchecked")
    private static void register(GlobalMetricRegistry metrics) {
        MessageMonitor<Message<?>> processor = (MessageMonitor<Message<?>>)
                metrics.registerComponentWithDefaultTags(EventProcessor.class, "directory");
        MessageMonitor<Message<?>> commands =
                (MessageMonitor<Message<?>>) metrics.registerComponentWithDefaultTags(CommandBus.class, "commandBus");
        MessageMonitor<Message<?>> queries =
                (MessageMonitor<Message<?>>) metrics.registerComponentWithDefaultTags(QueryBus.class, "queryBus");
        for (Object payload : List.of("a string", 42)) {
            processor
                    .onMessageIngested(GenericEventMessage.asEventMessage(payload))
                    .reportSuccess();
            processor
                    .onMessageIngested(GenericEventMessage.asEventMessage(payload))
                    .reportIgnored();
            commands.onMessageIngested(GenericCommandMessage.asCommandMessage(payload))
                    .reportSuccess();
            commands.onMessageIngested(GenericCommandMessage.asCommandMessage(payload))
                    .reportFailure(new IllegalStateException("refused"));
            queries.onMessageIngested(new GenericQueryMessage<>(payload, ResponseTypes.instanceOf(String.class)))
                    .reportSuccess();
        }
    }

    private static EventMessage<?> event(String payload, Instant timestamp) {
        return new GenericEventMessage<>(payload + "-id", payload, MetaData.emptyInstance(), timestamp);
    }

    private static Set<String> meters(SimpleMeterRegistry registry) {
        Set<String> names = new TreeSet<>();
        for (Meter meter : registry.getMeters()) {
            names.add(meter.getId().getName() + " " + meter.getId().getType() + " "
                    + meter.getId().getTags());
        }
        return names;
    }

    /** Every counter's count and every timer's number of recordings, by meter. */
    private static Map<String, Double> counts(SimpleMeterRegistry registry) {
        Map<String, Double> counts = new TreeMap<>();
        for (Meter meter : registry.getMeters()) {
            String id = meter.getId().getName() + " " + meter.getId().getTags();
            if (meter instanceof Counter counter) {
                counts.put(id, counter.count());
            } else if (meter instanceof Timer timer) {
                counts.put(id, (double) timer.count());
            }
        }
        return counts;
    }

    private static double capacity(SimpleMeterRegistry registry) {
        return registry.get("eventProcessor.capacity").gauges().stream()
                .mapToDouble(Gauge::value)
                .sum();
    }
}
