package org.factorysharing.systemtests.web.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.stream.StreamSupport;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.factorysharing.api.member.MemberId;
import org.factorysharing.systemtests.Browser;
import org.factorysharing.systemtests.Http;
import org.factorysharing.systemtests.Http.Reply;
import org.factorysharing.systemtests.ServerTest;
import org.factorysharing.testing.TestData;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The admins' pages in a real browser, in Indonesian: a poison event parked by the member directory is listed with
 * its cause, retried once the cause is removed and gone; letters and sequences given up; a replay started from the
 * page rebuilds the read model; and nobody else opens the pages or changes anything through them.
 */
@ServerTest
class AdminPagesIT {

    private static final String MEMBERS = "member-directory";
    private static final Duration PATIENCE = Duration.ofSeconds(60);

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    CommandGateway commands;

    @Test
    void aParkedPoisonEventIsListedAndARetryAfterItsCauseIsRemovedClearsIt() {
        String ghost = "ghost-" + UUID.randomUUID();
        appendVerificationOfUnknownMember(ghost, 0);
        awaitParked(ghost);

        try (Browser browser = Browser.desktop(port, "admin-dead-letters")) {
            browser.signIn("admin").follow("Administrasi");
            assertThat(browser.path()).isEqualTo("/admin/projections");
            browser.follow("Peristiwa yang ditahan");
            browser.open("/admin/dead-letters?group=" + MEMBERS);
            String parked = browser.find(sequence(ghost)).getText();
            assertThat(parked)
                    .contains(MEMBERS, ghost, "MemberVerified", IllegalStateException.class.getName())
                    .contains("is not in the directory");
            browser.shot("parked");

            browser.clickConfirming(retryOf(ghost)).awaitText("Dicoba lagi (" + MEMBERS + ")");
            assertThat(browser.text()).contains("masih ditahan");
            assertThat(browser.findAll(sequence(ghost))).hasSize(1);

            // the cause: the directory lacks the member; an operator restores its row (say, from a backup)
            jdbc.update("""
                    INSERT INTO member_directory (member_id, nib, business_name, sector,
                        province, regency, scale, status, registered_at, updated_at)
                    VALUES (?, '9999999999998', 'Dipulihkan', 'coconut', 'Sulawesi Utara',
                        'Minahasa', 'MICRO', 'APPLIED', now(), now())""", ghost);
            try {
                browser.clickConfirming(retryOf(ghost)).awaitText("Dicoba lagi (" + MEMBERS + ")");
                assertThat(browser.findAll(sequence(ghost))).isEmpty();
                browser.shot("retried");
                assertThat(parked(ghost)).isNull();
                assertThat(jdbc.queryForObject(
                                "SELECT status FROM member_directory WHERE member_id = ?", String.class, ghost))
                        .isEqualTo("VERIFIED");
            } finally {
                // the row came from no event: leave the directory as its events make it
                jdbc.update("DELETE FROM member_directory WHERE member_id = ?", ghost);
            }
        }
    }

    @Test
    void anAdminGivesUpOneLetterAndThenTheWholeSequence() {
        String ghost = "ghost-" + UUID.randomUUID();
        appendVerificationOfUnknownMember(ghost, 0);
        appendVerificationOfUnknownMember(ghost, 1);
        await().atMost(PATIENCE).until(() -> {
            JsonNode sequence = parked(ghost);
            return sequence != null && sequence.get("letters").size() == 2;
        });
        String first = parked(ghost).get("letters").get(0).get("letterId").asText();

        try (Browser browser = Browser.desktop(port, "admin-evict")) {
            // reloaded until the sequence shows: once, right after a retry of the whole group, the first load missed it
            browser.signIn("admin").open("/admin/dead-letters?group=" + MEMBERS).reloadUntil(ghost);
            assertThat(browser.findAll(letters(ghost))).hasSize(2);
            browser.clickConfirming(By.cssSelector("li.letter[data-letter='" + first + "'] button"))
                    .awaitText("dibuang");
            assertThat(browser.findAll(letters(ghost))).hasSize(1);
            assertThat(parked(ghost).get("letters")).hasSize(1);

            browser.clickConfirming(By.cssSelector(
                            "article.sequence[data-sequence='" + ghost + "'] form[action$='/evict-sequence'] button"))
                    .awaitText("Urutan " + ghost + " dibuang.");
            assertThat(browser.findAll(sequence(ghost))).isEmpty();
            browser.shot("evicted");
        }
        assertThat(parked(ghost)).isNull();
    }

    @Test
    void aReplayStartedFromThePageRebuildsTheReadModel() {
        MemberId memberId = MemberId.newId();
        commands.sendAndWait(TestData.registerMember(memberId, TestData.nib()));
        String name = await().atMost(PATIENCE).until(() -> businessName(memberId.value()), n -> n != null);
        jdbc.update("UPDATE member_directory SET business_name = 'rusak' WHERE member_id = ?", memberId.value());

        try (Browser browser = Browser.desktop(port, "admin-replay")) {
            browser.signIn("admin").open("/admin/projections");
            assertThat(browser.find(processor(MEMBERS)).getText()).contains("Proyeksi (model baca)", "Berjalan");
            assertThat(browser.find(processor("member-onboarding-workflow")).getText())
                    .contains("Jembatan alur kerja", "tidak diputar ulang");
            assertThat(browser.findAll(By.cssSelector(
                            "article[data-processor='member-onboarding-workflow'] form[action$='/replay']")))
                    .isEmpty();
            browser.shot("processors");

            browser.clickConfirming(By.cssSelector("article[data-processor='" + MEMBERS + "'] button"))
                    .awaitText("Pemutaran ulang " + MEMBERS + " dimulai");
            browser.shot("replay-started");
            await().atMost(Duration.ofSeconds(120)).until(() -> name.equals(businessName(memberId.value())));
            await().atMost(Duration.ofSeconds(120)).until(() -> {
                JsonNode view = admin().get("/api/admin/projections/" + MEMBERS).json();
                return !view.get("replaying").asBoolean()
                        && view.get("percentage").asInt() == 100;
            });
            browser.open("/admin/projections");
            assertThat(browser.find(processor(MEMBERS)).getText())
                    .contains("Kemajuan 100 %", "Berjalan")
                    .doesNotContain("Sedang diputar ulang");
        }
    }

