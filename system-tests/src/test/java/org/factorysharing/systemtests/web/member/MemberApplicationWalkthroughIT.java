package org.factorysharing.systemtests.web.member;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import org.factorysharing.systemtests.Browser;
import org.factorysharing.systemtests.Http;
import org.factorysharing.systemtests.MemberLogins;
import org.factorysharing.systemtests.SampleDocuments;
import org.factorysharing.systemtests.ServerTest;
import org.factorysharing.testing.EventStoreProbe;
import org.factorysharing.testing.TestData;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * An application in Bahasa Indonesia through the pages alone: a member applies with its NIB certificate and KTP, an
 * officer looks at them beside the form and asks for a sharper KTP, the member adds one and sends the application
 * back, and the officer verifies. The member's login is made as an administrator makes it (the product has no
 * self-service sign-up); everything after that is done in the browser.
 */
@ServerTest
class MemberApplicationWalkthroughIT {

    @LocalServerPort
    int port;

    @Autowired
    MemberLogins logins;

    @Autowired
    EventStoreProbe eventStore;

    @Test
    void aMemberAppliesTheOfficerAsksForMoreTheMemberAddsADocumentAndTheOfficerVerifies() {
        String login = logins.newLogin();
        String nib = TestData.nib();
        String business = "Kopi Gayo Lestari " + nib;
        String email = "kopi." + nib + "@contoh.id";
        Path nibCertificate = SampleDocuments.file("sertifikat-nib.pdf", SampleDocuments.pdf("Sertifikat NIB " + nib));
        Path blurredKtp = SampleDocuments.file("ktp-buram.png", SampleDocuments.png());
        Path sharpKtp = SampleDocuments.file("ktp-jelas.pdf", SampleDocuments.pdf("KTP Cut Nyak Dhien"));
        String memberPath;

        try (Browser member = Browser.desktop(port, "member-application")) {
            member.signIn(login).follow("Pengajuan saya");
            assertThat(member.heading()).isEqualTo("Pengajuan saya");
            assertThat(member.text()).contains("Anda belum mengajukan keanggotaan");
            member.shot("no-application-yet");

            member.follow("Ajukan keanggotaan");
            assertThat(member.heading()).isEqualTo("Ajukan keanggotaan");
            member.fill("Nama usaha", business)
                    .fill("NIB", nib)
                    .fill("Sektor usaha", "kopi")
                    .fill("Provinsi", "Aceh")
                    .fill("Kabupaten/kota", "Aceh Tengah")
                    .choose("Skala usaha", "Mikro")
                    .fill("Nama pemilik", "Cut Nyak Dhien")
                    .fill("NIK pemilik", TestData.nik())
                    .fill("Nomor telepon", "0812 7000 " + nib.substring(9))
                    .fill("Alamat e-mail", email)
                    .attach("Sertifikat NIB", nibCertificate)
                    .attach("KTP pemilik", blurredKtp)
                    .shot("application-form")
                    .press("Ajukan");
            member.reloadUntil("Pengajuan Anda sedang diperiksa petugas.");
            assertThat(member.text()).contains(business, "Diajukan", "sertifikat-nib.pdf", "ktp-buram.png");
            member.shot("applied");
        }

        try (Browser officer = Browser.desktop(port, "member-application-officer")) {
            officer.signIn("officer").follow("Anggota");
            officer.fill("NIK, telepon atau e-mail", email).press("Saring");
            officer.reloadUntil(business).shot("directory-found-by-email");
            officer.follow(business);
            memberPath = officer.path();
            officer.reloadUntil("Verifikasi dokumen menunggu").follow("Buka verifikasi dokumen");
            assertThat(officer.heading()).isEqualTo("Verifikasi dokumen " + business);
            assertDocumentsShownInline(officer, 2);
            officer.shot("verification-with-documents");

            officer.tick("Perlu informasi tambahan dari anggota")
                    .fill("Catatan untuk anggota", "Foto KTP buram. Unggah pindaian KTP yang lebih jelas.")
                    .shot("asking-for-more")
                    .press("Simpan keputusan");
            officer.awaitText("Permintaan informasi tambahan dikirim ke anggota.");
            assertThat(officer.path()).isEqualTo(memberPath);
            officer.shot("asked-for-more");
        }

        try (Browser member = Browser.desktop(port, "member-application-answer")) {
            member.signIn(login).follow("Pengajuan saya");
            member.reloadUntil("Petugas meminta informasi tambahan");
            assertThat(member.text()).contains("Foto KTP buram. Unggah pindaian KTP yang lebih jelas.");
            member.shot("officer-asks-for-more");

            member.choose("Jenis dokumen", "KTP pemilik")
                    .attach("Berkas", sharpKtp)
                    .press("Unggah dokumen")
                    .awaitText("Dokumen \"ktp-jelas.pdf\" sudah diunggah.");
            member.shot("document-added");
            member.press("Kirim kembali pengajuan").awaitText("Pengajuan Anda sudah dikirim kembali ke petugas.");
            member.shot("sent-back");
        }

        try (Browser officer = Browser.desktop(port, "member-application-verified")) {
            officer.signIn("officer").open(memberPath);
            officer.reloadUntil("Verifikasi dokumen menunggu").follow("Buka verifikasi dokumen");
            assertThat(officer.text()).contains("Anggota sudah menambahkan dokumen dan mengirim kembali pengajuan");
            assertDocumentsShownInline(officer, 3);
            officer.press("Ambil tugas ini").awaitText("Tugas ini sudah Anda ambil.");
            officer.shot("verification-again-taken");

            officer.tick("Dokumen lengkap dan sah: verifikasi anggota").press("Simpan keputusan");
            officer.awaitText("Anggota diverifikasi.").reloadUntil("Terverifikasi");
            officer.shot("verified");
        }

        try (Browser member = Browser.desktop(port, "member-application-result")) {
            member.signIn(login).follow("Pengajuan saya");
            member.reloadUntil("Usaha Anda terverifikasi sebagai anggota program.");
            member.shot("member-sees-verified");
        }
        String memberId = memberPath.substring("/members/".length());
        assertThat(eventStore.eventTypesOf(memberId))
                .containsExactly(
                        "MemberRegistered",
                        "MemberAccountLinked",
                        "MemberDocumentAttached",
                        "MemberDocumentAttached",
                        "MemberInformationRequested",
                        "MemberDocumentAttached",
                        "MemberApplicationResubmitted",
                        "MemberVerified");
    }

