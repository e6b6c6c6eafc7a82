package org.factorysharing.systemtests.web.factory;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.factorysharing.systemtests.Browser;
import org.factorysharing.systemtests.Http;
import org.factorysharing.systemtests.ServerTest;
import org.factorysharing.systemtests.StaffLogins;
import org.factorysharing.testing.EventStoreProbe;
import org.factorysharing.testing.TestData;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A factory from proposal to commissioning through the pages, in Indonesian: an officer proposes it (region from the
 * reference list, one of its commodities) and names its crew; the crew installs the machines on a phone; the
 * inspection on site fails once and the crew resolves the findings; it passes; the inspector is told that another
 * officer must sign off, and a second officer does. Screenshots of every step in target/screenshots/.
 */
@ServerTest
class FactoryCommissioningWalkthroughIT {

    @LocalServerPort
    int port;

    @Autowired
    StaffLogins crews;

    @Autowired
    EventStoreProbe eventStore;

    @Test
    void anOfficerProposesTheCrewInstallsOnAPhoneAndASecondOfficerSignsOff() {
        String name = "Rumah Produksi Kelapa Tomohon " + TestData.nib().substring(7);
        String crew = crews.newCrew();
        String factoryId;

        try (Browser officer = Browser.desktop(port, "factory-commissioning-officer")) {
            officer.signIn("officer").open("/factories").follow("Usulkan pabrik");
            assertThat(officer.heading()).isEqualTo("Usulkan pabrik");
            officer.fill("Nama pabrik", name)
                    .choose("Wilayah", "Minahasa, Sulawesi Utara")
                    // the commodities of the chosen region only: a factory's commodity is never free text
                    .chooseWhenOffered("Komoditas", "Kelapa (potensi 92)")
                    .fill("Pengelola", "Koperasi Nyiur Melambai")
                    .fill("ID mesin 1", "PRESS-1")
                    .fill("Jenis mesin 1", "coconut oil press")
                    .fill("Kapasitas mesin 1 (jam per hari)", "8")
                    .fill("ID mesin 2", "DRYER-1")
                    .fill("Jenis mesin 2", "COPRA_DRYER")
                    .fill("Kapasitas mesin 2 (jam per hari)", "12")
                    .fillDate("Batas waktu pemasangan", TestData.today().plusDays(30))
                    .shot("proposal-filled")
                    .press("Ajukan");
            officer.awaitText("Pabrik sudah diusulkan");
            assertThat(officer.heading()).isEqualTo(name);
            assertThat(officer.text()).contains("Diusulkan", "Kelapa", "COCONUT_OIL_PRESS", "COPRA_DRYER");
            factoryId = officer.path().substring("/factories/".length());
            officer.shot("proposed");

            officer.fill("Nama pengguna", crew)
                    .fill("Alasan (boleh kosong)", "kru pemasangan")
                    .press("Tambahkan staf");
            officer.awaitText("Staf sudah ditambahkan");
            assertThat(officer.find(By.id("staff")).getText()).contains(crew);
            officer.shot("crew-named");
        }

        // the crew on a phone: one "Pasang mesin" task per planned machine
        try (Browser phone = Browser.phone(port, "factory-commissioning-crew")) {
            phone.signIn(crew).open("/staff").reloadUntil("PRESS-1 (COCONUT_OIL_PRESS)");
            assertThat(phone.text()).contains(name, "Pasang mesin", "DRYER-1 (COPRA_DRYER)");
            assertThat(phone.overflowsHorizontally()).isFalse();
            phone.shot("crew-tasks");
            for (String machine : new String[] {"PRESS-1", "DRYER-1"}) {
                phone.followContaining(machine);
                assertThat(phone.heading()).isEqualTo("Pasang mesin");
                assertThat(phone.text()).contains(machine);
                assertThat(phone.overflowsHorizontally()).isFalse();
                phone.shot("install-" + machine);
                phone.press("Mesin sudah terpasang").awaitText("Tugas sudah diselesaikan");
            }
            assertThat(phone.text()).doesNotContain("Pasang mesin");
        }

        // the inspection on site, on a phone: it fails once, the crew resolves the findings, it passes
        try (Browser inspector = Browser.phone(port, "factory-commissioning-inspection")) {
            inspector.signIn("officer").open("/factories/" + factoryId).reloadUntil("Inspeksi keselamatan dan mutu");
            inspector.followContaining("Inspeksi keselamatan dan mutu");
            assertThat(inspector.text()).contains(name, "PRESS-1 (COCONUT_OIL_PRESS)");
            assertThat(inspector.overflowsHorizontally()).isFalse();
            inspector.press("Tidak lulus");
            assertThat(inspector.find(By.id("findings-error")).getText())
                    .isEqualTo("Tuliskan temuan bila inspeksi tidak lulus.");
            inspector.fill("Temuan", "Pagar pengaman PRESS-1 belum terpasang").shot("inspection-fails");
            inspector.press("Tidak lulus").awaitText("Tugas sudah diselesaikan");
        }
        try (Browser phone = Browser.phone(port, "factory-commissioning-findings")) {
            phone.signIn(crew).open("/staff").reloadUntil("Perbaiki temuan inspeksi");
            phone.followContaining("Perbaiki temuan inspeksi");
            assertThat(phone.text()).contains("Pagar pengaman PRESS-1 belum terpasang");
            assertThat(phone.overflowsHorizontally()).isFalse();
            phone.fill("Cara temuan diperbaiki", "Pagar pengaman dipasang dan diuji")
                    .shot("findings-resolved");
            phone.press("Temuan sudah diperbaiki").awaitText("Tugas sudah diselesaikan");
        }
        try (Browser inspector = Browser.phone(port, "factory-commissioning-inspection-again")) {
            inspector.signIn("officer").open("/factories/" + factoryId).reloadUntil("Inspeksi keselamatan dan mutu");
            inspector.followContaining("Inspeksi keselamatan dan mutu").shot("inspection-again");
            inspector.press("Lulus inspeksi").awaitText("Tugas sudah diselesaikan");

            // four-eyes: the inspector is told before trying that another officer signs off
            inspector.reloadUntil("Tanda tangan pengoperasian").followContaining("Tanda tangan pengoperasian");
            assertThat(inspector.text()).contains("prinsip empat mata");
            assertThat(inspector.findAll(By.xpath("//button[normalize-space()='Setujui pengoperasian']")))
                    .isEmpty();
            inspector.shot("four-eyes");
        }

        try (Browser second = Browser.desktop(port, "factory-commissioning-sign-off")) {
            second.signIn("officer2").open("/factories/" + factoryId).reloadUntil("Tanda tangan pengoperasian");
            second.followContaining("Tanda tangan pengoperasian");
            assertThat(second.text()).contains("Diinspeksi oleh", "officer");
            second.shot("sign-off");
            second.press("Setujui pengoperasian").awaitText("Tugas sudah diselesaikan");
            // the timeline and the factory's status are two read models: wait for both
            second.reloadUntil("Mulai beroperasi").reloadUntil(By.cssSelector(".factory-status"), "Beroperasi");
            String timeline = second.find(By.cssSelector("ol.timeline")).getText();
            assertThat(timeline)
                    .contains(
                            "Diusulkan",
                            "Staf ditambahkan",
                            "Mesin dipasang",
                            "Tidak lulus inspeksi",
                            "Pagar pengaman PRESS-1 belum terpasang",
                            "Lulus inspeksi",
                            "Mulai beroperasi",
                            "oleh officer2");
            assertThat(second.text()).contains("Ditandatangani", "officer2");
            second.shot("commissioned");
        }
        // what the pages did is what the factory recorded: two installations, two inspections, one sign-off
        List<String> events = eventStore.eventTypesOf(factoryId);
        assertThat(events).containsOnlyOnce("FactoryProposed", "FactoryStaffAssigned", "FactoryCommissioned");
        assertThat(events).filteredOn("MachineInstalled"::equals).hasSize(2);
        assertThat(events).filteredOn("FactoryInspected"::equals).hasSize(2);
        assertThat(events).last().isEqualTo("FactoryCommissioned");
        // and the API tells the same timeline
        assertThat(Http.as(port, "officer", TestData.PASSWORD)
                        .get("/api/factories/" + factoryId + "/timeline")
                        .json()
                        .get("entries")
                        .findValuesAsText("kind"))
                .containsExactly(
                        "PROPOSED",
                        "STAFF_ASSIGNED",
                        "MACHINE_INSTALLED",
                        "MACHINE_INSTALLED",
                        "INSPECTION_FAILED",
                        "INSPECTION_PASSED",
                        "COMMISSIONED");
    }
}
