package org.factorysharing.server.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MockClock;
import io.micrometer.core.instrument.simple.SimpleConfig;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.Set;
import java.util.TreeSet;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.micrometer.GlobalMetricRegistry;
import org.axonframework.monitoring.MessageMonitor;
import org.axonframework.queryhandling.GenericQueryMessage;
import org.axonframework.queryhandling.QueryBus;
import org.junit.jupiter.api.Test;

/**
 * Axon's figures with a bounded capacity window: the same meters as Axon's own registry, and a processor's capacity
 * counts only what it handled within the window.
 */
class BoundedAxonMetricsTest {

    @Test
    void theSameMetersAsAxonsOwnRegistry() {
        SimpleMeterRegistry axons = new SimpleMeterRegistry();
        SimpleMeterRegistry bounded = new SimpleMeterRegistry();

        register(new GlobalMetricRegistry(axons));
        register(new BoundedAxonMetrics(bounded));

        assertThat(meters(bounded)).isNotEmpty().isEqualTo(meters(axons));
    }

    @Test
    void aProcessorsCapacityCountsOnlyTheWindow() {
        MockClock clock = new MockClock();
        SimpleMeterRegistry registry = new SimpleMeterRegistry(SimpleConfig.DEFAULT, clock);
        @SuppressWarnings("unchecked")
        MessageMonitor<EventMessage<?>> monitor = (MessageMonitor<EventMessage<?>>)
                new BoundedAxonMetrics(registry).registerComponentWithDefaultTags(EventProcessor.class, "directory");

        MessageMonitor.MonitorCallback handling = monitor.onMessageIngested(GenericEventMessage.asEventMessage("e"));
        clock.add(Duration.ofSeconds(3));
        handling.reportSuccess();
        assertThat(capacity(registry)).as("busy for 3 s of the window").isGreaterThan(0);

        clock.add(BoundedAxonMetrics.CAPACITY_WINDOW.plusSeconds(1));
        assertThat(capacity(registry)).as("nothing kept beyond the window").isZero();
    }

    /** Meters appear with the first message (they are tagged by its payload type). */
    @SuppressWarnings("unchecked")
    private static void register(GlobalMetricRegistry metrics) {
        ((MessageMonitor<Message<?>>) metrics.registerComponentWithDefaultTags(EventProcessor.class, "directory"))
                .onMessageIngested(GenericEventMessage.asEventMessage("event"))
                .reportSuccess();
        ((MessageMonitor<Message<?>>) metrics.registerComponentWithDefaultTags(CommandBus.class, "commandBus"))
                .onMessageIngested(GenericCommandMessage.asCommandMessage("command"))
                .reportSuccess();
        ((MessageMonitor<Message<?>>) metrics.registerComponentWithDefaultTags(QueryBus.class, "queryBus"))
                .onMessageIngested(new GenericQueryMessage<>("query", ResponseTypes.instanceOf(String.class)))
                .reportSuccess();
    }

    private static Set<String> meters(SimpleMeterRegistry registry) {
        Set<String> names = new TreeSet<>();
        for (Meter meter : registry.getMeters()) {
            names.add(meter.getId().getName() + " " + meter.getId().getType() + " "
                    + meter.getId().getTags());
        }
        return names;
    }

    private static double capacity(SimpleMeterRegistry registry) {
        return registry.get("eventProcessor.capacity").gauges().stream()
                .mapToDouble(Gauge::value)
                .sum();
    }
}
