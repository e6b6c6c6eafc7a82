package org.factorysharing.systemtests.member;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.factorysharing.systemtests.Problems.assertProblem;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.factorysharing.api.member.MemberCommands.ForgetMemberPersonalData;
import org.factorysharing.api.member.MemberCommands.VerifyMember;
import org.factorysharing.api.member.MemberId;
import org.factorysharing.systemtests.Http;
import org.factorysharing.systemtests.Http.Reply;
import org.factorysharing.systemtests.MemberLogins;
import org.factorysharing.systemtests.ServerTest;
import org.factorysharing.testing.EventFeed;
import org.factorysharing.testing.EventStoreProbe;
import org.factorysharing.testing.TestData;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Crypto-shredding over real HTTP on PostgreSQL: the owner's name, NIK and contacts are never stored in clear,
 * and once forgotten no API, export, read model, replay or process variable shows them, while the stored events
 * (and so the hash chain) stay untouched.
 */
@ServerTest
class PersonalDataIT {

    private static final String FORGOTTEN = "[forgotten]";

    @LocalServerPort
    int port;

    @Autowired
    EventStoreProbe eventStore;

    @Autowired
    EventFeed feed;

    @Autowired
    MemberLogins logins;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    CommandGateway commands;

    @Autowired
    EventProcessingConfiguration processing;

    @Autowired
    PlatformTransactionManager transactions;

    /** One applicant's personal data, unique to the test so that any trace of it can be searched for. */
    record Owner(String nib, String name, String nik, String phone, String email, String province) {

        static Owner unique() {
            String tag = ThreadLocalRandom.current()
                    .ints(8, 'a', 'z' + 1)
                    .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append)
                    .toString();
            return new Owner(
                    TestData.nib(),
                    "Dewi " + tag,
                    TestData.nik(),
                    "+62 271 " + (100000 + ThreadLocalRandom.current().nextInt(900000)),
                    "dewi." + tag + "@example.id",
                    "Privasi " + tag);
        }

        String json() {
            return """
                    {"nib":"%s","businessName":"Batik %s","ownerName":"%s","ownerNik":"%s","sector":"textile",
                     "province":"%s","regency":"Solo","scale":"MICRO","contactPhone":"%s","contactEmail":"%s"}""".formatted(nib, nib, name, nik, province, phone, email);
        }

