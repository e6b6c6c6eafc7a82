package org.factorysharing.web.factory;

import java.time.Duration;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Read models follow the events within moments. After an action, a page that shows its result waits a little for
 * it (a bounded wait), so the person sees what they just did rather than the state before; when the read model is
 * slower than that, the page says so and offers to reload.
 */
public final class ReadModels {

    static final Duration PATIENCE = Duration.ofSeconds(5);
    private static final long STEP_MILLIS = 100;

    private ReadModels() {}

    /** The answer once it satisfies {@code done}, or the last answer after the wait (possibly not done yet). */
    public static <T> Optional<T> await(Supplier<Optional<T>> query, Predicate<T> done) {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        Optional<T> answer = query.get();
        while (!answer.filter(done).isPresent() && System.nanoTime() < deadline) {
            try {
                Thread.sleep(STEP_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return answer;
            }
            answer = query.get();
        }
        return answer;
    }
}
