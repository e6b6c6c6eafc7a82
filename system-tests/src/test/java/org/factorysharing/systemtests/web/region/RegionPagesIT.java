package org.factorysharing.systemtests.web.region;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.factorysharing.systemtests.Browser;
import org.factorysharing.systemtests.ServerTest;
import org.factorysharing.testing.EventStoreProbe;
import org.factorysharing.testing.TestData;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The regions reference list: ranked by a commodity's potential, each region with its potentials; an officer sets a
 * potential through the page (a score over 100 is refused next to its field), an auditor only reads.
 */
@ServerTest
class RegionPagesIT {

    /** A region no other test changes (the API tests change Bangli and Jepara). */
    private static final String SIKKA = "/regions/NUSA_TENGGARA_TIMUR/SIKKA";

    private static final String SIKKA_ID = "NUSA_TENGGARA_TIMUR/SIKKA";

    @LocalServerPort
    int port;

    @Autowired
    EventStoreProbe events;

    @Test
    void regionsAreRankedByACommoditysPotentialAndAnOfficerSetsOne() {
        String commodity = "Kakao uji " + TestData.nib().substring(7);
        try (Browser browser = Browser.desktop(port, "regions")) {
            browser.signIn("officer").open("/regions");
            assertThat(browser.heading()).isEqualTo("Daerah dan potensi komoditas");
            browser.fill("Komoditas", "Cocoa").press("Saring");
            List<String> scores = browser.findAll(By.cssSelector("table.region-list td.num")).stream()
                    .map(WebElement::getText)
                    .toList();
            // the shipped list: Luwu 81, Bolaang Mongondow 55
            assertThat(scores).startsWith("81", "55");
            assertThat(browser.find(By.cssSelector("table.region-list tbody th"))
                            .getText())
                    .isEqualTo("Luwu, Sulawesi Selatan");
            browser.shot("ranked-for-cocoa");

            browser.open(SIKKA);
            assertThat(browser.heading()).isEqualTo("Sikka, Nusa Tenggara Timur");
            int before = events.eventTypesOf(SIKKA_ID).size();
            browser.fill("Komoditas", commodity).fill("Skor potensi", "140").fill("Sumber angka", "Survei dinas 2024");
            browser.press("Simpan");
            assertThat(browser.find(By.id("score-error")).getText()).isEqualTo("paling banyak 100");
            assertThat(events.eventTypesOf(SIKKA_ID)).hasSize(before);
            browser.fill("Skor potensi", "45").press("Simpan");
            assertThat(browser.text()).contains("Potensi disimpan");
            browser.reloadUntil(commodity.toUpperCase().replace(' ', '_'));
            assertThat(events.eventTypesOf(SIKKA_ID)).endsWith("CommodityPotentialSet");
            browser.shot("potential-set");
        }
        try (Browser auditor = Browser.phone(port, "regions-auditor")) {
            auditor.signIn("auditor").open(SIKKA);
            assertThat(auditor.text()).contains("WOVEN_TEXTILES");
            assertThat(auditor.findAll(By.cssSelector("form[method=post]")).stream()
                            .filter(form -> !form.getDomAttribute("action").endsWith("/logout"))
                            .toList())
                    .as("an auditor reads, changes nothing")
                    .isEmpty();
            assertThat(auditor.overflowsHorizontally()).isFalse();
            auditor.shot("region-for-an-auditor");
        }
    }
}
