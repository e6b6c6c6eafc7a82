package org.factorysharing.platform.axon;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.deadletter.DeadLetter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A healthy event parked because its handler ran out of time on a busy node, or because the database was briefly
 * unavailable, is handled again by the node itself: every minute, each sequence whose first letter failed for a
 * transient reason is retried, with back-off (1, 2, 4, ... intervals), up to a few times; only then is it left for an
 * admin.
 */
final class TransientLetterRetrier implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(TransientLetterRetrier.class);

    private final Supplier<EventProcessingConfiguration> processing;
    private final List<String> groups;
    private final int maxRetries;
    private final Duration every;
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "dead-letter-retry");
        thread.setDaemon(true);
        return thread;
    });

    TransientLetterRetrier(
            Supplier<EventProcessingConfiguration> processing, List<String> groups, int maxRetries, Duration every) {
        this.processing = processing;
        this.groups = groups;
        this.maxRetries = maxRetries;
        this.every = every;
        scheduler.scheduleWithFixedDelay(this::retryAll, every.toMillis(), every.toMillis(), TimeUnit.MILLISECONDS);
    }

    void retryAll() {
        for (String group : groups) {
            try {
                retry(group);
            } catch (RuntimeException e) {
                log.warn("{}: retrying parked events failed: {}", group, Failures.rootCause(e));
            }
        }
    }

    private void retry(String group) {
        EventProcessingConfiguration configuration = processing.get();
        if (configuration.deadLetterQueue(group).isEmpty()) {
            return;
        }
        Instant now = Instant.now();
        for (String sequence : ParkedSequences.sequences(configuration, group, letter -> isDue(letter, now))) {
            boolean handled = ParkedSequences.retry(configuration, group, sequence);
            log.info("{}: automatic retry of parked sequence {} {}", group, sequence, handled ? "succeeded" : "failed");
        }
    }

    /** Transient, retried fewer than the maximum, and untouched for the back-off of its retries so far. */
    private boolean isDue(DeadLetter<? extends EventMessage<?>> letter, Instant now) {
        int retries = DeadLetterDiagnostics.automaticRetries(letter);
        Duration backoff = every.multipliedBy(1L << Math.min(retries, 5));
        return DeadLetterDiagnostics.isTransient(letter)
                && retries < maxRetries
                && letter.lastTouched().plus(backoff).isBefore(now);
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
    }
}
