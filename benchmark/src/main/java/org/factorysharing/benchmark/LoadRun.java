package org.factorysharing.benchmark;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/** Runs one operation from N client threads as fast as possible for a fixed time, recording each latency. */
final class LoadRun {

    /** One operation of a client; {@code client} and {@code sequence} let it make unique inputs. */
    interface Operation {
        void run(int client, long sequence) throws Exception;
    }

    /** Thrown by an operation to end its client early (when it has no more work). */
    static final class Stop extends RuntimeException {
        Stop() {
            super(null, null, false, false);
        }
    }

    record Result(
            String name,
            int clients,
            long operations,
            long errors,
            double seconds,
            long p50Nanos,
            long p99Nanos,
            long maxNanos) {

        double perSecond() {
            return operations / seconds;
        }

        /** The same run counted in units of which each operation did {@code per}; the latencies stay per operation. */
        Result scaled(int per) {
            return new Result(name, clients, operations * per, errors, seconds, p50Nanos, p99Nanos, maxNanos);
        }
    }

    private LoadRun() {}

    static Result run(String name, int clients, Duration duration, Operation operation) throws InterruptedException {
        return run(name, clients, duration, null, operation);
    }

    /**
     * Each client waits for its turn from the pacer before it starts the clock: the latency is the operation's own,
     * not the pause between arrivals.
     */
    static Result run(String name, int clients, Duration duration, Pacer pacer, Operation operation)
            throws InterruptedException {
        long[][] latencies = new long[clients][];
        int[] counts = new int[clients];
        long[] errors = new long[clients];
        CountDownLatch ready = new CountDownLatch(clients);
        CountDownLatch go = new CountDownLatch(1);
        List<Thread> threads = new ArrayList<>();
        long[] window = new long[2];
        for (int c = 0; c < clients; c++) {
            int client = c;
            latencies[c] = new long[1 << 16];
            Thread thread = new Thread(
                    () -> {
                        ready.countDown();
                        try {
                            go.await();
                        } catch (InterruptedException e) {
                            return;
                        }
                        long deadline = window[1];
                        long sequence = 0;
                        while (true) {
                            if (pacer != null) {
                                pacer.awaitTurn();
                            }
                            long start = System.nanoTime();
                            if (start >= deadline) {
                                break;
                            }
                            try {
                                operation.run(client, sequence++);
                            } catch (Stop stop) {
                                break;
                            } catch (Exception e) {
                                errors[client]++;
                                if (errors[client] == 1) {
                                    System.err.println(name + ": " + e);
                                }
                                continue;
                            }
                            long took = System.nanoTime() - start;
                            if (counts[client] == latencies[client].length) {
                                latencies[client] = Arrays.copyOf(latencies[client], counts[client] * 2);
                            }
                            latencies[client][counts[client]++] = took;
                        }
                    },
                    name + "-client-" + c);
            threads.add(thread);
            thread.start();
        }
        ready.await();
        window[0] = System.nanoTime();
        window[1] = window[0] + duration.toNanos();
        go.countDown();
        for (Thread thread : threads) {
            thread.join();
        }
        double seconds = (System.nanoTime() - window[0]) / 1e9;
        int total = Arrays.stream(counts).sum();
        long[] all = new long[total];
        int offset = 0;
        for (int c = 0; c < clients; c++) {
            System.arraycopy(latencies[c], 0, all, offset, counts[c]);
            offset += counts[c];
        }
        Arrays.sort(all);
        return new Result(
                name,
                clients,
                total,
                Arrays.stream(errors).sum(),
                seconds,
                percentile(all, 0.50),
                percentile(all, 0.99),
                total == 0 ? 0 : all[total - 1]);
    }

    private static long percentile(long[] sorted, double p) {
        if (sorted.length == 0) {
            return 0;
        }
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1)];
    }
}
