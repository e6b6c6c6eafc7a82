package org.factorysharing.audit.chain;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Links committed events into the hash chain, off the appending transactions (V36): a round every
 * {@code fs.audit.chain.link-every} (100 ms), and at once again while there is more to link. The chain lock makes it
 * one linker at a time across nodes; a node that finds it taken skips the round. An event is in the chain within
 * about one interval of its commit; {@link #linkNow()} links everything committed so far, for a verification that
 * must cover it.
 */
@Component
public class EventChainLinker implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EventChainLinker.class);
    private static final int LINKS_PER_ROUND = 2_000;

    private final JdbcTemplate jdbc;
    private final String gapTimeout;
    private final AtomicBoolean paused = new AtomicBoolean();
    private final ScheduledExecutorService rounds = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "event-chain-linker");
        thread.setDaemon(true);
        return thread;
    });

    EventChainLinker(
            JdbcTemplate jdbc,
            @Value("${fs.audit.chain.link-every:100ms}") Duration every,
            @Value("${fs.audit.chain.gap-timeout:60s}") Duration gapTimeout) {
        this.jdbc = jdbc;
        this.gapTimeout = gapTimeout.toMillis() + " milliseconds";
        rounds.scheduleWithFixedDelay(
                this::linkInBackground, every.toMillis(), every.toMillis(), TimeUnit.MILLISECONDS);
    }

    /**
     * Links every event committed before this call (waiting for another node's linker when it holds the chain lock).
     * Returns how many this node linked.
     */
    public long linkNow() {
        long linked = 0;
        for (int waited = 0; ; ) {
            int round = round();
            if (round < 0) {
                if (waited++ > 600) {
                    throw new IllegalStateException("the chain lock stayed taken for a minute");
                }
                sleep();
                continue;
            }
            linked += round;
            if (round < LINKS_PER_ROUND) {
                return linked;
            }
        }
    }

    /** Stops linking until {@link #resume()} (for a benchmark's reference run or a maintenance window). */
    public void pause() {
        paused.set(true);
    }

    public void resume() {
        paused.set(false);
    }

    private void linkInBackground() {
        if (paused.get()) {
            return;
        }
        try {
            while (round() == LINKS_PER_ROUND && !paused.get()) {
                // more committed events are waiting: go on at once
            }
        } catch (RuntimeException e) {
            // the database may be briefly unreachable: the next round picks up where this one stopped
            log.warn("linking the hash chain failed, retrying in the next round: {}", e.toString());
        }
    }

    private int round() {
        Integer linked = jdbc.queryForObject(
                "SELECT event_chain_link_pending(?, ?::interval)", Integer.class, LINKS_PER_ROUND, gapTimeout);
        return linked == null ? 0 : linked;
    }

    private static void sleep() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        rounds.shutdownNow();
    }
}
