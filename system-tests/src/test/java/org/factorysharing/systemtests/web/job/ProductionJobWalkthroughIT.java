package org.factorysharing.systemtests.web.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.factorysharing.api.factory.MachinePlan;
import org.factorysharing.systemtests.Browser;
import org.factorysharing.systemtests.HttpWalk;
import org.factorysharing.systemtests.MemberLogins;
import org.factorysharing.systemtests.ServerTest;
import org.factorysharing.systemtests.StaffLogins;
import org.factorysharing.testing.TestData;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A production job through the pages, in Indonesian: a verified member qualified for the oil press books machine time
 * seeing the factory's free capacity for its window; the factory's crew, on a phone, starts the job, records the
 * output and passes the quality inspection; the member sees the job completed with its output. What the walk is not
 * about (a commissioned factory, its crew, a verified and qualified member) is prepared through the API.
 */
@ServerTest
class ProductionJobWalkthroughIT {

    private static final String PRESS = "COCONUT_OIL_PRESS";

    @LocalServerPort
    int port;

    @Autowired
    CommandGateway commands;

    @Autowired
    MemberLogins members;

    @Autowired
    StaffLogins crews;

    @Test
    void aMemberBooksSeeingFreeCapacityTheCrewRunsTheJobOnAPhoneAndTheMemberSeesItCompleted() {
        LocalDate today = TestData.today();
        String factoryId = TestData.commissionedFactory(
                        commands,
                        "Sulawesi Utara",
                        "Minahasa",
                        "Coconut",
                        new MachinePlan("PRESS-1", PRESS, 8),
                        new MachinePlan("PRESS-2", PRESS, 8))
                .value();
        String factoryName = "Rumah Produksi " + factoryId;
        String crew = crews.newCrew();
        assertThat(walk().as("officer")
                        .put("/api/factories/" + factoryId + "/staff/" + crew, null)
                        .status())
                .isEqualTo(204);
        HttpWalk.MemberLogin member = walk().qualifiedMember(PRESS);
        String jobId;

        try (Browser browser = Browser.desktop(port, "production-job-member")) {
            browser.signIn(member.login()).open("/jobs").follow("Pesan waktu mesin");
            assertThat(browser.heading()).isEqualTo("Pesan waktu mesin");
            assertThat(browser.text()).contains("Kualifikasi Anda:", PRESS);
            browser.choose("Pabrik", factoryName + " (Minahasa)")
                    .chooseWhenOffered("Jenis mesin", PRESS)
                    .fill("Produk", "Minyak kelapa murni")
                    .fill("Jumlah", "500")
                    .fill("Jam-mesin", "12")
                    .fillDate("Mulai paling awal", today)
                    .fillDate("Selesai paling lambat", today.plusDays(5));
            // two presses of 8 h over six days, nothing booked yet
            browser.awaitText("96 jam-mesin bebas").awaitText("Cukup untuk 12 jam-mesin yang diminta.");
            assertThat(browser.find(By.cssSelector("table.free-days tbody")).getText())
                    .startsWith(indonesian(today) + " 16 16");
            browser.script("document.getElementById('capacity').scrollIntoView();");
            browser.shot("booking-with-free-capacity");

            browser.press("Pesan").awaitText("Pesanan diterima");
            jobId = browser.path().substring("/jobs/".length());
            browser.reloadUntil("Terjadwal");
            // 12 h fit on the first day's two presses (8 + 4), earliest days first
            assertThat(browser.text()).contains("Minyak kelapa murni", factoryName, "PRESS-1", "PRESS-2");
            browser.shot("booked-and-scheduled");
        }

        try (Browser phone = Browser.phone(port, "production-job-crew")) {
            phone.signIn(crew).open("/staff").reloadUntil("Mulai pekerjaan");
            assertThat(phone.text()).contains("Minyak kelapa murni × 500");
            assertThat(phone.overflowsHorizontally()).isFalse();
            phone.shot("crew-tasks");

            phone.followContaining("Minyak kelapa murni");
            assertThat(phone.heading()).isEqualTo("Mulai pekerjaan");
            assertThat(phone.overflowsHorizontally()).isFalse();
            phone.shot("start-job");
            phone.press("Mulai pekerjaan").awaitText("Tugas sudah diselesaikan");

            phone.followContaining("Catat hasil produksi");
            assertThat(phone.overflowsHorizontally()).isFalse();
            phone.fill("Unit baik", "480").fill("Unit ditolak", "20").shot("record-output");
            phone.press("Simpan hasil").awaitText("Tugas sudah diselesaikan");

            phone.followContaining("Pemeriksaan mutu");
            assertThat(phone.text()).contains("Unit baik", "480", "Unit ditolak", "20");
            assertThat(phone.overflowsHorizontally()).isFalse();
            phone.shot("quality-inspection");
            phone.press("Lulus pemeriksaan mutu").awaitText("Tugas sudah diselesaikan");
            // no task of this job is left (the factory, commissioned by commands, still lists its install tasks)
            assertThat(phone.text()).doesNotContain("Minyak kelapa murni");

            // the crew's machines page fits the phone too
            phone.follow("Mesin dan perawatan");
            assertThat(phone.text()).contains("PRESS-1", "PRESS-2", "Mulai perawatan");
            assertThat(phone.overflowsHorizontally()).isFalse();
            phone.shot("machines");
        }

        try (Browser browser = Browser.desktop(port, "production-job-completed")) {
            browser.signIn(member.login()).open("/jobs/" + jobId).reloadUntil("Selesai");
            assertThat(browser.find(By.cssSelector(".job-status")).getText()).isEqualTo("Selesai");
            assertThat(browser.find(By.cssSelector(".good-units")).getText()).isEqualTo("480");
            browser.shot("completed");
            browser.open("/jobs");
            assertThat(browser.text()).contains("Minyak kelapa murni", "Selesai");
            browser.shot("my-jobs");
        }
    }

    /** A day as the pages write it in Indonesian (as the server formats it, in this same JVM). */
    static String indonesian(LocalDate day) {
        return day.format(
                DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(Locale.forLanguageTag("id-ID")));
    }

    private HttpWalk walk() {
        return new HttpWalk(port, members);
    }
}
