package org.factorysharing.systemtests.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.factorysharing.systemtests.Problems.assertProblem;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.factorysharing.api.member.MemberCommands.GrantQualification;
import org.factorysharing.api.member.MemberCommands.VerifyMember;
import org.factorysharing.api.member.MemberId;
import org.factorysharing.api.programme.KpiThresholds;
import org.factorysharing.api.programme.WaveCommands.PlanWave;
import org.factorysharing.api.programme.WaveId;
import org.factorysharing.api.programme.WaveKind;
import org.factorysharing.systemtests.Http;
import org.factorysharing.systemtests.Http.Reply;
import org.factorysharing.systemtests.ServerTest;
import org.factorysharing.testing.EventStoreProbe;
import org.factorysharing.testing.TestData;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;

/**
 * The role matrix of docs/role-matrix.md, cell by cell over real HTTP: for every endpoint, each demo user whose group is
 * not allowed gets 403 and changes nothing (no event); each allowed one gets past the security rules (any answer
 * but 401/403: the body of a matrix probe need not make sense to the business rules).
 */
@ServerTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RoleMatrixIT {

    /** The demo users, one per group (the staff user is on the staff of no factory of this test). */
    private static final List<String> USERS =
            List.of("officer", "supervisor", "planner", "executive", "auditor", "staff", "member", "admin");

    private static final Set<String> READERS = Set.of("officer", "supervisor", "auditor", "admin");
    private static final Set<String> STAFF = Set.of("officer", "supervisor", "admin");
    private static final Set<String> PROGRAMME_READERS = union(READERS, "planner", "executive");

    @Value("${local.server.port}")
    int port;

    @Autowired
    CommandGateway commands;

    @Autowired
    EventStoreProbe events;

    private String memberId;
    private String factoryId;
    private String jobId;
    private String waveId;

    @BeforeAll
    void aMemberAFactoryAndAJob() {
        MemberId member = MemberId.newId();
        commands.sendAndWait(TestData.registerMember(member, TestData.nib()));
        commands.sendAndWait(new VerifyMember(member, "officer"));
        commands.sendAndWait(new GrantQualification(
                member, "COCONUT_OIL_PRESS", TestData.today().plusYears(1), "officer"));
        memberId = member.value();
        WaveId wave = WaveId.newId();
        commands.sendAndWait(new PlanWave(
                wave,
                "Matrix wave",
                2030,
                WaveKind.PILOT,
                1,
                6,
                new KpiThresholds(0.5, 1, 1, 1, 0.9),
                null,
                "officer"));
        waveId = wave.value();
        factoryId = TestData.commissionedFactory(commands).value();
        jobId = Http.as(port, "officer", TestData.PASSWORD)
                .post("/api/jobs", """
                {"memberId":"%s","factoryId":"%s","machineType":"COCONUT_OIL_PRESS","product":"Copra",
                 "quantity":10,"machineHours":2,"earliestStart":"%s","deadline":"%s"}""".formatted(
                                memberId,
                                factoryId,
                                TestData.today().plusDays(3),
                                TestData.today().plusDays(9)))
                .json()
                .get("jobId")
                .asText();
        // the job's process reserves its time in the background: let it finish before counting events
        await().atMost(Duration.ofSeconds(30))
                .until(() -> events.eventTypesOf(jobId).contains("ProductionJobScheduled"));
    }

    /** Events of everything a matrix call could touch or create. */
    private long relevantEvents() {
        return Stream.of(memberId, factoryId, jobId, waveId, "BALI/BANGLI")
                        .mapToLong(id -> events.eventTypesOf(id).size())
                        .sum()
                + events.eventCount(
                        "MemberRegistered",
                        "FactoryProposed",
                        "ProductionJobRequested",
                        "ProductionJobRequestRefused",
                        "RegionImported",
                        "WavePlanned");
    }

    /** One row of the matrix: who may call it. */
    record Cell(String method, String path, String body, Set<String> allowed) {
        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    List<Cell> matrix() {
        String m = "/api/members/" + memberId;
        String f = "/api/factories/" + factoryId;
        String j = "/api/jobs/" + jobId;
        String w = "/api/programme/waves/" + waveId;
        String table = "/api/programme/decisions/scale-up-eligibility";
        String reason = "{\"reason\":\"matrix probe\"}";
        return List.of(
                new Cell("GET", "/api/members", null, READERS),
                new Cell("POST", m + "/suspension", reason, STAFF),
                new Cell("POST", m + "/reinstatement", null, STAFF),
                new Cell("PUT", m + "/qualifications/CNC_ROUTER", "{\"expiresOn\":\"2030-01-01\"}", STAFF),
                new Cell("POST", m + "/qualifications/CNC_ROUTER/revocation", reason, STAFF),
                new Cell("PUT", m + "/accounts/nobody-" + memberId, null, STAFF),
                // no body: an allowed probe is answered 400 and forgets nothing (PersonalDataIT covers the rest)
                new Cell("DELETE", m + "/personal-data", null, union(STAFF, "member")),
                // an application's documents: handed in by the applicant or an officer, read by neither admins nor
                // factory staff (an allowed probe without a multipart body is answered 415 and stores nothing)
                new Cell("POST", m + "/documents", "{}", Set.of("officer", "member")),
                new Cell("GET", m + "/documents", null, Set.of("officer", "supervisor", "auditor", "member")),
                new Cell("GET", m + "/documents/none", null, Set.of("officer", "supervisor", "auditor", "member")),
                new Cell("POST", m + "/resubmission", null, Set.of("officer", "member")),
                new Cell("POST", "/api/factories", "{}", STAFF),
                new Cell("GET", "/api/factories", null, union(READERS, "staff")),
                new Cell("GET", f + "/calendar?from=2030-01-01&to=2030-01-02", null, union(READERS, "staff")),
                new Cell("POST", f + "/machines", "{}", Set.of("officer", "admin")),
                new Cell("PUT", f + "/machines/PRESS-1/maintenance", reason, Set.of("officer", "admin")),
                new Cell("POST", f + "/suspension", reason, STAFF),
                new Cell("POST", f + "/decommissioning", reason, STAFF),
                new Cell("PUT", f + "/staff/staff", null, Set.of("officer", "admin")),
                new Cell("GET", f + "/staff", null, Set.of("officer", "admin")),
                new Cell("POST", "/api/jobs", "{}", Set.of("officer", "admin", "member")),
                new Cell("POST", j + "/cancellation", reason, Set.of("officer", "admin", "member")),
                new Cell("GET", "/api/regions", null, union(READERS, "staff")),
                new Cell(
                        "PUT",
                        "/api/regions/BALI/BANGLI/potentials/COFFEE",
                        "{\"score\":50,\"sourceNote\":\"matrix probe\"}",
                        Set.of("officer", "admin")),
                new Cell("GET", "/api/programme/waves", null, PROGRAMME_READERS),
                new Cell("GET", w, null, PROGRAMME_READERS),
                new Cell("GET", w + "/kpis", null, PROGRAMME_READERS),
                new Cell("GET", w + "/tasks", null, PROGRAMME_READERS),
                new Cell("POST", "/api/programme/waves", "{}", STAFF),
                new Cell("POST", w + "/factories", "{}", STAFF),
                new Cell("POST", w + "/proposal", "{}", Set.of("officer", "supervisor")),
                new Cell("POST", w + "/approvals", "{}", Set.of("officer", "supervisor", "planner", "executive")),
                new Cell("GET", table, null, PROGRAMME_READERS),
                new Cell("POST", table, "{}", STAFF),
                new Cell("GET", "/api/audit/events", null, Set.of("auditor", "admin")),
                new Cell(
                        "GET",
                        "/api/audit/waves/" + waveId + "/recommendations/1/re-evaluation",
                        null,
                        Set.of("auditor", "admin")),
                new Cell("GET", "/api/admin/projections", null, Set.of("admin")),
                new Cell("GET", "/engine-rest/task", null, Set.of("admin")),
                new Cell("POST", "/engine-rest/message", "{}", Set.of("admin")));
    }

    Stream<Arguments> cells() {
        List<Arguments> cells = new ArrayList<>();
        for (Cell cell : matrix()) {
            for (String user : USERS) {
                cells.add(Arguments.of(cell, user, cell.allowed().contains(user)));
            }
        }
        return cells.stream();
    }

    @ParameterizedTest(name = "{0} as {1}: allowed={2}")
    @MethodSource("cells")
    void eachRoleGetsExactlyWhatTheMatrixSays(Cell cell, String user, boolean allowed) {
        long before = relevantEvents();

        Reply reply = call(Http.as(port, user, TestData.PASSWORD), cell);

        if (allowed) {
            assertThat(reply.status()).as(reply.toString()).isNotIn(401, 403);
            if (reply.status() == 204 && cell.path().equals("/api/jobs/" + jobId + "/cancellation")) {
                // the job's process releases the factory's time in the background: let it finish, so that the
                // next cells count only what they write themselves
                await().atMost(Duration.ofSeconds(30))
                        .until(() -> events.eventTypesOf(factoryId).contains("MachineTimeReleased"));
            }
        } else {
            assertThat(reply.status()).as(reply.toString()).isEqualTo(403);
            assertProblem(reply);
            assertThat(relevantEvents()).as("a refused call writes nothing").isEqualTo(before);
        }
    }

    private static Reply call(Http http, Cell cell) {
        return switch (cell.method()) {
            case "GET" -> http.get(cell.path());
            case "POST" -> http.post(cell.path(), cell.body());
            case "PUT" -> http.put(cell.path(), cell.body());
            case "DELETE" -> http.delete(cell.path());
            default -> throw new IllegalArgumentException(cell.method());
        };
    }

    private static Set<String> union(Set<String> groups, String... more) {
        return Stream.concat(groups.stream(), Stream.of(more)).collect(java.util.stream.Collectors.toSet());
    }
}
