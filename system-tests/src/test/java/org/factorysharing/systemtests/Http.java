package org.factorysharing.systemtests;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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
        Http browser = signedIn(port, user, password);
        Reply tasklist = browser.get("/camunda/app/tasklist/default/");
        if (tasklist.status() != 200) {
            throw new IllegalStateException("Tasklist answered " + tasklist);
        }
        return browser;
    }

    /** A browser-like client signed in through the login form (a session cookie), as the pages are used. */
    public static Http signedIn(int port, String user, String password) {
        Http browser = browser(port);
        String csrf = csrfToken(browser.get("/login").body());
        Reply login = browser.postForm(
                "/login",
                "username=" + URLEncoder.encode(user, StandardCharsets.UTF_8) + "&password="
                        + URLEncoder.encode(password, StandardCharsets.UTF_8) + "&_csrf=" + csrf);
        if (login.status() != 302 || login.header("Location").contains("error")) {
            throw new IllegalStateException("login of " + user + " failed: " + login);
        }
        return browser;
    }

    /** The CSRF token a page's forms carry (the hidden _csrf field, or the page's csrf-token meta for htmx). */
    public static String csrfToken(String html) {
        Matcher field = Pattern.compile("<input[^>]*name=\"_csrf\"[^>]*>").matcher(html);
        Matcher meta = Pattern.compile("<meta[^>]*name=\"csrf-token\"[^>]*>").matcher(html);
        String tag = field.find() ? field.group() : meta.find() ? meta.group() : null;
        if (tag == null) {
            throw new IllegalStateException("no CSRF token on the page: " + html);
        }
        Matcher value = Pattern.compile("(?:value|content)=\"([^\"]+)\"").matcher(tag);
        if (!value.find()) {
            throw new IllegalStateException("no CSRF token in " + tag);
        }
        return URLEncoder.encode(value.group(1), StandardCharsets.UTF_8);
    }

    /**
     * A form POST from a page, as a signed-in browser sends it: with the session's CSRF token (taken from the home
     * page) added to {@code form}.
     */
    public Reply pagePost(String path, String form) {
        String csrf = csrfToken(get("/").body());
        return postForm(path, (form.isEmpty() ? "" : form + "&") + "_csrf=" + csrf);
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

    /** A file of a multipart form: its field name, file name, declared content type and bytes. */
    public record FilePart(String field, String fileName, String contentType, byte[] content) {}

    /** A multipart/form-data POST (an upload) with text fields and files, as a browser sends a form with files. */
    public Reply postMultipart(String path, Map<String, String> fields, List<FilePart> files) {
        String boundary = "----fs-test-" + UUID.randomUUID();
        return send(request(path)
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(multipart(boundary, fields, files))));
    }

    /** A multipart form POST from a page of a signed-in browser, with the session's CSRF token. */
    public Reply pagePostMultipart(String path, Map<String, String> fields, List<FilePart> files) {
        Map<String, String> withToken = new LinkedHashMap<>(fields);
        withToken.put("_csrf", URLDecoder.decode(csrfToken(get("/").body()), StandardCharsets.UTF_8));
        return postMultipart(path, withToken, files);
    }

    private static byte[] multipart(String boundary, Map<String, String> fields, List<FilePart> files) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        fields.forEach((name, value) -> body.writeBytes(
                ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"\r\n\r\n" + value + "\r\n")
                        .getBytes(StandardCharsets.UTF_8)));
        for (FilePart file : files) {
            body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + file.field()
                            + "\"; filename=\"" + file.fileName() + "\"\r\nContent-Type: " + file.contentType()
                            + "\r\n\r\n")
                    .getBytes(StandardCharsets.UTF_8));
            body.writeBytes(file.content());
            body.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
        }
        body.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return body.toByteArray();
    }

    /** A GET whose answer is kept as bytes (a document), with its headers. */
    public HttpResponse<byte[]> getBytes(String path) {
        try {
            return client.send(request(path).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
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
