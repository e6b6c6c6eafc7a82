package org.factorysharing.systemtests.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.CookieManager;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.factorysharing.server.FactorySharingApplication;
import org.factorysharing.systemtests.Http;
import org.factorysharing.testing.TestData;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Single sign-on without any outside issuer: the test is the issuer. It makes an RSA key pair and serves a minimal
 * OpenID Connect provider on loopback (discovery document, JWKS, authorize and token endpoints), and starts the server
 * configured for it. Covered: bearer tokens on the API (valid, expired, another key, another issuer, another
 * audience, groups from the claim deciding access, the token's user recorded as the actor, HTTP Basic still working),
 * and the authorization-code login of the pages and the Camunda webapps (redirect, code exchange, ID token with nonce,
 * groups from the claim reaching the webapps). Not covered: a real issuer's quirks (refresh, logout at the issuer,
 * userinfo endpoint, key rotation).
 */
class SingleSignOnIT {

    private static final String CLIENT_ID = "factory-sharing";
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dataDir;

    private HttpServer issuer;
    private RSAKey key;
    private String issuerUri;
    private final Map<String, String> nonces = new ConcurrentHashMap<>();
    private final Map<String, Map<String, Object>> users = new ConcurrentHashMap<>();

    @AfterEach
    void stopIssuer() {
        if (issuer != null) {
            issuer.stop(0);
        }
    }

