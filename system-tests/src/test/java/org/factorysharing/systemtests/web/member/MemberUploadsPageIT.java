package org.factorysharing.systemtests.web.member;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.factorysharing.systemtests.Browser;
import org.factorysharing.systemtests.Http;
import org.factorysharing.systemtests.Http.Reply;
import org.factorysharing.systemtests.MemberLogins;
import org.factorysharing.systemtests.SampleDocuments;
import org.factorysharing.systemtests.ServerTest;
import org.factorysharing.testing.EventStoreProbe;
import org.factorysharing.testing.TestData;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Bad uploads in the pages: a text file renamed .pdf, a 6 MB scan and an empty file are told next to their field in
 * the page's language (judged by content, not by name), and nothing is stored: no member, no event, no document row.
 */
@ServerTest
class MemberUploadsPageIT {

    @LocalServerPort
    int port;

    @Autowired
    MemberLogins logins;

    @Autowired
    EventStoreProbe eventStore;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void badFilesOfAnApplicationAreToldNextToTheirFieldAndNothingIsStored() {
        String login = logins.newLogin();
        String nib = TestData.nib();
        Path ktp = SampleDocuments.file("ktp.png", SampleDocuments.png());
        long eventsBefore = eventStore.eventCount();

        try (Browser member = Browser.desktop(port, "member-bad-application")) {
            member.signIn(login).open("/me/apply");
            fillApplication(member, nib);
            member.attach("Sertifikat NIB", SampleDocuments.file("nib.pdf", SampleDocuments.text()))
                    .attach("KTP pemilik", ktp)
                    .press("Ajukan");
            assertRefused(
                    member,
                    "nibCertificate",
                    "Berkas ini bukan PDF, JPEG atau PNG (dilihat dari isinya, bukan dari namanya).");
            member.shot("text-renamed-pdf");
            // what was typed stays; the files are chosen again
            assertThat(member.field("NIB").getDomProperty("value")).isEqualTo(nib);

            member.attach("Sertifikat NIB", SampleDocuments.file("nib-besar.pdf", SampleDocuments.sixMegabytePdf()))
                    .attach("KTP pemilik", ktp)
                    .press("Ajukan");
            assertRefused(
                    member,
                    "nibCertificate",
                    "Berkas ini lebih besar dari 5 MB. Perkecil pindaiannya lalu unggah lagi.");
            member.shot("six-megabytes");

            member.attach("Sertifikat NIB", SampleDocuments.file("nib.pdf", SampleDocuments.pdf("NIB")))
                    .attach("KTP pemilik", SampleDocuments.file("ktp-kosong.png", new byte[0]))
                    .press("Ajukan");
            assertRefused(
                    member, "ownerIdCard", "Berkas ini kosong (0 byte). Pilih berkas yang berisi pindaian dokumen.");
            member.shot("empty-file");
        }

        assertThat(eventStore.eventCount()).as("no event").isEqualTo(eventsBefore);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM member_nib_claim WHERE nib = ?", Long.class, nib))
                .isZero();
        assertThat(jdbc.queryForObject(
                        "SELECT count(*) FROM member_account_claim WHERE user_id = ?", Long.class, login))
                .isZero();
    }

    @Test
    void badFilesAddedToAnOpenApplicationAreRefusedInEnglishAndNothingIsStored() {
        String login = logins.newLogin();
        Reply created = Http.as(port, login, TestData.PASSWORD)
                .post("/api/members", TestData.registerMemberJson(TestData.nib()));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String memberId = created.json().get("memberId").asText();
        logins.awaitLinked(login);
        List<String> eventsBefore = eventStore.eventTypesOf(memberId);

        try (Browser member = Browser.englishDesktop(port, "member-bad-document")) {
            member.signIn(login).open("/me");
            member.reloadUntil("Officers are checking your application.");

            member.choose("Kind of document", "Other document")
                    .attach("File", SampleDocuments.file("letter.pdf", SampleDocuments.text()))
                    .press("Upload document");
            assertRefused(member, "file", "This file is not a PDF, JPEG or PNG (judged by its content, not its name).");
            member.shot("text-renamed-pdf");

            member.choose("Kind of document", "Other document")
                    .attach("File", SampleDocuments.file("big.pdf", SampleDocuments.sixMegabytePdf()))
                    .press("Upload document");
            assertRefused(member, "file", "This file is larger than 5 MB. Make the scan smaller and upload it again.");

            member.choose("Kind of document", "Other document")
                    .attach("File", SampleDocuments.file("empty.pdf", new byte[0]))
                    .press("Upload document");
            assertRefused(
                    member, "file", "This file is empty (0 bytes). Choose a file that holds the scanned document.");
            member.shot("empty-file");

            member.choose("Kind of document", "Other document").press("Upload document");
            assertRefused(member, "file", "Choose the file to upload.");
        }

        assertThat(eventStore.eventTypesOf(memberId)).isEqualTo(eventsBefore);
        assertThat(jdbc.queryForObject(
                        "SELECT count(*) FROM member_document WHERE member_id = ?", Long.class, memberId))
                .isZero();
    }

    private static void fillApplication(Browser member, String nib) {
        member.fill("Nama usaha", "Mebel Jepara " + nib)
                .fill("NIB", nib)
                .fill("Sektor usaha", "mebel")
                .fill("Provinsi", "Jawa Tengah")
                .fill("Kabupaten/kota", "Jepara")
                .choose("Skala usaha", "Kecil")
                .fill("Nama pemilik", "Kartini Wulandari")
                .fill("NIK pemilik", TestData.nik());
    }

    /** The message is next to the field, tied to it, and the field is marked invalid. */
    private static void assertRefused(Browser page, String field, String message) {
        assertThat(page.find(By.id(field + "-error")).getText()).isEqualTo(message);
        assertThat(page.find(By.id(field)).getDomAttribute("aria-invalid")).isEqualTo("true");
        assertThat(page.find(By.id(field)).getDomAttribute("aria-describedby")).contains(field + "-error");
        assertThat(page.find(By.cssSelector("[role=alert]")).getText()).contains(message);
    }
}