    @Test
    void nobodyButAdminsOpensTheAdminPagesOrChangesAnythingThroughThem() {
        for (String user : List.of("officer", "supervisor", "auditor", "staff", "member", "planner")) {
            Http person = Http.signedIn(port, user, TestData.PASSWORD);
            for (String path : List.of("/admin", "/admin/projections", "/admin/dead-letters")) {
                assertThat(person.get(path).status()).as(user + " " + path).isEqualTo(403);
            }
        }

        String ghost = "ghost-" + UUID.randomUUID();
        appendVerificationOfUnknownMember(ghost, 0);
        awaitParked(ghost);
        Reply evict = Http.signedIn(port, "officer", TestData.PASSWORD)
                .pagePost("/admin/dead-letters/evict-sequence", "group=" + MEMBERS + "&sequence=" + ghost);
        assertThat(evict.status()).as(evict.toString()).isEqualTo(403);
        assertThat(parked(ghost)).as("still parked").isNotNull();
        Reply retry = Http.signedIn(port, "staff", TestData.PASSWORD)
                .pagePost("/admin/dead-letters/retry", "group=" + MEMBERS);
        assertThat(retry.status()).isEqualTo(403);
        assertThat(parked(ghost)).as("still parked").isNotNull();
        assertThat(admin().delete("/api/admin/dead-letters/" + MEMBERS + "/sequences/" + ghost)
                        .status())
                .isEqualTo(204);

        MemberId memberId = MemberId.newId();
        commands.sendAndWait(TestData.registerMember(memberId, TestData.nib()));
        String name = await().atMost(PATIENCE).until(() -> businessName(memberId.value()), n -> n != null);
        jdbc.update("UPDATE member_directory SET business_name = 'rusak' WHERE member_id = ?", memberId.value());
        try {
            Reply replay = Http.signedIn(port, "auditor", TestData.PASSWORD)
                    .pagePost("/admin/projections/" + MEMBERS + "/replay", "");

            assertThat(replay.status()).as(replay.toString()).isEqualTo(403);
            assertThat(admin().get("/api/admin/projections/" + MEMBERS)
                            .json()
                            .get("replaying")
                            .asBoolean())
                    .isFalse();
            assertThat(businessName(memberId.value())).isEqualTo("rusak");
        } finally {
            jdbc.update("UPDATE member_directory SET business_name = ? WHERE member_id = ?", name, memberId.value());
        }
    }

    // --- helpers ---

    private static By sequence(String sequenceIdentifier) {
        return By.cssSelector("article.sequence[data-sequence='" + sequenceIdentifier + "']");
    }

    private static By letters(String sequenceIdentifier) {
        return By.cssSelector("article.sequence[data-sequence='" + sequenceIdentifier + "'] li.letter");
    }

    private static By retryOf(String sequenceIdentifier) {
        return By.cssSelector(
                "article.sequence[data-sequence='" + sequenceIdentifier + "'] form[action$='/retry'] button");
    }

    private static By processor(String name) {
        return By.cssSelector("article[data-processor='" + name + "']");
    }

    private Http admin() {
        return Http.as(port, "admin", TestData.PASSWORD);
    }

    private String businessName(String memberId) {
        return jdbc
                .queryForList("SELECT business_name FROM member_directory WHERE member_id = ?", String.class, memberId)
                .stream()
                .findFirst()
                .orElse(null);
    }

    private void awaitParked(String sequenceIdentifier) {
        await().atMost(PATIENCE).until(() -> parked(sequenceIdentifier), s -> s != null);
    }

    /** The member directory's parked sequence of that key, as the admin API lists it, or null. */
    private JsonNode parked(String sequenceIdentifier) {
        Reply reply = admin().get("/api/admin/dead-letters?processingGroup=" + MEMBERS);
        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        return StreamSupport.stream(reply.json().spliterator(), false)
                .filter(s -> s.get("sequenceIdentifier").asText().equals(sequenceIdentifier))
                .findFirst()
                .orElse(null);
    }

    /** An event of a member the directory never saw registered: its handler cannot apply it (as ProjectionAdminIT). */
    private void appendVerificationOfUnknownMember(String memberId, long sequence) {
        jdbc.update(
                """
                INSERT INTO domain_event_entry (event_identifier, aggregate_identifier, sequence_number, type,
                    time_stamp, payload_type, payload_revision, payload, meta_data)
                VALUES (?, ?, ?, 'Member', ?, 'org.factorysharing.api.member.MemberEvent$MemberVerified', '1',
                    convert_to(?, 'UTF8'), convert_to('{}', 'UTF8'))""",
                UUID.randomUUID().toString(),
                memberId,
                sequence,
                Instant.now().toString(),
                "{\"memberId\":{\"value\":\"" + memberId + "\"},\"verifiedBy\":\"nobody\"}");
    }
}
