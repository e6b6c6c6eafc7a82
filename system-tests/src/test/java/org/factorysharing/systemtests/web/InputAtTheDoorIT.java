package org.factorysharing.systemtests.web;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.factorysharing.systemtests.Problems.assertField;
import static org.factorysharing.systemtests.Problems.assertProblem;

import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Base64;
import java.util.List;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.factorysharing.api.factory.FactoryEvent.FactoryProposed;
import org.factorysharing.api.factory.FactoryId;
import org.factorysharing.api.factory.MachinePlan;
import org.factorysharing.systemtests.Http;
import org.factorysharing.systemtests.Http.Reply;
import org.factorysharing.systemtests.ServerTest;
import org.factorysharing.testing.EventFeed;
import org.factorysharing.testing.EventStoreProbe;
import org.factorysharing.testing.TestData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Absurd or malformed input is refused at the door with a problem naming the field, and writes nothing: dates
 * outside the programme's range, fractions or quoted numbers in whole-number fields, trailing garbage, unpaired
 * surrogates, oversized bodies; and every error, also the container's own, is problem+json. A date that got in
 * before these checks is parked by the read models and bridges instead of stalling them.
 */
@ServerTest
class InputAtTheDoorIT {

    @LocalServerPort
    int port;

    @Autowired
    EventStoreProbe eventStore;

    @Autowired
    EventFeed feed;

    @Autowired
    CommandGateway commands;

    Http officer() {
        return Http.as(port, "officer", TestData.PASSWORD);
    }

    @ParameterizedTest
    @ValueSource(strings = {"+999999999-12-31", "9999-12-31", "1999-12-31"})
    void aDateOutsideTheProgrammesRangeIsRefusedAndNothingIsWritten(String date) {
        long factories = eventStore.eventCount("FactoryProposed");
        String body = TestData.proposeFactoryJson("RPB Tanggal")
                .replaceAll("\"installationDueOn\":\"[^\"]+\"", "\"installationDueOn\":\"" + date + "\"");

        Reply refused = officer().post("/api/factories", body);

        assertField(refused, "installationDueOn");
        assertThat(refused.json().get("errors").get(0).get("message").asText())
                .startsWith("must lie between 2000-01-01 and ");
        assertThat(eventStore.eventCount("FactoryProposed")).isEqualTo(factories);
    }

