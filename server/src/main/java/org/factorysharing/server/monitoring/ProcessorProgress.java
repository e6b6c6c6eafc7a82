package org.factorysharing.server.monitoring;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.factorysharing.api.operations.OperationsQueries.FindProcessors;
import org.factorysharing.api.operations.OperationsQueries.ProcessorView;
import org.factorysharing.api.operations.OperationsQueries.SegmentView;

/**
 * How far each projection and bridge is behind the head of the event store, and whether it is moving: a processor
 * behind the head whose position has not changed for {@code stuckAfter} is stuck (blocked, or failing again and
 * again). Positions come from the token store (every node sees every segment); samples are taken when asked (by the
 * readiness check and the metrics scrape) and kept for a second, so a scrape and a probe cost one query.
 */
public class ProcessorProgress {

    /** One processor now: events behind the head, since when it has not moved, and why (when stuck). */
    public record Progress(String name, String kind, long head, long position, long lag, Instant still, String error) {

        boolean stuck(Instant now, Duration stuckAfter) {
            return lag > 0 && !still.plus(stuckAfter).isAfter(now);
        }
    }

    private record Sample(long position, Instant since) {}

    private final QueryGateway queries;
    private final Clock clock;
    private final Duration stuckAfter;
    private final Map<String, Sample> samples = new ConcurrentHashMap<>();
    private volatile List<Progress> last = List.of();
    private volatile Instant lastAt = Instant.EPOCH;

    public ProcessorProgress(QueryGateway queries, Clock clock, Duration stuckAfter) {
        this.queries = queries;
        this.clock = clock;
        this.stuckAfter = stuckAfter;
    }

    public Duration stuckAfter() {
        return stuckAfter;
    }

    public Instant now() {
        return clock.instant();
    }

    /** Every streaming processor, sampled now (or within the last second). */
    public synchronized List<Progress> sample() {
        Instant now = clock.instant();
        if (Duration.between(lastAt, now).compareTo(Duration.ofSeconds(1)) < 0) {
            return last;
        }
        List<ProcessorView> processors = queries.query(
                        new FindProcessors(), ResponseTypes.multipleInstancesOf(ProcessorView.class))
                .join();
        List<Progress> progress = new ArrayList<>();
        for (ProcessorView processor : processors) {
            long position = processor.segments().stream()
                    .mapToLong(SegmentView::position)
                    .min()
                    .orElse(0);
            long lag = Math.max(0, processor.headPosition() - position);
            Sample sample = samples.compute(
                    processor.name(),
                    (name, before) ->
                            before != null && before.position() == position ? before : new Sample(position, now));
            String errors = processor.segments().stream()
                    .map(SegmentView::error)
                    .filter(Objects::nonNull)
                    .collect(Collectors.joining("; "));
            progress.add(new Progress(
                    processor.name(),
                    processor.kind().name(),
                    processor.headPosition(),
                    position,
                    lag,
                    sample.since(),
                    errors.isEmpty() ? null : errors));
        }
        last = List.copyOf(progress);
        lastAt = now;
        return last;
    }

    /** The processors that are behind and have not moved for stuckAfter. */
    public List<Progress> stuck() {
        Instant now = clock.instant();
        return sample().stream().filter(p -> p.stuck(now, stuckAfter)).toList();
    }
}
