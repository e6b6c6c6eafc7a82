package org.factorysharing.systemtests.web.member;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.LocalDate;
import java.util.UUID;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.factorysharing.api.member.MemberCommands.RegisterMember;
import org.factorysharing.api.member.MemberCommands.VerifyMember;
import org.factorysharing.api.member.MemberId;
import org.factorysharing.systemtests.Browser;
import org.factorysharing.systemtests.Http;
import org.factorysharing.systemtests.Http.Reply;
import org.factorysharing.systemtests.ServerTest;
import org.factorysharing.testing.EventStoreProbe;
import org.factorysharing.testing.TestData;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The officers' member directory (filters, search through the blind index, pages) and a member's page with the
 * actions the member API offers staff: grant and revoke a qualification, suspend and reinstate; a broken rule is told
 * on the page and changes nothing. Registrations are made by commands: the walk is not about them.
 */
@ServerTest
class MemberDirectoryPageIT {

    @LocalServerPort
    int port;

    @Autowired
    CommandGateway commands;

    @Autowired
    EventStoreProbe eventStore;

    @Test
    void officersFilterSearchAndPageThroughTheDirectory() {
        String province = "Provinsi Uji " + UUID.randomUUID().toString().substring(0, 6);
        String nik = null;
        String first = null;
        for (int i = 0; i < 21; i++) {
            MemberId memberId = MemberId.newId();
            RegisterMember registration = registration(memberId, province, "Usaha " + i + " " + province);
            commands.sendAndWait(registration);
            if (i == 0) {
                nik = registration.ownerNik();
                first = registration.businessName();
            }
        }

        try (Browser officer = Browser.desktop(port, "member-directory")) {
            officer.signIn("officer").open("/members");
            officer.fill("Provinsi", province).press("Saring");
            officer.reloadUntil("21 anggota");
            assertThat(officer.text()).contains("Halaman 1 dari 2 (21 data)");
            officer.shot("filtered-by-province");
            officer.follow("Berikutnya");
            assertThat(officer.text()).contains("Halaman 2 dari 2");
            assertThat(officer.findAll(By.cssSelector("table.member-table tbody tr")))
                    .hasSize(1);
            // the oldest is last: the directory shows the newest applications first
            assertThat(officer.text()).contains(first);

            officer.open("/members");
            officer.fill("NIK, telepon atau e-mail", nik).press("Saring");
            officer.reloadUntil(first);
            assertThat(officer.findAll(By.cssSelector("table.member-table tbody tr")))
                    .hasSize(1);
            officer.shot("found-by-nik");

            officer.fill("NIK, telepon atau e-mail", "bukan-apa-apa").press("Saring");
            assertThat(officer.find(By.id("search-error")).getText())
                    .isEqualTo("Tulis NIK (16 angka), nomor telepon atau alamat e-mail yang lengkap.");
            assertThat(officer.text()).contains("Tidak ada anggota yang cocok.");
        }
    }

    @Test
    void staffGrantRevokeSuspendAndReinstateFromTheMembersPage() {
        MemberId memberId = MemberId.newId();
        commands.sendAndWait(registration(
                memberId, "Jawa Barat", "Konveksi Bandung " + memberId.value().substring(0, 6)));
        commands.sendAndWait(new VerifyMember(memberId, "officer"));
        String page = "/members/" + memberId.value();
        Http officer = Http.signedIn(port, "officer", TestData.PASSWORD);
        LocalDate nextYear = TestData.today().plusYears(1);
        // the officer opens the member's page first: it shows once the directory has the member
        await().atMost(Duration.ofSeconds(30)).until(() -> officer.get(page).status() == 200);

        assertThat(assertRedirectedTo(
                        officer,
                        officer.pagePost(page + "/qualifications", "machineType=SEWING_MACHINE&expiresOn=" + nextYear),
                        page))
                .contains("Kualifikasi diberikan.");
        assertThat(assertRedirectedTo(
                        officer, officer.pagePost(page + "/suspension", "reason=Iuran+belum+dibayar"), page))
                .contains("Anggota ditangguhkan.");

        try (Browser browser = Browser.desktop(port, "member-actions")) {
            browser.signIn("officer").open(page).reloadUntil("Ditangguhkan");
            assertThat(browser.text()).contains("SEWING_MACHINE", "Iuran belum dibayar");
            browser.shot("suspended-with-qualification");
            browser.press("Pulihkan keanggotaan").awaitText("Keanggotaan dipulihkan.");
            browser.reloadUntil("Terverifikasi");
            browser.shot("reinstated");

            // a date that is not after today is refused next to its field, and nothing is sent
            browser.fill("Jenis mesin", "CNC_ROUTER");
            browser.script(
                    "document.getElementById('expiresOn').value = arguments[0];",
                    TestData.today().toString());
            browser.press("Beri kualifikasi");
            assertThat(browser.find(By.id("expiresOn-error")).getText()).isEqualTo("Tanggal harus setelah hari ini.");
            browser.shot("expiry-refused");
        }
        assertThat(assertRedirectedTo(
                        officer,
                        officer.pagePost(
                                page + "/qualifications/SEWING_MACHINE/revocation", "reason=Pelatihan+diulang"),
                        page))
                .contains("Kualifikasi dicabut.");
        // a broken rule is told on the member's page and changes nothing: a revoked qualification is not held any more
        assertThat(assertRedirectedTo(
                        officer,
                        officer.pagePost(page + "/qualifications/SEWING_MACHINE/revocation", "reason=Sekali+lagi"),
                        page))
                .contains("Anggota tidak memegang kualifikasi yang masih berlaku untuk jenis mesin ini.");

        assertThat(eventStore.eventTypesOf(memberId.value()))
                .containsExactly(
                        "MemberRegistered",
                        "MemberVerified",
                        "QualificationGranted",
                        "MemberSuspended",
                        "MemberReinstated",
                        "QualificationRevoked");
    }

    /** Redirected back to the member's page, which then tells what happened (as a browser follows it). */
    private static String assertRedirectedTo(Http session, Reply reply, String page) {
        assertThat(reply.status()).as(reply.toString()).isEqualTo(302);
        assertThat(reply.header("Location")).endsWith(page);
        return session.get(page).body();
    }

    private static RegisterMember registration(MemberId memberId, String province, String business) {
        RegisterMember base = TestData.registerMember(memberId, TestData.nib());
        return new RegisterMember(
                memberId,
                base.nib(),
                business,
                base.ownerName(),
                base.ownerNik(),
                base.sector(),
                province,
                base.regency(),
                base.scale(),
                base.contactPhone(),
                base.contactEmail(),
                null);
    }
}