    @Test
    void everyDateAPersonEntersIsBounded() {
        String far = TestData.today().plusYears(11).toString();
        assertField(
                officer().put("/api/members/any/qualifications/CNC_ROUTER", "{\"expiresOn\":\"" + far + "\"}"),
                "expiresOn");
        assertField(officer().get("/api/factories/any/calendar?from=1999-01-01&to=1999-01-02"), "from");
        assertField(officer().post("/api/programme/waves", WAVE.replace("\"year\":2026", "\"year\":2100")), "year");
        String job = JOB.replace("EARLIEST", TestData.today().toString()).replace("DEADLINE", far);
        assertField(officer().post("/api/jobs", job), "deadline");
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "/api/factories | capacityHoursPerDay | 8 | 7.5",
                "/api/factories | capacityHoursPerDay | 8 | \"8\"",
                "/api/jobs | quantity | 400 | 1.5",
                "/api/jobs | machineHours | 16 | \"12\"",
                "/api/programme/waves | targetFactories | 5 | 2.5",
                "/api/programme/waves | pilotMonths | 6 | \"6\"",
                "/api/programme/waves | minOutputUnits | 100 | 10.5"
            })
    void aWholeNumberFieldTakesNoFractionAndNoQuotedNumber(String path, String field, String good, String bad) {
        String body = switch (path) {
            case "/api/factories" -> TestData.proposeFactoryJson("RPB Angka");
            case "/api/jobs" ->
                JOB.replace("EARLIEST", TestData.today().toString())
                        .replace("DEADLINE", TestData.today().plusDays(5).toString());
            default -> WAVE;
        };
        String broken = body.replaceFirst("\"" + field + "\":\\s*" + good, "\"" + field + "\":" + bad);
        assertThat(broken).isNotEqualTo(body);
        long events = eventStore.eventCount();

        Reply refused = officer().post(path, broken);

        assertThat(refused.status()).as(refused.toString()).isEqualTo(400);
        assertProblem(refused);
        assertThat(refused.body()).contains(field);
        assertThat(eventStore.eventCount()).isEqualTo(events);
    }

    @Test
    void nothingMayFollowTheJsonDocument() {
        Reply refused = officer().post("/api/members", TestData.registerMemberJson(TestData.nib()) + " {\"x\":1}");
        assertThat(refused.status()).as(refused.toString()).isEqualTo(400);
        assertProblem(refused);
    }

    @Test
    void anUnpairedSurrogateIsNoCharacterAndIsRefused() {
        String nib = TestData.nib();
        String body = TestData.registerMemberJson(nib).replace("\"Siti Rahayu\"", "\"Siti \\ud800 Rahayu\"");
        assertField(officer().post("/api/members", body), "ownerName");
        assertThat(eventStore.nibClaims(nib)).isZero();
    }

    @Test
    void aBodyOverTheLimitIsRefusedWith413() throws IOException {
        String huge = "{\"padding\":\"" + "x".repeat(10 * 1024 * 1024) + "\"}";
        Reply declared = officer().post("/api/members", huge);
        assertThat(declared.status()).as(declared.toString()).isEqualTo(413);
        assertProblem(declared);

        // a chunked body declares no length: it is counted while read, and stops at the limit
        String chunked = chunkedPost("/api/members", "{\"padding\":\"" + "x".repeat(1_500_000) + "\"}");
        assertThat(chunked).startsWith("HTTP/1.1 413").contains("application/problem+json");
    }

    /** A raw HTTP/1.1 POST with a chunked body (the JDK client would not keep sending after the answer). */
    private String chunkedPost(String path, String body) throws IOException {
        try (Socket socket = new Socket("localhost", port)) {
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            String auth = Base64.getEncoder().encodeToString(("officer:" + TestData.PASSWORD).getBytes(UTF_8));
            out.write(("POST " + path + " HTTP/1.1\r\nHost: localhost\r\nAuthorization: Basic " + auth
                            + "\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n")
                    .getBytes(UTF_8));
            byte[] bytes = body.getBytes(UTF_8);
            for (int offset = 0; offset < bytes.length; offset += 8192) {
                int length = Math.min(8192, bytes.length - offset);
                out.write((Integer.toHexString(length) + "\r\n").getBytes(UTF_8));
                out.write(bytes, offset, length);
                out.write("\r\n".getBytes(UTF_8));
            }
            out.write("0\r\n\r\n".getBytes(UTF_8));
            out.flush();
            return new String(socket.getInputStream().readNBytes(2048), UTF_8);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/members/%00", "/api/members/a%2Fb", "/api/nothing-here", "/nothing-here", "/error"})
    void errorsOutsideTheControllersAreProblemsToo(String path) {
        Reply reply = officer().get(path);
        assertThat(reply.status()).as(reply.toString()).isBetween(400, 499);
        assertProblem(reply);
    }

    @Test
    void anOverlongQueryStringAndAWrongMethodAreProblems() {
        Reply tooLong = officer().get("/api/members?province=" + "p".repeat(20_000));
        assertThat(tooLong.status()).as(tooLong.toString()).isBetween(400, 499);
        assertProblem(tooLong);
        Reply wrongMethod = officer()
                .send(officer().request("/api/members").method("PATCH", HttpRequest.BodyPublishers.ofString("{}")));
        assertThat(wrongMethod.status()).as(wrongMethod.toString()).isEqualTo(405);
        assertProblem(wrongMethod);
    }

    /**
     * An absurd date stored before the checks existed: the registry and the commissioning bridge park the event,
     * a valid factory proposed after it is shown, and the processors are not stalled.
     */
    @Test
    void anAbsurdDateStoredEarlierIsParkedAndLaterFactoriesAreShown() {
        feed.pauseWorkflowBridges();
        FactoryId poison = FactoryId.newId();
        try {
            feed.aggregate("Factory", poison.value())
                    .publish(
                            Instant.now(),
                            new FactoryProposed(
                                    poison,
                                    "RPB Lama",
                                    "Sulawesi Utara",
                                    "Minahasa",
                                    "Coconut",
                                    "COCONUT",
                                    "Koperasi",
                                    List.of(new MachinePlan("press-1", "COCONUT_OIL_PRESS", 8)),
                                    LocalDate.MAX,
                                    poison.staffGroup(),
                                    "officer"));
        } finally {
            feed.resumeWorkflowBridgesAtHead();
        }
        Reply later = officer().post("/api/factories", TestData.proposeFactoryJson("RPB Sesudahnya"));
        String laterId = later.json().get("factoryId").asText();
        feed.awaitCaughtUp("factory-registry");

        assertThat(officer().get("/api/factories/" + laterId).status()).isEqualTo(200);
        Http admin = Http.as(port, "admin", TestData.PASSWORD);
        org.awaitility.Awaitility.await()
                .atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(admin.get("/api/admin/dead-letters?processingGroup=factory-registry")
                                .json()
                                .findValuesAsText("aggregateId"))
                        .contains(poison.value()));
        assertThat(admin.get("/api/admin/projections/factory-registry")
                        .json()
                        .get("error")
                        .asBoolean())
                .isFalse();
    }

    private static final String WAVE = """
            {"name":"Pilot","year":2026,"kind":"PILOT","targetFactories":5,"pilotMonths":6,
             "thresholds":{"minUtilisation":0.5,"minMembersServed":1,"minJobsCompleted":1,"minOutputUnits":100,
             "minQualityPassRate":0.9}}""";

    private static final String JOB = """
            {"memberId":"m","factoryId":"f","machineType":"COCONUT_OIL_PRESS","product":"Minyak kelapa",
             "quantity":400,"machineHours":16,"earliestStart":"EARLIEST","deadline":"DEADLINE"}""";
}
