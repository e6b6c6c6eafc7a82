package org.factorysharing.benchmark;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.IntFunction;

/**
 * Registration as a person's program does it: {@code POST /api/members} over HTTP with Basic auth on the whole server
 * (directory, personal-data index, onboarding bridge and processes all working), at steady state. A rate counts only
 * if every processor and bridge stayed under {@link #STEADY} behind the head during the run; when the
 * as-fast-as-possible run leaves them further behind, the run is repeated at paced, lower rates until one holds.
 * Also one POST at a time on an idle server, once the JIT compiler is nearly done with the request's code
 * ({@link JitWarmup}).
 */
final class HttpRegistrationScenario {

    static final Duration STEADY = Duration.ofSeconds(5);
    private static final Duration DRAIN = Duration.ofMinutes(5);

    private final Server server;
    private final Report report;
    private final Duration measure;
    private final Duration warmup;
    private final Duration jitWarmup;
    private final List<Integer> clientCounts;
    private final IntFunction<Double> rawRate;

    HttpRegistrationScenario(
            Server server,
            Report report,
            Duration measure,
            Duration warmup,
            Duration jitWarmup,
            List<Integer> clientCounts,
            IntFunction<Double> rawRate) {
        this.server = server;
        this.report = report;
        this.measure = measure;
        this.warmup = warmup;
        this.jitWarmup = jitWarmup;
        this.clientCounts = clientCounts;
        this.rawRate = rawRate;
    }

    void execute() throws Exception {
        Api officer = server.as("officer");
        LoadRun.Operation register =
                (client, sequence) -> officer.post("/api/members", json()).expect(201);
        try (Lag lag = new Lag(server)) {
            LoadRun.run("warm-up", 8, warmup, register);
            String compiled = jitWarmup.isZero()
                    ? "without a JIT warm-up"
                    : JitWarmup.untilQuiet(
                            () -> LoadRun.run("warm-up (JIT)", 8, JitWarmup.ROUND, register)
                                    .operations(),
                            jitWarmup);
            lag.drain(DRAIN);

            ServerTimes serverTimes = ServerTimes.of(server, "/api/members", "RegisterMember");
            LoadRun.Result oneAtATime =
                    LoadRun.run("POST /api/members, idle server (5/s)", 1, measure, new Pacer(5), register);
            report.add(
                    oneAtATime,
                    "req/s",
                    null,
                    "paced at 5/s: the latency of one request, " + compiled + "; " + serverTimes.summary());

            for (int clients : clientCounts) {
                lag.drain(DRAIN);
                lag.start();
                LoadRun.Result free = LoadRun.run("POST /api/members, as fast as possible", clients, measure, register);
                lag.stop();
                Duration freeLag = lag.worstOfAll();
                LoadRun.Result steady = free;
                Duration steadyLag = freeLag;
                double rate = free.perSecond() * 0.8;
                for (int attempt = 0; steadyLag.compareTo(STEADY) > 0 && attempt < 6; attempt++) {
                    lag.drain(DRAIN);
                    Pacer pacer = new Pacer(rate);
                    lag.start();
                    steady = LoadRun.run(
                            String.format(Locale.ROOT, "POST /api/members, paced at %.0f/s", rate),
                            clients,
                            measure,
                            pacer,
                            register);
                    lag.stop();
                    steadyLag = lag.worstOfAll();
                    rate *= 0.75;
                }
                Double raw = rawRate.apply(clients);
                String note = String.format(
                        Locale.ROOT,
                        "max lag %.1f s (limit %d s)%s; as fast as possible %.0f/s with max lag %.1f s; worst: %s",
                        seconds(steadyLag),
                        STEADY.toSeconds(),
                        steadyLag.compareTo(STEADY) > 0 ? " NOT STEADY" : "",
                        free.perSecond(),
                        seconds(freeLag),
                        worstProcessor(lag.worst()));
                report.add(new Report.Row(
                        "POST /api/members, steady state",
                        clients,
                        steady.perSecond(),
                        "req/s",
                        steady.p50Nanos() / 1e6,
                        steady.p99Nanos() / 1e6,
                        raw == null ? null : steady.perSecond() / raw,
                        note + (steady.errors() > 0 ? " errors=" + steady.errors() : "")));
            }
            lag.drain(DRAIN);
        }
    }

    private static String worstProcessor(Map<String, Duration> worst) {
        return worst.entrySet().stream()
                .max(Map.Entry.comparingByValue())
                .map(e -> e.getKey() + " " + String.format(Locale.ROOT, "%.1f s", seconds(e.getValue())))
                .orElse("-");
    }

    private static double seconds(Duration duration) {
        return duration.toMillis() / 1000.0;
    }

    static String json() {
        String nib = Long.toString(RawBaseline.NIBS.incrementAndGet());
        String nik = "3314" + String.format(Locale.ROOT, "%012d", Math.floorMod(nib.hashCode(), 1_000_000_000_000L));
        return """
                {"nib":"%s","businessName":"Mebel Sragen %s","ownerName":"Siti Rahayu","ownerNik":"%s",
                 "sector":"furniture","province":"Jawa Tengah","regency":"Sragen","scale":"SMALL",
                 "contactPhone":"+62 271 123456","contactEmail":"siti@example.id"}""".formatted(nib, nib, nik);
    }
}
