package org.factorysharing.systemtests.web.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.factorysharing.api.factory.MachinePlan;
import org.factorysharing.systemtests.Http;
import org.factorysharing.systemtests.HttpWalk;
import org.factorysharing.systemtests.MemberLogins;
import org.factorysharing.systemtests.ServerTest;
import org.factorysharing.systemtests.StaffLogins;
import org.factorysharing.testing.EventStoreProbe;
import org.factorysharing.testing.TestData;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Who may open the job pages, and that an action a role may not do changes nothing: a member's login books for no
 * other member and cancels no other member's job (it does not even see it), an auditor and factory staff book and
 * cancel nothing; staff see only their own factories' jobs.
 */
@ServerTest
class JobPagesRoleMatrixIT {

    private static final String PRESS = "COCONUT_OIL_PRESS";

    @LocalServerPort
    int port;

    @Autowired
    CommandGateway commands;

    @Autowired
    MemberLogins members;

    @Autowired
    StaffLogins crews;

    @Autowired
    EventStoreProbe eventStore;

    private final Map<String, Http> sessions = new HashMap<>();
    private String factoryId;
    private HttpWalk.MemberLogin member;
    private HttpWalk.MemberLogin otherMember;
    private String jobId;
    private String crew;
    private String otherCrew;

    @BeforeEach
    void aJobOfOneMemberAtAFactoryWithItsCrew() {
        factoryId = TestData.commissionedFactory(
                        commands, "Sulawesi Utara", "Minahasa", "Coconut", new MachinePlan("PRESS-1", PRESS, 8))
                .value();
        HttpWalk walk = new HttpWalk(port, members);
        member = walk.qualifiedMember(PRESS);
        otherMember = walk.qualifiedMember(PRESS);
        crew = crews.newCrew();
        otherCrew = crews.newCrew();
        assertThat(walk.as("officer")
                        .put("/api/factories/" + factoryId + "/staff/" + crew, null)
                        .status())
                .isEqualTo(204);
        assertThat(page(member.login())
                        .pagePost("/jobs", booking(member.memberId()))
                        .status())
                .isEqualTo(302);
        await().atMost(HttpWalk.PATIENCE)
                .until(() -> walk.as("officer")
                                .get("/api/jobs?memberId=" + member.memberId())
                                .json()
                                .get("totalItems")
                                .asLong()
                        == 1);
        jobId = walk.as("officer")
                .get("/api/jobs?memberId=" + member.memberId())
                .json()
                .get("items")
                .get(0)
                .get("jobId")
                .asText();
    }

    @Test
    void eachRoleOpensTheJobPagesItMayAndGets403OnTheOthers() {
        String job = "/jobs/" + jobId;
        // who gets 200 and who 404 (may open job pages, but someone else's job is answered like an unknown one)
        expect(
                "/jobs",
                List.of(
                        "officer",
                        "supervisor",
                        "auditor",
                        "admin",
                        "member",
                        "staff",
                        crew,
                        otherCrew,
                        member.login(),
                        otherMember.login()),
                List.of());
        expect("/jobs/new", List.of("officer", "admin", "member", member.login(), otherMember.login()), List.of());
        expect(
                job,
                List.of("officer", "supervisor", "auditor", "admin", crew, member.login()),
                List.of("staff", otherCrew, "member", otherMember.login()));
        expect(job + "/cancel", List.of("officer", "admin", member.login()), List.of("member", otherMember.login()));
    }

    /** Every other user of the matrix gets 403. */
    private void expect(String path, List<String> ok, List<String> notFound) {
        List<String> everyone = List.of(
                "officer",
                "supervisor",
                "planner",
                "executive",
                "auditor",
                "staff",
                "member",
                "admin",
                crew,
                otherCrew,
                member.login(),
                otherMember.login());
        for (String user : everyone) {
            int expected = ok.contains(user) ? 200 : notFound.contains(user) ? 404 : 403;
            assertThat(page(user).get(path).status()).as(user + " GET " + path).isEqualTo(expected);
        }
    }

    @Test
    void aMemberBooksForNoOtherMemberAndCancelsNoOtherMembersJob() {
        long requests = requests();
        Http other = page(otherMember.login());

        // a booking for someone else: refused by the command side, as through the API
        assertThat(other.pagePost("/jobs", booking(member.memberId())).status()).isEqualTo(403);
        assertThat(requests()).isEqualTo(requests);

        assertThat(other.pagePost("/jobs/" + jobId + "/cancel", "reason=Bukan+pesanan+saya")
                        .status())
                .isEqualTo(404);
        assertThat(eventStore.eventTypesOf(jobId)).doesNotContain("ProductionJobCancelled");
    }

    @Test
    void auditorsAndFactoryStaffBookAndCancelNothing() {
        long requests = requests();
        for (String user : List.of("auditor", crew, "supervisor")) {
            assertThat(page(user).pagePost("/jobs", booking(member.memberId())).status())
                    .as(user)
                    .isEqualTo(403);
            assertThat(page(user)
                            .pagePost("/jobs/" + jobId + "/cancel", "reason=Tidak+boleh")
                            .status())
                    .as(user)
                    .isEqualTo(403);
        }
        assertThat(requests()).isEqualTo(requests);
        assertThat(eventStore.eventTypesOf(jobId)).doesNotContain("ProductionJobCancelled");

        // the member itself may cancel, after confirming on the page
        assertThat(page(member.login())
                        .pagePost("/jobs/" + jobId + "/cancel", "reason=Rencana+berubah")
                        .status())
                .isEqualTo(302);
        assertThat(eventStore.eventTypesOf(jobId)).contains("ProductionJobCancelled");
    }

    @Test
    void staffSeeTheirOwnFactorysJobsOnly() {
        await().atMost(HttpWalk.PATIENCE)
                .untilAsserted(() -> assertThat(page(crew).get("/jobs").body()).contains("/jobs/" + jobId));
        assertThat(page(otherCrew).get("/jobs").body()).doesNotContain("/jobs/" + jobId);
        assertThat(page(otherMember.login()).get("/jobs").body()).doesNotContain("/jobs/" + jobId);
    }

    private String booking(String memberId) {
        return "memberId=" + memberId + "&factoryId=" + factoryId + "&machineType=" + PRESS
                + "&product=Minyak+kelapa&quantity=100&machineHours=2&earliestStart=" + TestData.today()
                + "&deadline=" + TestData.today().plusDays(3);
    }

    private long requests() {
        return eventStore.eventCount("ProductionJobRequested", "ProductionJobRequestRefused");
    }

    /** A browser-like session of the user (signed in once per test). */
    private Http page(String user) {
        return sessions.computeIfAbsent(user, u -> Http.signedIn(port, u, TestData.PASSWORD));
    }
}
