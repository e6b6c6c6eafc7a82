package org.factorysharing.benchmark;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;

/** The JSON API as one user sees it over HTTP Basic: what the benchmark's clients send, as a person's program would. */
final class Api {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient CLIENT = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(10))
            .version(HttpClient.Version.HTTP_1_1)
            .build();

    /** GET requests sent by every client so far: the job scenario reports how many of them were polls. */
    static final AtomicLong GETS = new AtomicLong();

    private final String base;
    private final String authorization;

    Api(int port, String user, String password) {
        this.base = "http://127.0.0.1:" + port;
        this.authorization =
                "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    record Reply(int status, String body) {
        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (Exception e) {
                throw new IllegalStateException("not JSON (" + status + "): " + body, e);
            }
        }

        Reply expect(int expected) {
            if (status != expected) {
                throw new IllegalStateException("expected " + expected + " but got " + status + ": " + body);
            }
            return this;
        }
    }

    Reply get(String path) {
        GETS.incrementAndGet();
        return send(request(path).GET());
    }

    Reply post(String path, String json) {
        return send(request(path)
                .header("Content-Type", "application/json")
                .POST(json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json)));
    }

    Reply put(String path, String json) {
        return send(request(path)
                .header("Content-Type", "application/json")
                .PUT(json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json)));
    }

    /** Polls GET {@code path} every {@code every} until the answer passes {@code until}; fails after {@code patience}. */
    JsonNode await(String path, Predicate<JsonNode> until, Duration every, Duration patience) {
        long deadline = System.nanoTime() + patience.toNanos();
        while (true) {
            Reply reply = get(path);
            if (reply.status() == 200) {
                JsonNode json = reply.json();
                if (until.test(json)) {
                    return json;
                }
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("gave up waiting on " + path + ": " + reply.body());
            }
            try {
                Thread.sleep(every.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    /** The one open task of that kind about the business object, once it exists. */
    JsonNode awaitTask(String businessKey, String taskKey, Duration every, Duration patience) {
        return await(
                        "/api/tasks?size=10&businessKey=" + businessKey + "&taskKey=" + taskKey,
                        page -> page.get("items").size() > 0,
                        every,
                        patience)
                .get("items")
                .get(0);
    }

    void complete(JsonNode task, String variables) {
        post("/api/tasks/" + task.get("id").asText() + "/complete", "{\"variables\":" + variables + "}")
                .expect(204);
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(base + path))
                .timeout(Duration.ofSeconds(60))
                .header("Authorization", authorization)
                .header("Accept", "application/json");
    }

    private static Reply send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Reply(response.statusCode(), response.body());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
