package org.factorysharing.server.monitoring;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.factorysharing.server.monitoring.ProcessorProgress.Progress;
import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;

/**
 * Readiness of the read models and bridges: DOWN while any of them is stuck (behind the head of the event store and
 * not moving for {@code fs.health.processor-stuck-after}), naming each with its lag and cause. Not part of liveness:
 * restarting a node does not unblock a database lock or a poison batch.
 */
class ProcessorsHealthIndicator extends AbstractHealthIndicator {

    private final ProcessorProgress progress;

    ProcessorsHealthIndicator(ProcessorProgress progress) {
        super("event processors could not be read");
        this.progress = progress;
    }

    @Override
    protected void doHealthCheck(Health.Builder health) {
        List<Progress> stuck = progress.stuck();
        Map<String, Object> details = new LinkedHashMap<>();
        for (Progress p : stuck) {
            details.put(p.name(), reason(p));
        }
        if (stuck.isEmpty()) {
            health.up().withDetail("processors", progress.sample().size());
        } else {
            health.down().withDetail("stuck", details);
        }
    }

    private String reason(Progress p) {
        Duration still = Duration.between(p.still(), progress.now()).withNanos(0);
        return "%d events behind the head (position %d of %d), no progress for %s%s"
                .formatted(p.lag(), p.position(), p.head(), still, p.error() == null ? "" : ": " + p.error());
    }
}
