package org.factorysharing.systemtests.web.programme;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.factorysharing.systemtests.Browser;
import org.factorysharing.systemtests.Http.Reply;
import org.factorysharing.systemtests.MemberLogins;
import org.factorysharing.systemtests.ServerTest;
import org.factorysharing.testing.EventStoreProbe;
import org.factorysharing.testing.TestData;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * An officer plans a wave through its form (an absurd year, a fraction in a whole number and a rate over 100 % are
 * refused at the door, each next to its field, and nothing is written), then enrols a factory from the regions ranked
 * by their potential for its commodity; a factory whose region has no potential for its commodity is shown apart with
 * the reason.
 */
@ServerTest
class WavePlanAndEnrolmentPageIT {

    @LocalServerPort
    int port;

    @Autowired
    CommandGateway commands;

    @Autowired
    MemberLogins logins;

    @Autowired
    EventStoreProbe events;

    @Test
    void anOfficerPlansAWaveAndEnrolsAFactoryFromTheRegionsRankedByPotential() {
        Pilots pilots = new Pilots(port, commands, logins);
        String run = TestData.nib().substring(7);
        String name = "Uji coba Sulawesi " + run;
        String inMinahasa = proposedFactory(pilots, "Aaa Rumah Produksi Minahasa " + run, "Sulawesi Utara", "Minahasa");
        String inJepara = proposedFactory(pilots, "Aaa Rumah Produksi Jepara " + run, "Jawa Tengah", "Jepara");
        long planned = events.eventCount("WavePlanned");
        int latestYear = TestData.today().getYear() + 10;

        try (Browser browser = Browser.desktop(port, "programme-plan-and-enrol")) {
            browser.signIn("officer").open("/programme");
            browser.follow("Rencanakan gelombang");
            assertThat(browser.heading()).isEqualTo("Rencanakan gelombang");
            browser.fill("Nama gelombang", name)
                    .fill("Tahun", "1999")
                    .choose("Jenis", "Uji coba")
                    .fill("Target pabrik", "2.5")
                    .fill("Periode uji coba (bulan)", "6")
                    .fill("Utilisasi mesin minimum (%)", "150")
                    .fill("Anggota terlayani minimum", "3")
                    .fill("Pekerjaan selesai minimum", "5")
                    .fill("Unit keluaran minimum", "1000")
                    .fill("Tingkat lulus mutu minimum (%)", "90")
                    .press("Rencanakan");
            assertThat(fieldError(browser, "year")).isEqualTo("Tahun harus antara 2000 dan " + latestYear + ".");
            assertThat(fieldError(browser, "targetFactories")).isEqualTo("Tulis bilangan bulat, tanpa pecahan.");
            assertThat(fieldError(browser, "minUtilisationPercent")).isEqualTo("paling banyak 100");
            assertThat(browser.field("Tahun").getDomAttribute("aria-invalid")).isEqualTo("true");
            assertThat(events.eventCount("WavePlanned")).isEqualTo(planned);
            browser.shot("plan-refused-at-the-door");

            browser.fill("Tahun", String.valueOf(TestData.today().getYear()))
                    .fill("Target pabrik", "2")
                    .fill("Utilisasi mesin minimum (%)", "60")
                    .press("Rencanakan");
            assertThat(browser.path()).isEqualTo("/programme");
            assertThat(browser.text()).contains("Gelombang „" + name + "” direncanakan");
            browser.shot("planned");
            // the notice names the wave; the list shows it once the dashboard has it
            browser.open("/programme").reloadUntil(name);

            browser.follow(name).follow("Daftarkan pabrik");
            assertThat(browser.heading()).isEqualTo("Daftarkan pabrik: " + name);
            browser.open(browser.path() + "?commodity=Coconut");
            // one full-suite run read a ranking of Minahasa alone (cause not found): read once the page lists the last
            // of the shipped coconut regions; the assertions below still say what must be there
            browser.reloadUntil(By.cssSelector("table.ranked-regions tbody th"), "Bolaang Mongondow, Sulawesi Utara");
            List<String> ranked = browser.findAll(By.cssSelector("table.ranked-regions tbody th")).stream()
                    .map(WebElement::getText)
                    .toList();
            // the shipped reference list: Minahasa 92, Minahasa Utara 88, Bolaang Mongondow 80
            assertThat(ranked)
                    .containsSubsequence(
                            "Minahasa, Sulawesi Utara",
                            "Minahasa Utara, Sulawesi Utara",
                            "Bolaang Mongondow, Sulawesi Utara");
            assertThat(browser.findAll(By.cssSelector("table.ranked-regions td.score")).stream()
                            .map(WebElement::getText)
                            .toList())
                    .startsWith("92", "88", "80");
            assertThat(browser.find(By.cssSelector("ul.without-potential")).getText())
                    .contains(
                            "Aaa Rumah Produksi Jepara " + run,
                            "Jepara, Jawa Tengah belum memiliki potensi tercatat untuk COCONUT");
            assertThat(browser.text()).contains("Daerah pabrik belum memiliki potensi tercatat untuk komoditasnya");
            browser.shot("regions-ranked");

            browser.press("Daftarkan Aaa Rumah Produksi Minahasa " + run);
            assertThat(browser.text()).contains("Pabrik didaftarkan.");
            browser.shot("enrolled");
            browser.open("/programme").follow(name).reloadUntil("Aaa Rumah Produksi Minahasa " + run);
            assertThat(browser.find(By.cssSelector("table.wave-factories")).getText())
                    .contains("SULAWESI_UTARA/MINAHASA", "92");
            browser.shot("wave-with-factory");
        }
        // the factory in Jepara is refused by the wave itself too, with the same rule
        String waveId = waveOf(pilots, name);
        Reply refused = pilots.as("officer")
                .post("/api/programme/waves/" + waveId + "/factories", "{\"factoryId\":\"" + inJepara + "\"}");
        assertThat(refused.status()).as(refused.toString()).isEqualTo(409);
        assertThat(refused.json().get("code").asText()).isEqualTo("wave.no-potential");
    }

    private static String fieldError(Browser browser, String field) {
        return browser.find(By.id(field + "-error")).getText();
    }

    private static String proposedFactory(Pilots pilots, String name, String province, String regency) {
        Reply proposed = pilots.as("officer").post("/api/factories", """
                {"name":"%s","province":"%s","regency":"%s","commodity":"Coconut","operator":"Koperasi Maju",
                 "plannedMachines":[{"machineId":"PRESS-1","machineType":"COCONUT_OIL_PRESS","capacityHoursPerDay":8}],
                 "installationDueOn":"%s"}""".formatted(
                        name, province, regency, TestData.today().plusDays(30)));
        assertThat(proposed.status()).as(proposed.toString()).isEqualTo(201);
        return proposed.json().get("factoryId").asText();
    }

    private static String waveOf(Pilots pilots, String name) {
        for (var wave : pilots.as("officer").get("/api/programme/waves").json()) {
            if (name.equals(wave.get("name").asText())) {
                return wave.get("waveId").asText();
            }
        }
        throw new AssertionError("no wave " + name);
    }
}
