package org.factorysharing.systemtests.member;

import static org.assertj.core.api.Assertions.assertThat;
import static org.factorysharing.systemtests.Problems.assertField;
import static org.factorysharing.systemtests.Problems.assertProblem;
import static org.factorysharing.systemtests.Problems.assertRule;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.factorysharing.systemtests.DataDirectoryScan;
import org.factorysharing.systemtests.DataDirectoryScan.Occurrence;
import org.factorysharing.systemtests.Http;
import org.factorysharing.systemtests.Http.FilePart;
import org.factorysharing.systemtests.Http.Reply;
import org.factorysharing.systemtests.MemberLogins;
import org.factorysharing.systemtests.SampleDocuments;
import org.factorysharing.systemtests.ServerTest;
import org.factorysharing.testing.EventStoreProbe;
import org.factorysharing.testing.TestData;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Members' documents through the API: handed in by the applicant (multipart), kept encrypted with the member's
 * personal-data key, read by officers, supervisors, auditors and the member itself only, refused with a problem
 * naming what is wrong (and nothing stored), and unreadable once the member's personal data are forgotten.
 */
@ServerTest
class MemberDocumentsApiIT {

    @LocalServerPort
    int port;

    @Autowired
    MemberLogins logins;

    @Autowired
    EventStoreProbe eventStore;

    @Autowired
    JdbcTemplate jdbc;

    @Value("${fs.embedded-db.data-dir}")
    String dataDirectory;

    Http as(String user) {
        return Http.as(port, user, TestData.PASSWORD);
    }

