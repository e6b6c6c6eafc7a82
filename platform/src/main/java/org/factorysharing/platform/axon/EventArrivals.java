package org.factorysharing.platform.axon;

import java.util.Optional;
import java.util.Set;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingEventStream;

/**
 * Wakes a processor when an event reaches the event store's shared cache. The streams of Axon's embedded store refuse
 * an availability callback, so a pooled processor that found nothing to do looked again only after 500 ms: every hop
 * from an event to a projection or a process waited a quarter of a second on average, and a production job on an
 * idle server took a second from its request to the job board. Here every stream the store hands out takes the
 * callback, and the store's reader, having put an event in the cache, calls back each stream that last looked and
 * found nothing (then the processor waits for the call, or for its claims' next renewal).
 */
final class EventArrivals {

    private final Set<WatchedStream> streams = ConcurrentHashMap.newKeySet();

    /** A store's stream that takes an availability callback. */
    TrackingEventStream watch(TrackingEventStream stream) {
        return new WatchedStream(stream);
    }

    /** The store reader's stream of events: each event, once taken into the cache, wakes the waiting streams. */
    <T> Stream<T> signalling(Stream<T> events) {
        Spliterator<T> source = events.spliterator();
        Spliterator<T> signalling =
                new Spliterators.AbstractSpliterator<T>(
                        Long.MAX_VALUE, source.characteristics() & ~(Spliterator.SIZED | Spliterator.SUBSIZED)) {
                    @Override
                    public boolean tryAdvance(Consumer<? super T> action) {
                        // the action is the store taking the event into its cache: once it returns, a reader can see it
                        boolean advanced = source.tryAdvance(action);
                        if (advanced) {
                            streams.forEach(WatchedStream::wakeIfWaiting);
                        }
                        return advanced;
                    }
                };
        return StreamSupport.stream(signalling, false).onClose(events::close);
    }

    private final class WatchedStream implements TrackingEventStream {

        private final TrackingEventStream stream;
        private volatile Runnable callback;
        /** Set before looking, so an event arriving while the processor looks still wakes it. */
        private volatile boolean waiting;

        WatchedStream(TrackingEventStream stream) {
            this.stream = stream;
        }

        @Override
        public Optional<TrackedEventMessage<?>> peek() {
            waiting = true;
            Optional<TrackedEventMessage<?>> next = stream.peek();
            if (next.isPresent()) {
                waiting = false;
            }
            return next;
        }

        @Override
        public boolean hasNextAvailable(int timeout, TimeUnit unit) throws InterruptedException {
            waiting = true;
            boolean available = stream.hasNextAvailable(timeout, unit);
            if (available) {
                waiting = false;
            }
            return available;
        }

        @Override
        public TrackedEventMessage<?> nextAvailable() throws InterruptedException {
            return stream.nextAvailable();
        }

        @Override
        public void skipMessagesWithPayloadTypeOf(TrackedEventMessage<?> ignoredMessage) {
            stream.skipMessagesWithPayloadTypeOf(ignoredMessage);
        }

        @Override
        public boolean setOnAvailableCallback(Runnable callback) {
            this.callback = callback;
            streams.add(this);
            return true;
        }

        @Override
        public void close() {
            streams.remove(this);
            stream.close();
        }

        void wakeIfWaiting() {
            Runnable wake = callback;
            if (waiting && wake != null) {
                waiting = false;
                try {
                    wake.run();
                } catch (RuntimeException stopping) {
                    // a processor shutting down refuses new work; the others must still be woken
                }
            }
        }
    }
}
