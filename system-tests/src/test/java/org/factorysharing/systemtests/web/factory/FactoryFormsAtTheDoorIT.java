package org.factorysharing.systemtests.web.factory;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import org.factorysharing.systemtests.Browser;
import org.factorysharing.systemtests.Http;
import org.factorysharing.systemtests.Http.Reply;
import org.factorysharing.systemtests.ServerTest;
import org.factorysharing.testing.EventStoreProbe;
import org.factorysharing.testing.TestData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Bad input in the proposal form is refused at the door, next to its field, and writes nothing: a due day centuries
 * away, a fraction of an hour, a machine type that is no code, a commodity the region has no potential for (free text
 * such as "Coconut oil" included: a wave would later refuse such a factory).
 */
@ServerTest
class FactoryFormsAtTheDoorIT {

    @LocalServerPort
    int port;

    @Autowired
    EventStoreProbe eventStore;

    @Test
    void aDueDayCenturiesAwayAFractionOfAnHourAndAnUnknownMachineTypeAreToldNextToTheirFields() {
        long proposals = eventStore.eventCount("FactoryProposed");
        try (Browser browser = Browser.desktop(port, "factory-form-bad-input")) {
            browser.signIn("officer")
                    .open("/factories/new")
                    .fill("Nama pabrik", "Rumah Produksi Salah Isi")
                    .choose("Wilayah", "Minahasa, Sulawesi Utara")
                    .chooseWhenOffered("Komoditas", "Kelapa (potensi 92)")
                    .fill("Pengelola", "Koperasi Nyiur Melambai")
                    .fill("ID mesin 1", "PRESS-1")
                    .fill("Jenis mesin 1", "COCONUT_OIL_PRESS")
                    .fill("Kapasitas mesin 1 (jam per hari)", "7.5")
                    .fill("ID mesin 2", "DRYER-1")
                    .fill("Jenis mesin 2", "???")
                    .fill("Kapasitas mesin 2 (jam per hari)", "12")
                    .fillDate("Batas waktu pemasangan", LocalDate.of(2999, 1, 1))
                    .press("Ajukan");

            assertThat(browser.heading()).isEqualTo("Usulkan pabrik");
            assertThat(error(browser, "installationDueOn")).startsWith("Tanggal harus antara 1 Jan 2000 dan ");
            assertThat(error(browser, "machines0.capacityHoursPerDay"))
                    .isEqualTo("Tulis bilangan bulat, tanpa pecahan.");
            assertThat(error(browser, "machines1.machineType"))
                    .isEqualTo("Tulis kode jenis mesin, misalnya COCONUT_OIL_PRESS.");
            // the field is marked for screen readers; the other fields keep what was typed
            assertThat(browser.field("Batas waktu pemasangan").getDomAttribute("aria-invalid"))
                    .isEqualTo("true");
            assertThat(browser.field("Batas waktu pemasangan").getDomAttribute("aria-describedby"))
                    .contains("installationDueOn-error");
            assertThat(browser.field("Nama pabrik").getDomProperty("value")).isEqualTo("Rumah Produksi Salah Isi");
            assertThat(browser.field("Jenis mesin 1").getDomProperty("value")).isEqualTo("COCONUT_OIL_PRESS");
            browser.shot("refused-next-to-the-fields");
        }
        assertThat(eventStore.eventCount("FactoryProposed")).isEqualTo(proposals);
    }

    @ParameterizedTest
    @CsvSource({
        "BALI/BANGLI, COCONUT, commodity, Pilih komoditas yang berpotensi di wilayah ini.",
        "SULAWESI_UTARA/MINAHASA, Coconut oil, commodity, Pilih komoditas yang berpotensi di wilayah ini.",
        "NOWHERE/ATALL, COCONUT, regionId, Pilih wilayah dari daftar.",
    })
    void aRegionOrCommodityNotOnTheReferenceListIsRefused(
            String region, String commodity, String field, String message) {
        long proposals = eventStore.eventCount("FactoryProposed");
        Http officer = Http.signedIn(port, "officer", TestData.PASSWORD);

        Reply page = officer.pagePost(
                "/factories",
                "name=RPB+Tanpa+Potensi&operator=Koperasi&regionId=" + encode(region) + "&commodity="
                        + encode(commodity)
                        + "&installationDueOn=" + TestData.today().plusDays(30)
                        + "&machines%5B0%5D.machineId=PRESS-1&machines%5B0%5D.machineType=COCONUT_OIL_PRESS"
                        + "&machines%5B0%5D.capacityHoursPerDay=8");

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("id=\"" + field + "-error\">" + message + "</p>");
        assertThat(eventStore.eventCount("FactoryProposed")).isEqualTo(proposals);
    }

    @Test
    void aProposalWithoutAnyMachineIsRefused() {
        long proposals = eventStore.eventCount("FactoryProposed");
        Reply page = Http.signedIn(port, "officer", TestData.PASSWORD)
                .pagePost(
                        "/factories",
                        "name=RPB+Kosong&operator=Koperasi&regionId=SULAWESI_UTARA%2FMINAHASA&commodity=COCONUT"
                                + "&installationDueOn=" + TestData.today().plusDays(30));
        assertThat(page.body()).contains("Isi paling sedikit satu mesin.");
        assertThat(eventStore.eventCount("FactoryProposed")).isEqualTo(proposals);
    }

    private static String error(Browser browser, String field) {
        return browser.find(By.id(field + "-error")).getText();
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
