package org.factorysharing.systemtests.member;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Stream;
import org.factorysharing.systemtests.DataDirectoryScan;
import org.factorysharing.systemtests.DataDirectoryScan.Occurrence;
import org.factorysharing.systemtests.Http;
import org.factorysharing.systemtests.ServerTest;
import org.factorysharing.testing.EventFeed;
import org.factorysharing.testing.TestData;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Personal data are at rest only as ciphertext: read through every file of the database's data directory (tables,
 * indexes, WAL) after a checkpoint, the owner's name, NIK, phone and e-mail of a member appear nowhere in clear,
 * neither for a forgotten member nor for one still active, whom officers still see and find through the API.
 */
@ServerTest
class PersonalDataAtRestIT {

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    EventFeed feed;

    @Value("${fs.embedded-db.data-dir}")
    String dataDirectory;

    Http officer() {
        return Http.as(port, "officer", TestData.PASSWORD);
    }

    @Test
    void noPersonalValueIsOnDiskInClearAndAForgottenOneIsFoundNowhere() throws IOException {
        Owner forgotten = Owner.distinctive();
        Owner active = Owner.distinctive();
        String forgottenId = register(forgotten);
        String activeId = register(active);
        assertThat(officer()
                        .delete(
                                "/api/members/" + forgottenId + "/personal-data",
                                "{\"reason\":\"the owner asked for erasure\"}")
                        .status())
                .isEqualTo(204);
        feed.awaitCaughtUp("member-directory");
        feed.awaitCaughtUp("personal-data-index");
        jdbc.execute("CHECKPOINT");

        List<Occurrence> found = DataDirectoryScan.occurrences(
                Path.of(dataDirectory),
                Stream.concat(forgotten.values().stream(), active.values().stream())
                        .toList());

        assertThat(found).as("personal values in clear in the data directory").isEmpty();
        JsonNode shown = officer().get("/api/members/" + activeId).json();
        assertThat(shown.get("ownerName").asText()).isEqualTo(active.name());
        assertThat(shown.get("contactEmail").asText()).isEqualTo(active.email());
        assertThat(officer()
                        .get("/api/members/" + forgottenId)
                        .json()
                        .get("ownerName")
                        .asText())
                .isEqualTo("[forgotten]");
        assertThat(membersFound("phone=" + active.phone().replace(" ", "%20"))).containsExactly(activeId);
        assertThat(membersFound("email=" + active.email().toUpperCase())).containsExactly(activeId);
        assertThat(membersFound("nik=" + active.nik())).containsExactly(activeId);
        assertThat(membersFound("nik=" + forgotten.nik())).isEmpty();
        assertThat(membersFound("email=" + forgotten.email())).isEmpty();
    }

    private String register(Owner owner) {
        String body = TestData.registerMemberJson(TestData.nib())
                .replace("\"Siti Rahayu\"", "\"" + owner.name() + "\"")
                .replaceAll("\"ownerNik\":\"\\d+\"", "\"ownerNik\":\"" + owner.nik() + "\"")
                .replace("\"+62 271 123456\"", "\"" + owner.phone() + "\"")
                .replace("\"siti@example.id\"", "\"" + owner.email() + "\"");
        Http.Reply created = officer().post("/api/members", body);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.json().get("memberId").asText();
    }

    private List<String> membersFound(String search) {
        return await().atMost(Duration.ofSeconds(30))
                .until(
                        () -> officer().get("/api/members?" + search).json().findValuesAsText("memberId"),
                        found -> !search.contains("forgotten") || found.isEmpty());
    }

    /** An owner whose values occur nowhere else. */
    private record Owner(String name, String nik, String phone, String email) {

        static Owner distinctive() {
            String tag = UUID.randomUUID().toString().substring(0, 8);
            long digits = ThreadLocalRandom.current().nextLong(1_000_000_000L, 9_999_999_999L);
            return new Owner(
                    "Wibisono Qadarusman " + tag,
                    "717" + digits + "123",
                    "+62 899 " + (digits % 10_000_000L),
                    "pemilik." + tag + "@contoh.id");
        }

        List<String> values() {
            return List.of(name, nik, phone, email);
        }
    }
}