        List<String> personal() {
            return List.of(name, nik, phone, email);
        }
    }

    Http as(String user) {
        return Http.as(port, user, TestData.PASSWORD);
    }

    Reply forget(Http http, String memberId, String body) {
        String path = "/api/members/" + memberId + "/personal-data";
        return body == null ? http.delete(path) : http.delete(path, body);
    }

    @Test
    void forgottenPersonalDataAreGoneEverywhereWhileTheStoredEventsStayIntact() {
        Owner owner = Owner.unique();
        String applicant = logins.newLogin();
        Reply created = as(applicant).post("/api/members", owner.json());
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String memberId = created.json().get("memberId").asText();
        logins.awaitLinked(applicant);
        commands.sendAndWait(new VerifyMember(new MemberId(memberId), "officer"));

        // stored encrypted from the start: neither the event store nor the auditors ever see them in clear
        String stored = eventStore.payloadOf(memberId, 0);
        assertThat(stored).contains("enc:v1:", owner.nib(), "Batik " + owner.nib());
        assertNowhereIn(stored, owner);
        assertThat(storedOccurrences(owner)).isZero();
        assertNowhereIn(
                as("auditor")
                        .get("/api/audit/aggregates/" + memberId + "/events")
                        .body(),
                owner);
        // ...but officers read them through the API
        JsonNode before = await().atMost(Duration.ofSeconds(30))
                .until(
                        () -> as("officer").get("/api/members/" + memberId).json(),
                        view -> view.path("status").asText().equals("VERIFIED"));
        assertThat(before.get("ownerName").asText()).isEqualTo(owner.name());
        assertThat(before.get("ownerNikMasked").asText())
                .endsWith(owner.nik().substring(12))
                .startsWith("****");
        assertThat(before.get("contactPhone").asText()).isEqualTo(owner.phone());
        assertThat(before.get("contactEmail").asText()).isEqualTo(owner.email());
        long chainBefore = as("auditor")
                .get("/api/audit/chain/verification")
                .json()
                .get("verified")
                .asLong();

        // the member's own login exercises its right to erasure; repeating it changes nothing
        Reply forgotten = forget(as(applicant), memberId, "{\"reason\":\"owner asked for erasure\"}");
        assertThat(forgotten.status()).as(forgotten.toString()).isEqualTo(204);
        List<String> events = eventStore.eventTypesOf(memberId);
        assertThat(events).endsWith("MemberPersonalDataForgotten");
        assertThat(forget(as("officer"), memberId, "{\"reason\":\"again\"}").status())
                .isEqualTo(204);
        assertThat(eventStore.eventTypesOf(memberId)).isEqualTo(events);
        assertThat(jdbc.queryForMap(
                        "SELECT data_key, forgotten_at FROM personal_data_key WHERE subject_id = ?", memberId))
                .containsEntry("data_key", null)
                .extractingByKey("forgotten_at")
                .isNotNull();

        // detail and directory: the business data remain, the personal data read as forgotten
        JsonNode after = await().atMost(Duration.ofSeconds(30))
                .until(
                        () -> as("officer").get("/api/members/" + memberId).json(),
                        view -> view.path("ownerName").asText().equals(FORGOTTEN));
        assertThat(after.get("ownerNikMasked").asText()).isEqualTo(FORGOTTEN);
        assertThat(after.get("contactPhone").asText()).isEqualTo(FORGOTTEN);
        assertThat(after.get("contactEmail").asText()).isEqualTo(FORGOTTEN);
        assertThat(after.get("nib").asText()).isEqualTo(owner.nib());
        assertThat(after.get("businessName").asText()).isEqualTo("Batik " + owner.nib());
        assertThat(after.get("status").asText()).isEqualTo("VERIFIED");
        assertNowhereIn(as(applicant).get("/api/members/" + memberId).body(), owner);
        Reply directory =
                as("officer").get("/api/members?province=" + owner.province().replace(" ", "%20"));
        assertThat(directory.json().get("totalItems").asLong()).isEqualTo(1);
        assertNowhereIn(directory.body(), owner);
        assertThat(memberRow(memberId).toString()).doesNotContain(owner.personal());

        // the auditors' toolkit: history, exports and state as of now
        assertNowhereIn(
                as("auditor")
                        .get("/api/audit/aggregates/" + memberId + "/events")
                        .body(),
                owner);
        for (String format : List.of("csv", "jsonl")) {
            Reply export = as("auditor").get("/api/audit/events/export?format=" + format + "&aggregateId=" + memberId);
            assertThat(export.status()).as(export.toString()).isEqualTo(200);
            assertThat(export.body()).contains("MemberPersonalDataForgotten");
            assertNowhereIn(export.body(), owner);
        }
        Reply state = as("auditor").get("/api/audit/aggregates/" + memberId + "/state?at=" + Instant.now());
        assertThat(state.status()).as(state.toString()).isEqualTo(200);
        assertNowhereIn(state.body(), owner);

        // no process variable, running or historic, ever held them; no stored byte shows them
        assertThat(camundaOccurrences(owner)).isZero();
        assertThat(storedOccurrences(owner)).isZero();

        // a replay of the directory still works and still hides them
        Map<String, Object> rowBefore = memberRow(memberId);
        StreamingEventProcessor directoryProcessor = processing
                .eventProcessor("member-directory", StreamingEventProcessor.class)
                .orElseThrow();
        feed.stop(directoryProcessor);
        directoryProcessor.resetTokens();
        directoryProcessor.start();
        // caught up with the store, not "no longer replaying": a replay token is only left at the next event after
        // its reset position when the gaps it knew have been cleaned up since, so the flag can outlast the replay
        feed.awaitCaughtUp("member-directory");
        assertThat(memberRow(memberId)).isEqualTo(rowBefore);
        assertThat(as("officer")
                        .get("/api/members/" + memberId)
                        .json()
                        .get("ownerName")
                        .asText())
                .isEqualTo(FORGOTTEN);

        // the store was never rewritten: the hash chain verifies clean over the forget
        JsonNode chain = as("auditor").get("/api/audit/chain/verification").json();
        assertThat(chain.get("intact").asBoolean()).as(chain.toString()).isTrue();
        assertThat(chain.get("verified").asLong()).isGreaterThan(chainBefore);

        // the NIB stays claimed by the forgotten member: it is business data
        Owner again = new Owner(owner.nib(), "Dewi Lain", TestData.nik(), owner.phone(), owner.email(), "Privasi X");
        assertThat(as("officer").post("/api/members", again.json()).status()).isEqualTo(409);
    }

    @Test
    void onlyStaffAndTheMembersOwnLoginMayForgetAndEveryBadRequestWritesNothing() {
        Owner owner = Owner.unique();
        String memberId = as("officer")
                .post("/api/members", owner.json())
                .json()
                .get("memberId")
                .asText();
        String stranger = logins.loginFor(new MemberId(as("officer")
                .post("/api/members", Owner.unique().json())
                .json()
                .get("memberId")
                .asText()));
        long events = eventStore.eventCount();

        Reply othersMember = forget(as(stranger), memberId, "{\"reason\":\"not mine\"}");
        assertThat(othersMember.status()).as(othersMember.toString()).isEqualTo(404);
        assertThat(forget(as("auditor"), memberId, "{\"reason\":\"auditors only read\"}")
                        .status())
                .isEqualTo(403);
        assertThat(forget(as("officer"), UUID.randomUUID().toString(), "{\"reason\":\"unknown\"}")
                        .status())
                .isEqualTo(404);
        for (Reply bad : List.of(
                forget(as("officer"), memberId, null),
                forget(as("officer"), memberId, "{}"),
                forget(as("officer"), memberId, "{\"reason\":\"  \"}"))) {
            assertThat(bad.status()).as(bad.toString()).isEqualTo(400);
            assertProblem(bad);
        }
        assertThat(eventStore.eventCount()).isEqualTo(events);
        assertThat(keyOf(memberId)).isNotNull();

        assertThat(forget(as("supervisor"), memberId, "{\"reason\":\"owner asked by letter\"}")
                        .status())
                .isEqualTo(204);
        assertThat(keyOf(memberId)).isNull();
    }

    @Test
    void theEventAndTheDeletedKeyCommitOrRollBackTogether() {
        Owner owner = Owner.unique();
        String memberId = as("officer")
                .post("/api/members", owner.json())
                .json()
                .get("memberId")
                .asText();
        List<String> events = eventStore.eventTypesOf(memberId);
        TransactionTemplate transaction = new TransactionTemplate(transactions);

        transaction.executeWithoutResult(status -> {
            commands.sendAndWait(new ForgetMemberPersonalData(new MemberId(memberId), "rolled back", "officer"));
            assertThat(keyOf(memberId)).as("deleted inside the transaction").isNull();
            status.setRollbackOnly();
        });

        assertThat(eventStore.eventTypesOf(memberId)).isEqualTo(events);
        assertThat(keyOf(memberId)).as("the key is back with the event gone").isNotNull();
        await().atMost(Duration.ofSeconds(30))
                .until(() ->
                        as("officer").get("/api/members/" + memberId).body().contains(owner.name()));
    }

    private byte[] keyOf(String memberId) {
        return jdbc.queryForObject(
                "SELECT data_key FROM personal_data_key WHERE subject_id = ?", byte[].class, memberId);
    }

    private Map<String, Object> memberRow(String memberId) {
        return jdbc.queryForMap("SELECT * FROM member_directory WHERE member_id = ?", memberId);
    }

    private static void assertNowhereIn(String text, Owner owner) {
        assertThat(text).doesNotContain(owner.personal());
    }

    /** Stored events, snapshots and dead letters whose bytes contain any of the owner's personal data. */
    private long storedOccurrences(Owner owner) {
        long found = 0;
        for (String needle : owner.personal()) {
            for (String table : List.of("domain_event_entry", "snapshot_event_entry", "dead_letter_entry")) {
                found += jdbc.queryForObject(
                        "SELECT count(*) FROM " + table + " WHERE position(convert_to(?, 'UTF8')"
                                + " IN payload) > 0 OR position(convert_to(?, 'UTF8') IN coalesce(meta_data, ''::bytea)) > 0",
                        Long.class,
                        needle,
                        needle);
            }
        }
        return found;
    }

    /** Camunda variables (running and historic, text and serialised) that contain any of the personal data. */
    private long camundaOccurrences(Owner owner) {
        long found = 0;
        for (String needle : owner.personal()) {
            for (String table : List.of("act_ru_variable", "act_hi_varinst", "act_hi_detail")) {
                found += jdbc.queryForObject(
                        "SELECT count(*) FROM " + table
                                + " WHERE position(? IN coalesce(text_, '') || coalesce(text2_, '')) > 0",
                        Long.class,
                        needle);
            }
            found += jdbc.queryForObject(
                    "SELECT count(*) FROM act_ge_bytearray WHERE bytes_ IS NOT NULL"
                            + " AND position(convert_to(?, 'UTF8') IN bytes_) > 0",
                    Long.class,
                    needle);
        }
        return found;
    }
}
