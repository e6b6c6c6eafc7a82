package org.factorysharing.server.engine;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.function.LongSupplier;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.management.Metrics;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Camunda's figures as gauges, read from the shared database when scraped (each at most every 10 s): open incidents,
 * jobs due and jobs out of retries (the job executors' backlog and their failures), running process instances, open
 * user tasks, and the engine's own counters (flushed to the database by its metrics reporter every 15 min:
 * activity instances started, jobs acquired, run and failed, decision elements evaluated) summed over all nodes.
 */
@Configuration(proxyBeanMethods = false)
class EngineMetrics {

    private static final Duration REFRESH = Duration.ofSeconds(10);

    @Bean
    MeterBinder camundaGauges(ManagementService management, RuntimeService runtime, TaskService tasks) {
        return registry -> {
            gauge(
                    registry,
                    "fs.camunda.incidents",
                    "open incidents (a job out of retries, a failed step)",
                    () -> runtime.createIncidentQuery().count());
            gauge(
                    registry,
                    "fs.camunda.jobs.due",
                    "jobs due now, waiting for a job executor",
                    () -> management.createJobQuery().executable().count());
            gauge(
                    registry,
                    "fs.camunda.jobs.failed",
                    "jobs with no retries left",
                    () -> management.createJobQuery().noRetriesLeft().count());
            gauge(
                    registry,
                    "fs.camunda.process.instances",
                    "running process instances",
                    () -> runtime.createProcessInstanceQuery().active().count());
            gauge(
                    registry,
                    "fs.camunda.tasks.open",
                    "open user tasks",
                    () -> tasks.createTaskQuery().count());
            for (Map.Entry<String, String> counter : Map.of(
                            Metrics.ACTIVTY_INSTANCE_START, "activity instances started",
                            Metrics.JOB_ACQUIRED_SUCCESS, "jobs acquired by job executors",
                            Metrics.JOB_SUCCESSFUL, "jobs run successfully",
                            Metrics.JOB_FAILED, "jobs that failed",
                            Metrics.EXECUTED_DECISION_ELEMENTS, "decision elements evaluated")
                    .entrySet()) {
                gauge(
                        registry,
                        "fs.camunda.engine." + counter.getKey().replace('-', '.'),
                        counter.getValue() + " (engine metrics, all nodes, as last reported)",
                        () -> management
                                .createMetricsQuery()
                                .name(counter.getKey())
                                .sum());
            }
        };
    }

    private static void gauge(MeterRegistry registry, String name, String description, LongSupplier read) {
        Refreshing value = new Refreshing(read);
        Gauge.builder(name, value, Refreshing::get).description(description).register(registry);
    }

    /** A count read at most every REFRESH; NaN when the database cannot be read. */
    private static final class Refreshing {
        private final LongSupplier read;
        private double value = Double.NaN;
        private Instant at = Instant.EPOCH;

        Refreshing(LongSupplier read) {
            this.read = read;
        }

        synchronized double get() {
            Instant now = Instant.now();
            if (Duration.between(at, now).compareTo(REFRESH) >= 0) {
                try {
                    value = read.getAsLong();
                } catch (RuntimeException e) {
                    value = Double.NaN;
                }
                at = now;
            }
            return value;
        }
    }
}
