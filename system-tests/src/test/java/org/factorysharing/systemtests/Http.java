package org.factorysharing.systemtests;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** A small real HTTP client for the tests: Basic auth for the API, cookies for the webapps. */
public final class Http {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final String base;
    private final String authorization;
    private final HttpClient client;

    private Http(String base, String authorization, HttpClient client) {
        this.base = base;
        this.authorization = authorization;
        this.client = client;
    }

    public static Http as(int port, String user, String password) {
        String token = Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        return new Http("http://localhost:" + port, "Basic " + token, HttpClient.newHttpClient());
    }

    public static Http anonymous(int port) {
        return new Http("http://localhost:" + port, null, HttpClient.newHttpClient());
    }

    /** A browser-like client: keeps cookies, does not follow redirects. */
    public static Http browser(int port) {
        return new Http(
                "http://localhost:" + port,
                null,
                HttpClient.newBuilder()
                        .cookieHandler(new CookieManager())
                        .followRedirects(HttpClient.Redirect.NEVER)
                        .build());
    }

    /**
     * A browser signed in through the login form and holding the webapps' CSRF token (handed out as the
     * XSRF-TOKEN cookie by the Tasklist page): ready for {@link #webappPost}.
     */
    public static Http signedInToWebapps(int port, String user, String password) {
        Http browser = browser(port);
        String loginPage = browser.get("/login").body();
        String csrf = loginPage.replaceAll("(?s).*name=\"_csrf\" type=\"hidden\" value=\"([^\"]+)\".*", "$1");
        Reply login = browser.postForm("/login", "username=" + user + "&password=" + password + "&_csrf=" + csrf);
        if (login.status() != 302 || login.header("Location").contains("error")) {
            throw new IllegalStateException("login of " + user + " failed: " + login);
        }
        Reply tasklist = browser.get("/camunda/app/tasklist/default/");
        if (tasklist.status() != 200) {
            throw new IllegalStateException("Tasklist answered " + tasklist);
        }
        return browser;
    }

    /** A JSON POST to the webapps' own REST API (/camunda/api/...), with the CSRF header they require. */
    public Reply webappPost(String path, String json) {
        return send(request(path)
                .header("Content-Type", "application/json")
                .header("X-XSRF-TOKEN", xsrfToken())
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    /** A form POST to the webapps' own REST API, with the CSRF header they require. */
    public Reply webappPostForm(String path, String form) {
        return send(request(path)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("X-XSRF-TOKEN", xsrfToken())
                .POST(HttpRequest.BodyPublishers.ofString(form)));
    }

    public Reply webappDelete(String path) {
        return send(request(path).header("X-XSRF-TOKEN", xsrfToken()).DELETE());
    }

    private String xsrfToken() {
        return ((CookieManager) client.cookieHandler().orElseThrow())
                .getCookieStore().getCookies().stream()
                        .filter(cookie -> cookie.getName().equals("XSRF-TOKEN"))
                        .findFirst()
                        .orElseThrow()
                        .getValue();
    }

    public Reply get(String path) {
        return send(request(path).GET());
    }

    public Reply post(String path, String json) {
        return send(request(path)
                .header("Content-Type", "application/json")
                .POST(json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json)));
    }

    public Reply put(String path, String json) {
        return send(request(path)
                .header("Content-Type", "application/json")
                .PUT(json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json)));
    }

    /** A DELETE with a JSON body (e.g. the reason of a forget). */
    public Reply delete(String path, String json) {
        return send(request(path)
                .header("Content-Type", "application/json")
                .method("DELETE", HttpRequest.BodyPublishers.ofString(json)));
    }

    public Reply delete(String path) {
        return send(request(path).DELETE());
    }

    public Reply postForm(String path, String form) {
        return send(request(path)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)));
    }

    public Reply send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Reply(response);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public HttpRequest.Builder request(String path) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(base + path));
        if (authorization != null) {
            builder.header("Authorization", authorization);
        }
        return builder;
    }

    public HttpClient client() {
        return client;
    }

    /** A response with its body parsed on demand. */
    public record Reply(HttpResponse<String> response) {

        public int status() {
            return response.statusCode();
        }

        public String body() {
            return response.body();
        }

        public JsonNode json() {
            try {
                return JSON.readTree(response.body());
            } catch (IOException e) {
                throw new UncheckedIOException("not JSON: " + response.body(), e);
            }
        }

        public String header(String name) {
            return response.headers().firstValue(name).orElse(null);
        }

        @Override
        public String toString() {
            return status() + " " + body();
        }
    }
}
