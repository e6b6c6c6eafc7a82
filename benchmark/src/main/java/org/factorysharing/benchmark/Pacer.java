package org.factorysharing.benchmark;

import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * Spaces the operations of all clients of a run at a fixed rate (an open arrival rate instead of as fast as
 * possible), to find the rate a server sustains. A client that falls behind does not burst to catch up by more than a
 * second's worth.
 */
final class Pacer {

    private final long intervalNanos;
    private final AtomicLong next = new AtomicLong(System.nanoTime());

    Pacer(double perSecond) {
        this.intervalNanos = (long) (1e9 / perSecond);
    }

    void awaitTurn() {
        long now = System.nanoTime();
        long slot = next.getAndUpdate(previous -> Math.max(previous, now - 1_000_000_000L) + intervalNanos);
        long wait = Math.max(slot, now - 1_000_000_000L) - now;
        if (wait > 0) {
            LockSupport.parkNanos(wait);
        }
    }
}
