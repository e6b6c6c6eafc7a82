package org.factorysharing.benchmark;

import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.Locale;

/**
 * Loads the server in rounds until the JIT compiler is nearly done with the code the load runs, or a time limit
 * passes. A request through the whole server runs deep stacks (filters, observations, MVC, Axon, JDBC) that the C2
 * compiler is still compiling after thousands of requests: measured from outside on one build, one POST on an idle
 * server took 11.6 ms after 6,000 registrations and 6.3 ms after about 12,000, with the compiler threads busier than
 * the request threads. A latency measured before that describes the first minutes after a start, not the server
 * people use.
 */
final class JitWarmup {

    /** One round of load; returns the operations it ran. */
    interface Round {
        long run() throws Exception;
    }

    static final Duration ROUND = Duration.ofSeconds(10);

    /** The compilers' share of a round's wall time under which the code is taken as compiled. */
    static final double QUIET = 0.05;

    private JitWarmup() {}

    /** Runs rounds until the compilers are quiet or {@code limit} passed; says how far it got. */
    static String untilQuiet(Round round, Duration limit) throws Exception {
        CompilationMXBean jit = ManagementFactory.getCompilationMXBean();
        if (jit == null || !jit.isCompilationTimeMonitoringSupported()) {
            round.run();
            return "JIT warm-up: one round (this JVM does not report compilation time)";
        }
        long started = System.nanoTime();
        long operations = 0;
        double busy;
        do {
            long compiledBefore = jit.getTotalCompilationTime();
            long roundStarted = System.nanoTime();
            operations += round.run();
            double roundMillis = (System.nanoTime() - roundStarted) / 1e6;
            busy = (jit.getTotalCompilationTime() - compiledBefore) / roundMillis;
            System.out.printf(
                    Locale.ROOT,
                    "  JIT warm-up: %,d operations, compilers busy %.0f%% of the round%n",
                    operations,
                    busy * 100);
        } while (busy > QUIET && System.nanoTime() - started < limit.toNanos());
        return String.format(
                Locale.ROOT,
                "after a JIT warm-up of %,d requests in %.0f s (compilers busy %.0f%% of its last round%s)",
                operations,
                (System.nanoTime() - started) / 1e9,
                busy * 100,
                busy > QUIET ? ", still compiling at the limit" : "");
    }
}
