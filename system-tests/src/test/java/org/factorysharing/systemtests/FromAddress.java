package org.factorysharing.systemtests;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URLEncoder;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * HTTP from a chosen local address: the JDK's HttpClient cannot bind one (before Java 19), and the login throttle
 * tells clients apart by address. On Linux all of 127.0.0.0/8 is loopback, so 127.0.0.2 and 127.0.0.3 are two clients
 * of the same machine. One request per connection, HTTP/1.0 (no chunked replies), no redirects followed.
 */
public final class FromAddress {

    private final InetAddress local;
    private final int port;
    private String cookie;
    private String csrf;

    private FromAddress(InetAddress local, int port) {
        this.local = local;
        this.port = port;
    }

    public static FromAddress of(String localAddress, int port) {
        try {
            return new FromAddress(InetAddress.getByName(localAddress), port);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(localAddress, e);
        }
    }

    /** A GET with HTTP Basic credentials. */
    public Reply basic(String path, String user, String password) {
        String token = Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        return send("GET", path, Map.of("Authorization", "Basic " + token), null);
    }

    /**
     * Signs in through the login form (/login) as a browser would: fetches the form for its session and CSRF token
     * once, then posts the credentials (see {@link Reply#signedIn()}).
     */
    public Reply formLogin(String user, String password) {
        if (csrf == null) {
            Reply form = send("GET", "/login", Map.of(), null);
            csrf = java.net.URLDecoder.decode(Http.csrfToken(form.body()), java.nio.charset.StandardCharsets.UTF_8);
        }
        String body = "username=" + encode(user) + "&password=" + encode(password) + "&_csrf=" + encode(csrf);
        return send("POST", "/login", Map.of("Content-Type", "application/x-www-form-urlencoded"), body);
    }

    public Reply send(String method, String path, Map<String, String> headers, String body) {
        try (Socket socket = new Socket()) {
            socket.setSoTimeout(60_000);
            socket.bind(new InetSocketAddress(local, 0));
            socket.connect(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), port), 10_000);
            byte[] content = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
            StringBuilder request = new StringBuilder()
                    .append(method)
                    .append(' ')
                    .append(path)
                    .append(" HTTP/1.0\r\nHost: localhost:")
                    .append(port)
                    .append("\r\nConnection: close\r\n");
            headers.forEach((name, value) ->
                    request.append(name).append(": ").append(value).append("\r\n"));
            if (cookie != null) {
                request.append("Cookie: ").append(cookie).append("\r\n");
            }
            if (body != null) {
                request.append("Content-Length: ").append(content.length).append("\r\n");
            }
            request.append("\r\n");
            OutputStream out = socket.getOutputStream();
            out.write(request.toString().getBytes(StandardCharsets.ISO_8859_1));
            out.write(content);
            out.flush();
            Reply reply = Reply.parse(readAll(socket.getInputStream()));
            for (String setCookie : reply.headers("set-cookie")) {
                if (setCookie.startsWith("JSESSIONID=")) {
                    cookie = setCookie.substring(0, setCookie.indexOf(';'));
                }
            }
            return reply;
        } catch (IOException e) {
            throw new UncheckedIOException(method + " " + path + " from " + local, e);
        }
    }

    private static byte[] readAll(InputStream in) throws IOException {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        in.transferTo(all);
        return all.toByteArray();
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /** A response: status, headers (names in lower case), body. */
    public record Reply(int status, Map<String, List<String>> headers, String body) {

        static Reply parse(byte[] raw) {
            String text = new String(raw, StandardCharsets.UTF_8);
            int end = text.indexOf("\r\n\r\n");
            String head = end < 0 ? text : text.substring(0, end);
            String body = end < 0 ? "" : text.substring(end + 4);
            String[] lines = head.split("\r\n");
            int status = Integer.parseInt(lines[0].split(" ")[1]);
            Map<String, List<String>> headers = new LinkedHashMap<>();
            for (int i = 1; i < lines.length; i++) {
                int colon = lines[i].indexOf(':');
                headers.computeIfAbsent(
                                lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT), k -> new ArrayList<>())
                        .add(lines[i].substring(colon + 1).trim());
            }
            return new Reply(status, headers, body);
        }

        public List<String> headers(String name) {
            return headers.getOrDefault(name.toLowerCase(Locale.ROOT), List.of());
        }

        public String header(String name) {
            List<String> values = headers(name);
            return values.isEmpty() ? null : values.get(0);
        }

        /** For the login form: a redirect to the webapps rather than back to the form with an error. */
        public boolean signedIn() {
            return status == 302
                    && header("Location") != null
                    && !header("Location").contains("/login");
        }

        @Override
        public String toString() {
            return status + " " + headers + " " + (body.length() > 300 ? body.substring(0, 300) + "..." : body);
        }
    }
}
