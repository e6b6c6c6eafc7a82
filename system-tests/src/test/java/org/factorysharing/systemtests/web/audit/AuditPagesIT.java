package org.factorysharing.systemtests.web.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.MetaData;
import org.factorysharing.api.member.MemberCommands.VerifyMember;
import org.factorysharing.api.member.MemberId;
import org.factorysharing.api.shared.ProgrammeTime;
import org.factorysharing.systemtests.Browser;
import org.factorysharing.systemtests.Http;
import org.factorysharing.systemtests.Http.Reply;
import org.factorysharing.systemtests.ServerTest;
import org.factorysharing.testing.TestData;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The auditors' pages in a real browser, in Indonesian: the event log filtered and paged by cursor over a known set
 * of events, an aggregate's history and its state as of a moment, the hash chain's head as the API reports it, the
 * downloads byte for byte the API's exports, and who may not open them.
 */
@ServerTest
class AuditPagesIT {

    /** An event no projection or workflow handles: lets a test write events with chosen actors. */
    record AuditProbe(String note) {}

    @LocalServerPort
    int port;

    @Autowired
    EventStore eventStore;

    @Autowired
    CommandGateway commands;

    @Test
    void theLogIsFilteredAndPagedByCursorOverAKnownSetOfEvents() {
        String type = probeType();
        List<String> aggregates = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            String aggregateId = UUID.randomUUID().toString();
            aggregates.add(aggregateId);
            probe(type, aggregateId, i % 2 == 0 ? "dewi" : "eko");
        }
        List<String> expected = auditor()
                .get("/api/audit/events?aggregateType=" + type)
                .json()
                .get("items")
                .findValuesAsText("globalIndex");
        assertThat(expected).hasSize(5);

