package org.factorysharing.systemtests.member;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Stream;
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

        List<String> found = occurrences(Path.of(dataDirectory), forgotten.values(), active.values());

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

    /** Every file holding one of the values in clear (UTF-8, as PostgreSQL stores text), with the value. */
    private static List<String> occurrences(Path directory, List<String> first, List<String> second)
            throws IOException {
        List<byte[]> needles = new ArrayList<>();
        Stream.concat(first.stream(), second.stream())
                .forEach(value -> needles.add(value.getBytes(StandardCharsets.UTF_8)));
        List<String> found = new ArrayList<>();
        try (Stream<Path> files = Files.walk(directory)) {
            files.filter(Files::isRegularFile).forEach(file -> {
                byte[] bytes = read(file);
                for (int i = 0; i < needles.size(); i++) {
                    if (indexOf(bytes, needles.get(i)) >= 0) {
                        found.add(
                                directory.relativize(file) + ": " + new String(needles.get(i), StandardCharsets.UTF_8));
                    }
                }
            });
        }
        return found;
    }

    private static byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            if (!Files.exists(file)) {
                return new byte[0]; // a temporary file PostgreSQL removed meanwhile
            }
            throw new UncheckedIOException(e);
        }
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
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