    @Test
    void bearerTokensOfTheIssuerAndItsLoginWorkBesideTheBuiltInIdentityStore() throws Exception {
        startIssuer();
        try (ConfigurableApplicationContext server = startServer()) {
            int port = ((WebServerApplicationContext) server).getWebServer().getPort();
            String base = "http://localhost:" + port;

            // --- bearer tokens on the API ---
            String officerToken = token("sso-officer", List.of("officers"), issuerUri, CLIENT_ID, key, 300);
            assertThat(bearer(base + "/api/members", officerToken).statusCode()).isEqualTo(200);
            HttpResponse<String> registered =
                    bearerPost(base + "/api/members", officerToken, TestData.registerMemberJson(TestData.nib()));
            assertThat(registered.statusCode()).as(registered.body()).isEqualTo(201);
            String memberId = JSON.readTree(registered.body()).get("memberId").asText();
            JsonNode history = Http.as(port, "admin", TestData.PASSWORD)
                    .get("/api/audit/aggregates/" + memberId + "/events")
                    .json();
            assertThat(history.at("/events/0/metadata/userId").asText()).isEqualTo("sso-officer");
            assertThat(history.at("/events/0/metadata/groups").toString()).contains("officers");

            // groups from the claim decide: an auditor reads the audit log but registers nobody
            String auditorToken = token("sso-auditor", List.of("/auditors"), issuerUri, CLIENT_ID, key, 300);
            assertThat(bearer(base + "/api/audit/chain/verification", auditorToken)
                            .statusCode())
                    .isEqualTo(200);
            assertThat(bearerPost(base + "/api/members", auditorToken, TestData.registerMemberJson(TestData.nib()))
                            .statusCode())
                    .isEqualTo(403);
            String noGroups = token("sso-nobody", List.of(), issuerUri, CLIENT_ID, key, 300);
            assertThat(bearer(base + "/api/members", noGroups).statusCode()).isEqualTo(403);

            // refused: expired, another key, another issuer, another audience, garbage
            assertThat(bearer(
                                    base + "/api/members",
                                    token("sso-officer", List.of("officers"), issuerUri, CLIENT_ID, key, -120))
                            .statusCode())
                    .isEqualTo(401);
            RSAKey stranger = new RSAKeyGenerator(2048).keyID(key.getKeyID()).generate();
            assertThat(bearer(
                                    base + "/api/members",
                                    token("sso-officer", List.of("officers"), issuerUri, CLIENT_ID, stranger, 300))
                            .statusCode())
                    .isEqualTo(401);
            assertThat(bearer(
                                    base + "/api/members",
                                    token(
                                            "sso-officer",
                                            List.of("officers"),
                                            "http://127.0.0.1:1/other",
                                            CLIENT_ID,
                                            key,
                                            300))
                            .statusCode())
                    .isEqualTo(401);
            assertThat(bearer(
                                    base + "/api/members",
                                    token("sso-officer", List.of("officers"), issuerUri, "another-client", key, 300))
                            .statusCode())
                    .isEqualTo(401);
            assertThat(bearer(base + "/api/members", "not-a-token").statusCode())
                    .isEqualTo(401);

            // the built-in identity store still works, for the API and the form login
            assertThat(Http.as(port, "officer", TestData.PASSWORD)
                            .get("/api/members")
                            .status())
                    .isEqualTo(200);
            assertThat(Http.signedIn(port, "officer", TestData.PASSWORD)
                            .get("/")
                            .status())
                    .isEqualTo(200);

            // --- the login through the issuer: pages and Camunda webapps ---
            users.put("sso-supervisor", Map.of("groups", List.of("supervisors")));
            HttpClient browser = HttpClient.newBuilder()
                    .cookieHandler(new CookieManager())
                    .followRedirects(HttpClient.Redirect.NEVER)
                    .build();
            HttpResponse<String> loginPage = browser.send(html(base + "/login"), HttpResponse.BodyHandlers.ofString());
            assertThat(loginPage.body()).contains("/oauth2/authorization/sso").contains("Masuk dengan SSO Kementerian");
            HttpResponse<String> toIssuer =
                    browser.send(html(base + "/oauth2/authorization/sso"), HttpResponse.BodyHandlers.ofString());
            assertThat(toIssuer.statusCode()).isEqualTo(302);
            String authorize = toIssuer.headers().firstValue("Location").orElseThrow();
            assertThat(authorize).startsWith(issuerUri + "/authorize");
            HttpResponse<String> back =
                    browser.send(html(authorize + "&login_hint=sso-supervisor"), HttpResponse.BodyHandlers.ofString());
            String callback = back.headers().firstValue("Location").orElseThrow();
            assertThat(callback).startsWith(base + "/login/oauth2/code/sso");
            HttpResponse<String> signedIn = browser.send(html(callback), HttpResponse.BodyHandlers.ofString());
            assertThat(signedIn.statusCode()).as(signedIn.body()).isEqualTo(302);
            assertThat(signedIn.headers().firstValue("Location").orElseThrow()).doesNotContain("error");
            HttpResponse<String> home = browser.send(html(base + "/"), HttpResponse.BodyHandlers.ofString());
            assertThat(home.statusCode()).isEqualTo(200);
            assertThat(home.body()).contains("sso-supervisor");

            // the webapps take the user and the groups from the token: supervisors may use Tasklist
            HttpResponse<String> tasklist =
                    browser.send(html(base + "/camunda/app/tasklist/default/"), HttpResponse.BodyHandlers.ofString());
            HttpResponse<String> camundaUser = browser.send(
                    HttpRequest.newBuilder(URI.create(base + "/camunda/api/admin/auth/user/default"))
                            .header("Accept", "application/json")
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(camundaUser.statusCode()).as(camundaUser.body()).isEqualTo(200);
            assertThat(tasklist.statusCode()).as(camundaUser.body()).isEqualTo(200);
            JsonNode camunda = JSON.readTree(camundaUser.body());
            assertThat(camunda.get("userId").asText()).isEqualTo("sso-supervisor");
            assertThat(camunda.get("authorizedApps").toString()).contains("tasklist");
        }
    }

    // --- the server, configured for the test's issuer ---

    private ConfigurableApplicationContext startServer() {
        return new SpringApplicationBuilder(FactorySharingApplication.class)
                .run(
                        "--spring.datasource.url=",
                        "--fs.embedded-db.data-dir=" + dataDir,
                        "--fs.demo-users.enabled=true",
                        "--fs.demo-data.enabled=false",
                        "--fs.demo-users.password=" + TestData.PASSWORD,
                        "--server.port=0",
                        "--camunda.bpm.job-execution.enabled=false",
                        "--spring.main.banner-mode=off",
                        "--fs.security.oidc.issuer-uri=" + issuerUri,
                        "--fs.security.oidc.jwk-set-uri=" + issuerUri + "/jwks",
                        "--fs.security.oidc.client-id=" + CLIENT_ID,
                        "--fs.security.oidc.client-secret=test-client-secret",
                        "--fs.security.oidc.audience=" + CLIENT_ID,
                        "--fs.security.oidc.name=Masuk dengan SSO Kementerian");
    }

    // --- a minimal OpenID Connect provider ---

    private void startIssuer() throws Exception {
        key = new RSAKeyGenerator(2048).keyID(UUID.randomUUID().toString()).generate();
        issuer = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        issuerUri = "http://127.0.0.1:" + issuer.getAddress().getPort() + "/realm";
        issuer.createContext(
                "/realm/.well-known/openid-configuration",
                exchange -> json(
                        exchange,
                        Map.of(
                                "issuer",
                                issuerUri,
                                "authorization_endpoint",
                                issuerUri + "/authorize",
                                "token_endpoint",
                                issuerUri + "/token",
                                "jwks_uri",
                                issuerUri + "/jwks",
                                "response_types_supported",
                                List.of("code"),
                                "subject_types_supported",
                                List.of("public"),
                                "id_token_signing_alg_values_supported",
                                List.of("RS256"),
                                "token_endpoint_auth_methods_supported",
                                List.of("client_secret_basic"))));
        issuer.createContext("/realm/jwks", exchange -> {
            byte[] body = new JWKSet(key.toPublicJWK()).toString().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        // "the user signs in at the issuer": login_hint names who
        issuer.createContext("/realm/authorize", exchange -> {
            Map<String, String> query = query(exchange.getRequestURI().getRawQuery());
            String code = UUID.randomUUID().toString();
            nonces.put(code, query.get("nonce") + "|" + query.get("login_hint"));
            exchange.getResponseHeaders()
                    .set(
                            "Location",
                            query.get("redirect_uri") + "?code=" + code + "&state="
                                    + URLEncoder.encode(query.get("state"), StandardCharsets.UTF_8));
            exchange.sendResponseHeaders(302, -1);
            exchange.close();
        });
        issuer.createContext("/realm/token", exchange -> {
            Map<String, String> form =
                    query(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            String[] grant = nonces.remove(form.get("code")).split("\\|", 2);
            String user = grant[1];
            @SuppressWarnings("unchecked")
            List<String> groups = (List<String>) users.get(user).get("groups");
            try {
                Map<String, Object> claims = new HashMap<>();
                claims.put("nonce", grant[0]);
                json(
                        exchange,
                        Map.of(
                                "access_token",
                                token(user, groups, issuerUri, CLIENT_ID, key, 300),
                                "token_type",
                                "Bearer",
                                "expires_in",
                                300,
                                "id_token",
                                signed(user, groups, issuerUri, CLIENT_ID, key, 300, claims)));
            } catch (Exception e) {
                throw new IOException(e);
            }
        });
        issuer.start();
    }

    private static String token(String user, List<String> groups, String iss, String aud, RSAKey key, int seconds)
            throws Exception {
        return signed(user, groups, iss, aud, key, seconds, Map.of());
    }

    private static String signed(
            String user,
            List<String> groups,
            String iss,
            String aud,
            RSAKey key,
            int seconds,
            Map<String, Object> extra)
            throws Exception {
        Instant now = Instant.now();
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
                .issuer(iss)
                .subject(UUID.randomUUID().toString())
                .audience(aud)
                .issueTime(Date.from(now.minusSeconds(Math.max(0, -seconds) + 60)))
                .expirationTime(Date.from(now.plusSeconds(seconds)))
                .claim("preferred_username", user)
                .claim("groups", groups);
        extra.forEach(claims::claim);
        SignedJWT jwt = new SignedJWT(
                new JWSHeader.Builder(JWSAlgorithm.RS256)
                        .keyID(key.getKeyID())
                        .type(JOSEObjectType.JWT)
                        .build(),
                claims.build());
        jwt.sign(new RSASSASigner(key));
        return jwt.serialize();
    }

    private static void json(HttpExchange exchange, Object body) throws IOException {
        byte[] bytes = JSON.writeValueAsBytes(body);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> values = new HashMap<>();
        if (raw == null) {
            return values;
        }
        for (String pair : raw.split("&")) {
            String[] kv = pair.split("=", 2);
            values.put(
                    URLDecoder.decode(kv[0], StandardCharsets.UTF_8),
                    kv.length > 1 ? URLDecoder.decode(kv[1], StandardCharsets.UTF_8) : "");
        }
        return values;
    }

    private static HttpRequest html(String uri) {
        return HttpRequest.newBuilder(URI.create(uri))
                .header("Accept", "text/html")
                .timeout(Duration.ofSeconds(30))
                .build();
    }

    private static HttpResponse<String> bearer(String uri, String token) throws Exception {
        return HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(uri))
                                .header("Authorization", "Bearer " + token)
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> bearerPost(String uri, String token, String json) throws Exception {
        return HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(uri))
                                .header("Authorization", "Bearer " + token)
                                .header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString(json))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
    }
}
