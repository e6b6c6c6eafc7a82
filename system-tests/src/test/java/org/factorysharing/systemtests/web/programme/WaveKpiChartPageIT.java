package org.factorysharing.systemtests.web.programme;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.factorysharing.systemtests.Browser;
import org.factorysharing.systemtests.MemberLogins;
import org.factorysharing.systemtests.ServerTest;
import org.factorysharing.testing.TestData;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A planner reads a wave's KPIs by month against the wave's thresholds: each chart's figures (its table, for screen
 * readers and copying) are the jobs the wave's factory completed, and the threshold is the wave's, in Indonesian
 * number format. The dashboard and the wave's page fit a phone.
 */
@ServerTest
class WaveKpiChartPageIT {

    private static final Locale INDONESIAN = Locale.forLanguageTag("id-ID");

    @LocalServerPort
    int port;

    @Autowired
    CommandGateway commands;

    @Autowired
    MemberLogins logins;

    @Test
    void aPlannerSeesTheKpiChartsOfAWaveByMonthAgainstItsThresholds() {
        Pilots pilots = new Pilots(port, commands, logins);
        String name = "Uji coba grafik " + TestData.nib().substring(7);
        String waveId = pilots.plannedWave(name, TestData.today().getYear(), 1, 1, """
                {"minUtilisation":0.6,"minMembersServed":2,"minJobsCompleted":2,"minOutputUnits":1000,
                 "minQualityPassRate":0.95}""");
        String factoryId = pilots.enrolledFactory(waveId);
        pilots.awaitRunning(waveId);
        pilots.completedJob(pilots.member(), factoryId, 300);
        pilots.awaitKpis(waveId, kpis -> kpis.get("kpis").get("jobsCompleted").asInt() == 1);

        String thisMonth = month(YearMonth.from(TestData.today()));
        String nextMonth = month(YearMonth.from(TestData.today()).plusMonths(1));
        try (Browser browser = Browser.desktop(port, "programme-kpi-chart")) {
            browser.signIn("planner").open("/programme");
            browser.follow(name);
            assertThat(browser.heading()).isEqualTo(name);
            browser.shot("wave");
            browser.follow("Grafik KPI per bulan");
            assertThat(browser.heading()).isEqualTo("KPI per bulan: " + name);

            // one job of 300 good units this month; the pilot month ends next month, without jobs so far
            assertThat(figures(browser, "Unit keluaran"))
                    .containsExactly(
                            Map.entry(thisMonth, "300"), Map.entry(nextMonth, "0"), Map.entry("Ambang batas", "1.000"));
            assertThat(figures(browser, "Pekerjaan selesai"))
                    .containsExactly(
                            Map.entry(thisMonth, "1"), Map.entry(nextMonth, "0"), Map.entry("Ambang batas", "2"));
            assertThat(figures(browser, "Anggota terlayani")).containsEntry(thisMonth, "1");
            assertThat(figures(browser, "Tingkat lulus mutu"))
                    .containsEntry(thisMonth, "100,0%")
                    .containsEntry("Ambang batas", "95,0%");
            assertThat(figures(browser, "Utilisasi mesin")).containsEntry("Ambang batas", "60,0%");
            // bars under the threshold are marked; the threshold is drawn as a line with its figure
            WebElement output = chart(browser, "Unit keluaran");
            assertThat(output.findElements(By.cssSelector("rect.bar.below"))).hasSize(2);
            assertThat(output.findElement(By.cssSelector("text.threshold-label"))
                            .getText())
                    .isEqualTo("1.000");
            browser.shot("kpi-charts");
        }
        try (Browser phone = Browser.phone(port, "programme-kpi-chart-phone")) {
            phone.signIn("planner").open("/programme");
            assertThat(phone.overflowsHorizontally()).isFalse();
            phone.follow(name);
            assertThat(phone.overflowsHorizontally()).isFalse();
            phone.shot("wave-phone");
            phone.follow("Grafik KPI per bulan");
            assertThat(phone.overflowsHorizontally()).isFalse();
            phone.shot("kpi-charts-phone");
        }
    }

    private static String month(YearMonth month) {
        return month.format(DateTimeFormatter.ofPattern("MMM yyyy", INDONESIAN));
    }

    private static WebElement chart(Browser browser, String title) {
        List<WebElement> charts = browser.findAll(By.cssSelector("figure.chart"));
        return charts.stream()
                .filter(figure -> title.equals(
                        figure.findElement(By.tagName("figcaption")).getText().trim()))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no chart '" + title + "' on " + browser.path()));
    }

    /** The chart's table: each row's label and figure, as a screen reader reads them. */
    private static Map<String, String> figures(Browser browser, String title) {
        Map<String, String> rows = new LinkedHashMap<>();
        for (WebElement row : chart(browser, title).findElements(By.cssSelector("table tr"))) {
            rows.put(
                    row.findElement(By.tagName("th"))
                            .getDomProperty("textContent")
                            .trim(),
                    row.findElement(By.tagName("td"))
                            .getDomProperty("textContent")
                            .trim());
        }
        return rows;
    }
}