        try (Browser browser = Browser.desktop(port, "audit-log")) {
            browser.signIn("auditor").follow("Audit");
            assertThat(browser.heading()).isEqualTo("Log peristiwa");
            browser.fill("Jenis agregat", type).press("Saring");
            assertThat(globalIndexes(browser)).containsExactlyElementsOf(expected);
            assertThat(browser.text()).contains("AuditProbe", "dewi", "eko", "WIB");
            browser.shot("filtered-by-type");

            browser.fill("Pelaku (ID pengguna)", "dewi").press("Saring");
            assertThat(globalIndexes(browser)).containsExactly(expected.get(0), expected.get(2), expected.get(4));
            browser.fill("Pelaku (ID pengguna)", "")
                    .fill("ID agregat", aggregates.get(3))
                    .press("Saring");
            assertThat(globalIndexes(browser)).containsExactly(expected.get(3));
            browser.fill("ID agregat", "")
                    .fill("Jenis peristiwa", "MemberRegistered")
                    .press("Saring");
            assertThat(globalIndexes(browser)).isEmpty();
            browser.fill("Jenis peristiwa", "member.Registered").press("Saring");
            assertThat(browser.find(By.id("eventType-error")).getText())
                    .isEqualTo("Tulis nama singkat jenis peristiwa, misalnya MemberRegistered.");

            String today = TestData.today().toString();
            browser.open("/audit?aggregateType=" + type + "&from=" + today + "&to=" + today);
            assertThat(globalIndexes(browser)).containsExactlyElementsOf(expected);
            browser.open(
                    "/audit?aggregateType=" + type + "&to=" + TestData.today().minusDays(1));
            assertThat(globalIndexes(browser)).isEmpty();
            browser.open("/audit?aggregateType=" + type + "&from=1999-12-31");
            assertThat(browser.find(By.id("from-error")).getText()).startsWith("Tanggal harus antara 2000-01-01 dan ");

            // pages of two, each after the last one's cursor: no gap, no repeat
            browser.open("/audit?aggregateType=" + type + "&limit=2");
            List<String> seen = new ArrayList<>(globalIndexes(browser));
            assertThat(seen).hasSize(2);
            browser.follow("Berikutnya");
            seen.addAll(globalIndexes(browser));
            browser.shot("second-page");
            browser.follow("Berikutnya");
            seen.addAll(globalIndexes(browser));
            assertThat(browser.findAll(By.linkText("Berikutnya"))).isEmpty();
            assertThat(seen).containsExactlyElementsOf(expected);
            browser.follow("Kembali ke awal");
            assertThat(globalIndexes(browser)).containsExactlyElementsOf(expected.subList(0, 2));
        }
    }

    @Test
    void anAggregatesHistoryAndItsStateAsOfAMoment() {
        MemberId memberId = MemberId.newId();
        commands.sendAndWait(TestData.registerMember(memberId, TestData.nib()));
        Instant registered = Instant.now();
        // the page asks to the second: verify in a later second than the registration
        await().atMost(Duration.ofSeconds(5))
                .until(() -> Instant.now().truncatedTo(ChronoUnit.SECONDS).isAfter(registered));
        commands.sendAndWait(new VerifyMember(memberId, "officer"));
        JsonNode events = auditor()
                .get("/api/audit/aggregates/" + memberId.value() + "/events")
                .json()
                .get("events");
        LocalDateTime registeredAt = LocalDateTime.ofInstant(
                Instant.parse(events.get(0).get("timestamp").asText()), ProgrammeTime.ZONE);

        try (Browser browser = Browser.desktop(port, "audit-aggregate")) {
            browser.signIn("auditor").open("/audit");
            browser.fill("Buka riwayat agregat (ID)", memberId.value()).press("Buka riwayat");
            assertThat(browser.heading()).isEqualTo("Riwayat agregat");
            assertThat(browser.find(By.id("aggregate-id")).getText()).isEqualTo(memberId.value());
            assertThat(browser.findAll(By.cssSelector("ol.history li strong")).stream()
                            .map(WebElement::getText)
                            .toList())
                    .containsExactly("MemberRegistered", "MemberVerified");
            assertThat(browser.text()).contains("Member", "urutan 0", "urutan 1");
            browser.shot("history");

            browser.press("Lihat keadaan");
            assertThat(browser.heading()).isEqualTo("Keadaan agregat pada suatu waktu");
            assertThat(browser.find(By.id("state-version")).getText()).isEqualTo("1");
            assertThat(browser.find(By.id("state-json")).getText()).contains("\"status\" : \"VERIFIED\"");
            browser.shot("state-now");

            browser.open("/audit/aggregates/" + memberId.value() + "/state?date=" + registeredAt.toLocalDate()
                    + "&time=" + registeredAt.format(DateTimeFormatter.ofPattern("HH:mm:ss")));
            assertThat(browser.find(By.id("state-version")).getText()).isEqualTo("0");
            assertThat(browser.find(By.id("state-json")).getText()).contains("\"status\" : \"APPLIED\"");
            assertThat(browser.field("Jam").getDomProperty("value"))
                    .isEqualTo(registeredAt.format(DateTimeFormatter.ofPattern("HH:mm:ss")));
            browser.shot("state-at-registration");

            browser.open("/audit/aggregates/" + memberId.value() + "/state?date="
                    + TestData.today().minusDays(1));
            assertThat(browser.text()).contains("Agregat ini belum ada pada");
            assertThat(browser.findAll(By.id("state-json"))).isEmpty();
            browser.open("/audit/aggregates/" + memberId.value() + "/state?date=2026-02-30");
            assertThat(browser.find(By.id("date-error")).getText()).isEqualTo("Tulis tanggal yang benar (hh/bb/tttt).");
        }
    }

    @Test
    void chainVerificationShowsTheHeadHashTheApiReportsForThatLink() {
        probe(probeType(), UUID.randomUUID().toString(), "fajar");

        try (Browser browser = Browser.desktop(port, "audit-chain")) {
            browser.signIn("auditor").open("/audit").follow("Verifikasi rantai hash");
            browser.press("Verifikasi");
            assertThat(browser.find(By.id("chain-state")).getText()).isEqualTo("Rantai utuh");
            String link = browser.find(By.id("head-link")).getText();
            String hash = browser.find(By.id("head-hash")).getText();
            browser.shot("verified");

            JsonNode api = auditor()
                    .get("/api/audit/chain/verification?toLink=" + link)
                    .json();
            assertThat(api.get("intact").asBoolean()).isTrue();
            assertThat(api.get("toLink").asText()).isEqualTo(link);
            assertThat(api.get("headHash").asText()).isEqualTo(hash).matches("[0-9a-f]{64}");

            WebElement copy = browser.find(By.cssSelector("button[data-copy='#head-hash']"));
            assertThat(copy.getText()).isEqualTo("Salin");
            copy.click();
            assertThat(copy.getDomAttribute("data-copied")).isEqualTo("true");
            assertThat(browser.findAll(By.cssSelector("button[data-copy='#head-link']")))
                    .hasSize(1);

            browser.open("/audit/chain?verify=1&fromLink=5&toLink=2");
            assertThat(browser.find(By.id("toLink-error")).getText())
                    .isEqualTo("Tidak boleh lebih kecil dari tautan awal.");
        }
    }

    @Test
    void bothDownloadsAreTheApisExportOfTheSameFilterAsAFile() {
        String type = probeType();
        for (int i = 0; i < 3; i++) {
            probe(type, UUID.randomUUID().toString(), i == 1 ? "gita, \"si\" auditor" : "gita");
        }
        Http page = Http.signedIn(port, "auditor", TestData.PASSWORD);
        try (Browser browser = Browser.desktop(port, "audit-downloads")) {
            browser.signIn("auditor").open("/audit");
            browser.fill("Jenis agregat", type).press("Saring");
            assertThat(globalIndexes(browser)).hasSize(3);
            browser.shot("filtered");
            assertSameFiles(page, browser, "&aggregateType=" + type, 3);

            browser.fill("Pelaku (ID pengguna)", "gita").press("Saring");
            assertThat(globalIndexes(browser)).hasSize(2);
            assertSameFiles(page, browser, "&aggregateType=" + type + "&user=gita", 2);
        }
    }

    /** The page's two download links answer files equal to the API's export of {@code filter}. */
    private void assertSameFiles(Http page, Browser browser, String filter, int events) {
        Reply csv = page.get(browser.find(By.linkText("Unduh CSV")).getDomAttribute("href"));
        Reply apiCsv = auditor().get("/api/audit/events/export?format=csv" + filter);
        assertThat(csv.status()).as(csv.toString()).isEqualTo(200);
        assertThat(csv.header("Content-Disposition")).isEqualTo("attachment; filename=\"events.csv\"");
        assertThat(csv.header("Content-Type"))
                .isEqualTo(apiCsv.header("Content-Type"))
                .startsWith("text/csv");
        assertThat(csv.body()).isEqualTo(apiCsv.body());
        assertThat(csv.body().split("\r\n")).hasSize(events + 1);

        Reply jsonl = page.get(browser.find(By.linkText("Unduh JSONL")).getDomAttribute("href"));
        Reply apiJsonl = auditor().get("/api/audit/events/export?format=jsonl" + filter);
        assertThat(jsonl.status()).as(jsonl.toString()).isEqualTo(200);
        assertThat(jsonl.header("Content-Disposition")).isEqualTo("attachment; filename=\"events.jsonl\"");
        assertThat(jsonl.header("Content-Type")).isEqualTo(apiJsonl.header("Content-Type"));
        assertThat(jsonl.body()).isEqualTo(apiJsonl.body());
        assertThat(jsonl.body().split("\n")).hasSize(events);
    }

    @Test
    void onlyAuditorsAndAdminsOpenTheAuditPages() {
        List<String> paths = List.of(
                "/audit",
                "/audit/chain?verify=1",
                "/audit/export?format=csv",
                "/audit/aggregates/" + UUID.randomUUID(),
                "/audit/aggregates/" + UUID.randomUUID() + "/state");
        for (String user : List.of("member", "officer", "supervisor", "staff", "planner")) {
            Http person = Http.signedIn(port, user, TestData.PASSWORD);
            for (String path : paths) {
                assertThat(person.get(path).status()).as(user + " " + path).isEqualTo(403);
            }
        }
        Http admin = Http.signedIn(port, "admin", TestData.PASSWORD);
        assertThat(admin.get("/audit").status()).isEqualTo(200);
        assertThat(admin.get("/audit/chain").status()).isEqualTo(200);
        Reply anonymous = Http.browser(port).get("/audit");
        assertThat(anonymous.status()).isIn(302, 401);
    }

    private Http auditor() {
        return Http.as(port, "auditor", TestData.PASSWORD);
    }

    private static List<String> globalIndexes(Browser browser) {
        return browser.findAll(By.cssSelector("table.events tbody tr td:first-child")).stream()
                .map(WebElement::getText)
                .toList();
    }

    private static String probeType() {
        return "Probe" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    }

    private void probe(String type, String aggregateId, String user) {
        eventStore.publish(new GenericDomainEventMessage<>(
                type, aggregateId, 0, new AuditProbe(aggregateId), MetaData.with("userId", user)));
    }
}
