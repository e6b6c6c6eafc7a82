package org.factorysharing.benchmark;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * The server's own timers for one run: how long a request took inside the server and how long its command took,
 * as means over the run. The clients' latency includes their own HTTP client, which here shares the JVM, its CPU
 * and its JIT with the server; these figures leave that out and split the request into the command and the rest.
 */
final class ServerTimes {

    private final MeterRegistry registry;
    private final String uri;
    private final String commandType;
    private final Totals start;

    /** What the two timers had counted at one moment. */
    private record Totals(long requests, long requestNanos, long commands, long commandNanos) {}

    private ServerTimes(MeterRegistry registry, String uri, String commandType) {
        this.registry = registry;
        this.uri = uri;
        this.commandType = commandType;
        this.start = read();
    }

    /** Starts counting the successful POSTs to {@code uri} and the commands of {@code commandType} from now. */
    static ServerTimes of(Server server, String uri, String commandType) {
        return new ServerTimes(server.bean(MeterRegistry.class), uri, commandType);
    }

    /** The means since this was made, for a report's note. */
    String summary() {
        Totals now = read();
        long requests = now.requests() - start.requests();
        long commands = now.commands() - start.commands();
        return String.format(
                Locale.ROOT,
                "on the server: the request %s, its command %s (means of %d and %d)",
                mean(now.requestNanos() - start.requestNanos(), requests),
                mean(now.commandNanos() - start.commandNanos(), commands),
                requests,
                commands);
    }

    private static String mean(long nanos, long count) {
        return count == 0 ? "-" : String.format(Locale.ROOT, "%.2f ms", nanos / 1e6 / count);
    }

    /** The request's timer (Spring's) and the command bus's (Axon's); a timer not registered yet counts nothing. */
    private Totals read() {
        Timer request = registry.find("http.server.requests")
                .tag("uri", uri)
                .tag("method", "POST")
                .tag("outcome", "SUCCESS")
                .timer();
        Timer command = registry.find("commandBus.allTimer")
                .tag("payloadType", commandType)
                .timer();
        return new Totals(count(request), nanos(request), count(command), nanos(command));
    }

    private static long count(Timer timer) {
        return timer == null ? 0 : timer.count();
    }

    private static long nanos(Timer timer) {
        return timer == null ? 0 : (long) timer.totalTime(TimeUnit.NANOSECONDS);
    }
}
