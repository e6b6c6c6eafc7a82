package org.factorysharing.systemtests.web.member;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.factorysharing.systemtests.Browser;
import org.factorysharing.systemtests.Http;
import org.factorysharing.systemtests.Http.FilePart;
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

/**
 * A member's own pages on a 360 px phone (nothing scrolls sideways), and asking for the personal data to be
 * forgotten: the page says what it means, asks for a confirmation, and afterwards the documents are gone.
 */
@ServerTest
class MyApplicationPageIT {

    @LocalServerPort
    int port;

    @Autowired
    MemberLogins logins;

    @Autowired
    EventStoreProbe eventStore;

    @Test
    void onAPhoneTheMembersPagesDoNotScrollSideways() {
        String fresh = logins.newLogin();
        String applicant = logins.newLogin();
        String memberId = applyWithADocument(
                applicant,
                "dokumen-dengan-nama-yang-sangat-panjang-sekali-tanpa-spasi-" + "sama-sekali-untuk-ponsel-kecil.pdf");

        try (Browser phone = Browser.phone(port, "member-phone")) {
            phone.emulatePhoneScreen().signIn(fresh).open("/me");
            assertThat(phone.viewportWidth()).isEqualTo(360);
            assertThat(phone.text()).contains("Anda belum mengajukan keanggotaan");
            assertThat(phone.overflowsHorizontally())
                    .as("/me without an application")
                    .isFalse();
            phone.shot("no-application");
            phone.open("/me/apply");
            assertThat(phone.overflowsHorizontally()).as("/me/apply").isFalse();
            phone.press("Ajukan");
            assertThat(phone.text()).contains("Periksa isian yang ditandai.");
            assertThat(phone.overflowsHorizontally())
                    .as("/me/apply with errors")
                    .isFalse();
            phone.shot("application-form-with-errors");
        }
        try (Browser phone = Browser.phone(port, "member-phone-application")) {
            phone.emulatePhoneScreen()
                    .signIn(applicant)
                    .open("/me")
                    .reloadUntil("Pengajuan Anda sedang diperiksa petugas.");
            assertThat(phone.overflowsHorizontally())
                    .as("/me with an application")
                    .isFalse();
            phone.shot("application");
            phone.open("/me/forget");
            assertThat(phone.overflowsHorizontally()).as("/me/forget").isFalse();
            phone.shot("forget");
        }
        try (Browser phone = Browser.phone(port, "member-phone-officer")) {
            phone.emulatePhoneScreen().signIn("officer").open("/members");
            assertThat(phone.overflowsHorizontally()).as("/members").isFalse();
            phone.open("/members/" + memberId);
            assertThat(phone.overflowsHorizontally()).as("/members/{id}").isFalse();
            phone.reloadUntil("Buka verifikasi dokumen").follow("Buka verifikasi dokumen");
            assertThat(phone.overflowsHorizontally()).as("the document check").isFalse();
            phone.shot("verification");
        }
    }

    @Test
    void aMemberIsToldWhatForgettingMeansConfirmsAndItsDocumentsAreGone() {
        String applicant = logins.newLogin();
        String memberId = applyWithADocument(applicant, "ktp-saya.pdf");

        try (Browser member = Browser.desktop(port, "member-forget")) {
            member.signIn(applicant).open("/me").reloadUntil("ktp-saya.pdf");
            member.follow("Hapus data pribadi saya");
            assertThat(member.heading()).isEqualTo("Hapus data pribadi saya");
            assertThat(member.text())
                    .contains(
                            "Dokumen yang Anda unggah (sertifikat NIB, KTP dan lainnya) ikut dihapus",
                            "NIB, nama usaha, status dan kualifikasi mesin tetap tersimpan",
                            "Penghapusan tidak dapat dibatalkan.");
            member.shot("what-forgetting-means");

            member.press("Hapus data pribadi saya");
            assertThat(member.find(By.id("confirm-error")).getText())
                    .isEqualTo("Centang pernyataan ini untuk menghapus data pribadi Anda.");
            assertThat(eventStore.eventTypesOf(memberId)).doesNotContain("MemberPersonalDataForgotten");
            member.shot("not-confirmed");

            member.tick("Saya mengerti bahwa data pribadi dan dokumen saya dihapus untuk selamanya")
                    .press("Hapus data pribadi saya")
                    .awaitText("Data pribadi Anda sudah dihapus.");
            assertThat(member.text())
                    .contains("Data pribadi pemilik telah dihapus atas permintaan.")
                    .contains("Isi dokumen telah dihapus bersama data pribadi.")
                    .doesNotContain("ktp-saya.pdf")
                    .doesNotContain("Hapus data pribadi saya");
            member.shot("forgotten");
        }
        assertThat(eventStore.eventTypesOf(memberId)).endsWith("MemberPersonalDataForgotten");
        assertThat(eventStore.payloadOf(
                        memberId, eventStore.eventTypesOf(memberId).size() - 1))
                .contains("Permintaan pemilik data melalui halaman anggota");
    }

    /** An application made through the API by the member's own login, with one document; linked when it returns. */
    private String applyWithADocument(String login, String fileName) {
        Http api = Http.as(port, login, TestData.PASSWORD);
        Reply created = api.post("/api/members", TestData.registerMemberJson(TestData.nib()));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String memberId = created.json().get("memberId").asText();
        Reply attached = api.postMultipart(
                "/api/members/" + memberId + "/documents",
                Map.of("kind", "OWNER_ID_CARD"),
                List.of(new FilePart("file", fileName, "application/pdf", SampleDocuments.pdf("KTP"))));
        assertThat(attached.status()).as(attached.toString()).isEqualTo(201);
        logins.awaitLinked(login);
        return memberId;
    }
}