    @Test
    void theApplicantHandsInADocumentThatOfficersSupervisorsAuditorsAndItselfReadButNoOneElse() throws Exception {
        String applicant = logins.newLogin();
        String memberId = apply(applicant);
        byte[] pdf = SampleDocuments.pdf("Sertifikat NIB " + SampleDocuments.marker());

        Reply attached =
                attach(as(applicant), memberId, "NIB_CERTIFICATE", "C:\\scans\\nib koperasi.pdf", "text/plain", pdf);

        assertThat(attached.status()).as(attached.toString()).isEqualTo(201);
        String documentId = attached.json().get("documentId").asText();
        assertThat(attached.header("Location")).isEqualTo("/api/members/" + memberId + "/documents/" + documentId);
        assertThat(attached.json().get("contentType").asText()).isEqualTo("application/pdf");
        assertThat(attached.json().get("sha256").asText()).isEqualTo(sha256(pdf));
        // the event holds the hash, never the content; its file name is personal data, encrypted
        String payload =
                eventStore.payloadOf(memberId, eventStore.eventTypesOf(memberId).indexOf("MemberDocumentAttached"));
        assertThat(payload).contains(sha256(pdf), "\"contentType\":\"application/pdf\"", "\"fileName\":\"enc:v1:");
        assertThat(payload).doesNotContain("nib koperasi", "Sertifikat NIB");

        for (String reader : List.of("officer", "supervisor", "auditor")) {
            JsonNode documents =
                    as(reader).get("/api/members/" + memberId + "/documents").json();
            assertThat(documents.size()).as(reader).isOne();
            assertThat(documents.get(0).get("fileName").asText()).isEqualTo("nib koperasi.pdf");
            assertThat(documents.get(0).get("kind").asText()).isEqualTo("NIB_CERTIFICATE");
            HttpResponse<byte[]> content = as(reader).getBytes("/api/members/" + memberId + "/documents/" + documentId);
            assertThat(content.statusCode()).as(reader).isEqualTo(200);
            assertThat(content.body()).isEqualTo(pdf);
            assertThat(content.headers().firstValue("Content-Type")).hasValue("application/pdf");
            assertThat(content.headers().firstValue("Content-Disposition").orElseThrow())
                    .startsWith("inline;")
                    .contains("nib");
            assertThat(content.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        }
        logins.awaitLinked(applicant);
        assertThat(as(applicant)
                        .getBytes("/api/members/" + memberId + "/documents/" + documentId)
                        .body())
                .isEqualTo(pdf);

        // another member's login is answered as if the member did not exist; admins do not read documents
        String stranger = logins.newLogin();
        apply(stranger);
        logins.awaitLinked(stranger);
        assertThat(as(stranger).get("/api/members/" + memberId + "/documents").status())
                .isEqualTo(404);
        assertThat(as(stranger)
                        .getBytes("/api/members/" + memberId + "/documents/" + documentId)
                        .statusCode())
                .isEqualTo(404);
        assertThat(attach(as(stranger), memberId, "OTHER", "x.pdf", "application/pdf", pdf)
                        .status())
                .isEqualTo(404);
        assertThat(as("admin").get("/api/members/" + memberId + "/documents").status())
                .isEqualTo(403);
        assertThat(as("admin")
                        .getBytes("/api/members/" + memberId + "/documents/" + documentId)
                        .statusCode())
                .isEqualTo(403);
        assertThat(as("staff").get("/api/members/" + memberId + "/documents").status())
                .isEqualTo(403);
        assertThat(attach(as("supervisor"), memberId, "OTHER", "x.pdf", "application/pdf", pdf)
                        .status())
                .isEqualTo(403);
        assertThat(documentRows(memberId)).isOne();
        assertThat(as("officer")
                        .get("/api/members/" + memberId + "/documents/no-such-document")
                        .status())
                .isEqualTo(404);
    }

    @Test
    void badUploadsAreAnsweredWithAProblemAndStoreNothing() {
        String applicant = logins.newLogin();
        String memberId = apply(applicant);
        Http member = as(applicant);
        List<String> eventsBefore = eventStore.eventTypesOf(memberId);

        Reply renamedText =
                attach(member, memberId, "NIB_CERTIFICATE", "nib.pdf", "application/pdf", SampleDocuments.text());
        assertThat(renamedText.status()).as(renamedText.toString()).isEqualTo(415);
        assertProblem(renamedText);
        assertThat(renamedText.json().get("detail").asText()).contains("not a PDF, JPEG or PNG");
        assertThat(renamedText.json().get("field").asText()).isEqualTo("file");

        Reply tooLarge = attach(
                member, memberId, "NIB_CERTIFICATE", "nib.pdf", "application/pdf", SampleDocuments.sixMegabytePdf());
        assertThat(tooLarge.status()).as(tooLarge.toString()).isEqualTo(413);
        assertProblem(tooLarge);
        assertThat(tooLarge.json().get("detail").asText()).contains("5 MB");

        assertField(attach(member, memberId, "NIB_CERTIFICATE", "nib.pdf", "application/pdf", new byte[0]), "file");
        assertField(
                member.postMultipart("/api/members/" + memberId + "/documents", Map.of("kind", "OTHER"), List.of()),
                "file");
        assertField(
                member.postMultipart(
                        "/api/members/" + memberId + "/documents",
                        Map.of(),
                        List.of(new FilePart("file", "a.pdf", "application/pdf", SampleDocuments.pdf("a")))),
                "kind");
        assertField(attach(member, memberId, "PASSPORT", "a.pdf", "application/pdf", SampleDocuments.pdf("a")), "kind");

        assertThat(eventStore.eventTypesOf(memberId)).isEqualTo(eventsBefore);
        assertThat(documentRows(memberId)).isZero();
    }

    @Test
    void documentsAreCiphertextAtRestAndUnreadableOnceTheMemberIsForgotten() throws IOException {
        String applicant = logins.newLogin();
        String memberId = apply(applicant);
        String marker = SampleDocuments.marker();
        byte[] pdf = SampleDocuments.pdf("KTP " + marker);
        String fileName = "ktp-" + marker + ".pdf";
        String documentId = attach(as(applicant), memberId, "OWNER_ID_CARD", fileName, "application/pdf", pdf)
                .json()
                .get("documentId")
                .asText();
        jdbc.execute("CHECKPOINT");

        // readable for an officer, yet nowhere on disk in clear: neither its content nor its name
        assertThat(as("officer")
                        .getBytes("/api/members/" + memberId + "/documents/" + documentId)
                        .body())
                .isEqualTo(pdf);
        assertThat(filesHolding(marker))
                .as("the document in clear in the data directory")
                .isEmpty();

        assertThat(as(applicant)
                        .delete(
                                "/api/members/" + memberId + "/personal-data",
                                "{\"reason\":\"saya keluar dari program\"}")
                        .status())
                .isEqualTo(204);

        assertThat(as("officer")
                        .getBytes("/api/members/" + memberId + "/documents/" + documentId)
                        .statusCode())
                .isEqualTo(404);
        JsonNode listed =
                as("officer").get("/api/members/" + memberId + "/documents").json();
        assertThat(listed.get(0).get("forgotten").asBoolean()).isTrue();
        assertThat(listed.get(0).get("fileName").asText()).isEqualTo("[forgotten]");
        assertThat(listed.get(0).get("sha256").asText()).isEqualTo(sha256(pdf));
        assertThat(jdbc.queryForObject(
                        "SELECT count(*) FROM member_document WHERE member_id = ? AND content IS NULL AND file_name IS NULL",
                        Long.class,
                        memberId))
                .isOne();
        assertThat(jdbc.queryForObject(
                        "SELECT data_key IS NULL FROM personal_data_key WHERE subject_id = ?", Boolean.class, memberId))
                .isTrue();
        // a forgotten member gets no new documents
        assertRule(
                attach(as("officer"), memberId, "OTHER", "baru.pdf", "application/pdf", SampleDocuments.pdf("baru")),
                "member.personal-data-forgotten");
        jdbc.execute("CHECKPOINT");
        assertThat(filesHolding(marker)).isEmpty();
    }

    @Test
    void theApplicationIsSentBackOnlyWhenTheOfficersAskedForMore() {
        String applicant = logins.newLogin();
        String memberId = apply(applicant);

        assertRule(
                as(applicant).post("/api/members/" + memberId + "/resubmission", null),
                "member.no-information-requested");
        assertThat(as("auditor")
                        .post("/api/members/" + memberId + "/resubmission", null)
                        .status())
                .isEqualTo(403);
        assertThat(eventStore.eventTypesOf(memberId)).doesNotContain("MemberApplicationResubmitted");
    }

    @Test
    void theDocumentEndpointsAreDescribedInTheOpenApiDocument() {
        Reply docs = Http.anonymous(port).get("/v3/api-docs");
        assertThat(docs.status()).isEqualTo(200);
        JsonNode paths = docs.json().get("paths");
        JsonNode upload = paths.get("/api/members/{memberId}/documents").get("post");
        assertThat(upload.get("summary").asText()).startsWith("Hand in a document");
        assertThat(upload.get("requestBody").get("content").has("multipart/form-data"))
                .isTrue();
        assertThat(upload.get("description").asText()).contains("413", "415", "magic bytes");
        assertThat(paths.get("/api/members/{memberId}/documents/{documentId}").has("get"))
                .isTrue();
        assertThat(paths.get("/api/members/{memberId}/resubmission").has("post"))
                .isTrue();
    }

    private String apply(String login) {
        Reply created = as(login).post("/api/members", TestData.registerMemberJson(TestData.nib()));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.json().get("memberId").asText();
    }

    private static Reply attach(
            Http as, String memberId, String kind, String fileName, String declaredType, byte[] content) {
        return as.postMultipart(
                "/api/members/" + memberId + "/documents",
                Map.of("kind", kind),
                List.of(new FilePart("file", fileName, declaredType, content)));
    }

    private long documentRows(String memberId) {
        return jdbc.queryForObject("SELECT count(*) FROM member_document WHERE member_id = ?", Long.class, memberId);
    }

    private static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private List<String> filesHolding(String marker) throws IOException {
        return DataDirectoryScan.occurrences(Path.of(dataDirectory), List.of(marker)).stream()
                .map(Occurrence::file)
                .toList();
    }
}
