package org.factorysharing.benchmark;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.factorysharing.benchmark.LoadRun.Result;
import org.factorysharing.server.FactorySharingApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * What HTTP Basic costs per request: {@code GET /api/tasks} as an administrator, one client, on a server with the
 * verified-credential cache (the default, 60 s) and on one without it ({@code fs.security.credential-cache=0s}), where
 * every request pays a bcrypt check (cost 12). Each runs on a fresh server of its own (started here, on a fresh
 * embedded PostgreSQL), as the cache is fixed at start.
 */
final class BasicAuthScenario {

    private static final String USER = "bench-admin";

    private final Duration measure;
    private final Duration warmup;

    BasicAuthScenario(Duration measure, Duration warmup) {
        this.measure = measure;
        this.warmup = warmup;
    }

    void execute() throws Exception {
        List<Result> results = new ArrayList<>();
        results.add(run("Basic, credential cache 60 s", "60s"));
        results.add(run("Basic, no cache (bcrypt each)", "0s"));
        System.out.printf(
                "%nbasic-auth: GET /api/tasks as an administrator, %d cores, %ss per run%n",
                Runtime.getRuntime().availableProcessors(), measure.toSeconds());
        System.out.printf(
                "%-32s %7s %11s %9s %9s %9s %8s%n",
                "scenario", "clients", "requests/s", "p50 ms", "p99 ms", "max ms", "errors");
        for (Result r : results) {
            System.out.printf(
                    Locale.ROOT,
                    "%-32s %7d %11.0f %9.3f %9.3f %9.2f %8d%n",
                    r.name(),
                    r.clients(),
                    r.perSecond(),
                    r.p50Nanos() / 1e6,
                    r.p99Nanos() / 1e6,
                    r.maxNanos() / 1e6,
                    r.errors());
        }
        System.out.printf(
                Locale.ROOT,
                "password check per request without the cache: about %.1f ms (p50 difference)%n",
                (results.get(1).p50Nanos() - results.get(0).p50Nanos()) / 1e6);
    }

    private Result run(String name, String credentialCache) throws Exception {
        String password = UUID.randomUUID().toString();
        ConfigurableApplicationContext context = new SpringApplicationBuilder(FactorySharingApplication.class)
                .run(
                        "--fs.embedded-db.data-dir=" + Files.createTempDirectory("factory-sharing-benchmark"),
                        "--fs.embedded-db.clean=true",
                        "--fs.demo-users.enabled=false",
                        "--fs.demo-data.enabled=false",
                        "--fs.admin.user=" + USER,
                        "--fs.admin.password=" + password,
                        "--fs.security.credential-cache=" + credentialCache,
                        "--server.port=0",
                        "--logging.level.root=WARN",
                        "--spring.main.banner-mode=off");
        try {
            int port = Integer.parseInt(context.getEnvironment().getProperty("local.server.port"));
            HttpClient client = HttpClient.newHttpClient();
            HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/tasks"))
                    .header(
                            "Authorization",
                            "Basic "
                                    + Base64.getEncoder()
                                            .encodeToString((USER + ":" + password).getBytes(StandardCharsets.UTF_8)))
                    .build();
            LoadRun.Operation get = (c, s) -> {
                HttpResponse<Void> response = client.send(request, HttpResponse.BodyHandlers.discarding());
                if (response.statusCode() != 200) {
                    throw new IllegalStateException("GET /api/tasks answered " + response.statusCode());
                }
            };
            LoadRun.run("warm-up", 1, warmup, get);
            return LoadRun.run(name, 1, measure, get);
        } finally {
            context.close();
        }
    }
}