    /**
     * Each document is on the page, a PDF in a frame and an image as an image, from an address of this server that
     * answers the officer with the document's type.
     */
    private void assertDocumentsShownInline(Browser officer, int documents) {
        List<WebElement> frames = officer.findAll(By.cssSelector("iframe.member-frame"));
        List<WebElement> images = officer.findAll(By.cssSelector("img.member-image"));
        assertThat(frames.size() + images.size()).isEqualTo(documents);
        assertThat(images).isNotEmpty();
        assertThat(frames).isNotEmpty();
        Http session = Http.signedIn(port, "officer", TestData.PASSWORD);
        for (WebElement frame : frames) {
            assertThat(frame.getDomAttribute("title")).startsWith("Dokumen ");
            assertServed(session, frame.getDomAttribute("src"), "application/pdf");
        }
        for (WebElement image : images) {
            assertThat(image.getDomAttribute("alt")).startsWith("Dokumen ");
            assertServed(session, image.getDomAttribute("src"), "image/png");
        }
    }

    private static void assertServed(Http session, String src, String type) {
        assertThat(src).startsWith("/members/");
        HttpResponse<byte[]> served = session.getBytes(src);
        assertThat(served.statusCode()).as(src).isEqualTo(200);
        assertThat(served.headers().firstValue("Content-Type")).as(src).hasValue(type);
        assertThat(served.headers().firstValue("Content-Disposition").orElseThrow())
                .startsWith("inline;");
        assertThat(served.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        // framed by our own pages only (CSP frame-ancestors overrides X-Frame-Options in browsers)
        assertThat(served.headers().firstValue("Content-Security-Policy").orElseThrow())
                .contains("frame-ancestors 'self'")
                .contains("default-src 'none'");
    }
}
