package org.factorysharing.platform.axon;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What this node knows of segments whose batches keep failing for a transient reason and are being retried by Axon
 * (its own status forgets a failed segment within milliseconds): since when, how often, at which position and why.
 * Cleared by the next batch of that segment that commits.
 */
public class ProcessorHealth {

    /** A segment in retry: the first position its failing batch holds, and the latest cause. */
    public record Failure(Instant since, int attempts, Long position, String cause) {}

    private final Map<String, Failure> failures = new ConcurrentHashMap<>();
    private final Clock clock;

    public ProcessorHealth() {
        this(Clock.systemUTC());
    }

    ProcessorHealth(Clock clock) {
        this.clock = clock;
    }

    void failed(String processor, int segment, Long position, Throwable cause) {
        failures.merge(
                key(processor, segment),
                new Failure(clock.instant(), 1, position, Failures.rootCause(cause)),
                (before, now) -> new Failure(before.since(), before.attempts() + 1, now.position(), now.cause()));
    }

    void succeeded(String processor, int segment) {
        failures.remove(key(processor, segment));
    }

    public Optional<Failure> failure(String processor, int segment) {
        return Optional.ofNullable(failures.get(key(processor, segment)));
    }

    public boolean anyFailure(String processor) {
        return failures.keySet().stream().anyMatch(key -> key.startsWith(processor + "#"));
    }

    private static String key(String processor, int segment) {
        return processor + "#" + segment;
    }
}
