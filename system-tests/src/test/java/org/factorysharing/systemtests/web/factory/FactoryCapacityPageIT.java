package org.factorysharing.systemtests.web.factory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.text.NumberFormat;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.factorysharing.api.factory.MachinePlan;
import org.factorysharing.systemtests.Browser;
import org.factorysharing.systemtests.Http;
import org.factorysharing.systemtests.HttpWalk;
import org.factorysharing.systemtests.MemberLogins;
import org.factorysharing.systemtests.ServerTest;
import org.factorysharing.testing.TestData;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The capacity page of a factory with one press of 8 h a day, installed today, and one job of 12 h booked from today:
 * the heat map reads 8/8 today and 4/8 tomorrow, and the utilisation charts' figures (per machine over the four
 * weeks, per month) are booked over available machine-hours, as the utilisation API answers them.
 */
@ServerTest
class FactoryCapacityPageIT {

    private static final String PRESS = "COCONUT_OIL_PRESS";
    private static final Locale INDONESIAN = Locale.forLanguageTag("id-ID");

    @LocalServerPort
    int port;

    @Autowired
    CommandGateway commands;

    @Autowired
    MemberLogins members;

    private String factoryId;
    private LocalDate today;

    @BeforeEach
    void aFactoryWithOneKnownBooking() {
        today = TestData.today();
        factoryId = TestData.commissionedFactory(
                        commands, "Sulawesi Utara", "Minahasa", "Coconut", new MachinePlan("PRESS-1", PRESS, 8))
                .value();
        HttpWalk walk = new HttpWalk(port, members);
        HttpWalk.MemberLogin member = walk.qualifiedMember(PRESS);
        JsonNode requested = walk.as(member.login())
                .post("/api/jobs", """
                        {"memberId":"%s","factoryId":"%s","machineType":"%s","product":"Minyak kelapa",
                         "quantity":100,"machineHours":12,"earliestStart":"%s","deadline":"%s"}""".formatted(member.memberId(), factoryId, PRESS, today, today.plusDays(5)))
                .json();
        String jobId = requested.get("jobId").asText();
        await().atMost(HttpWalk.PATIENCE)
                .until(() -> "SCHEDULED"
                        .equals(officer()
                                .get("/api/jobs/" + jobId)
                                .json()
                                .get("status")
                                .asText()));
        // the capacity calendar has the booking once the API shows it
        await().atMost(HttpWalk.PATIENCE)
                .until(() -> officer()
                                .get("/api/factories/" + factoryId + "/utilisation?from=" + today + "&to=" + today)
                                .json()
                                .get("bookedHours")
                                .asLong()
                        == 8);
    }

    @Test
    void theHeatMapAndTheChartsShowTheBookingAgainstTheAvailableHours() {
        LocalDate from = today.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        LocalDate to = from.plusDays(27);
        long available = 8 * (ChronoUnit.DAYS.between(today, to) + 1);

        try (Browser browser = Browser.desktop(port, "factory-capacity")) {
            browser.signIn("officer").open("/factories/" + factoryId).follow("Kapasitas dan pemakaian");
            assertThat(browser.heading()).startsWith("Kapasitas Rumah Produksi");

            // machine x day: booked/available hours, coloured by how full; blank before the press was installed
            assertThat(cell(browser, today).getText()).isEqualTo("8/8");
            assertThat(cell(browser, today).getDomAttribute("class")).contains("u5");
            assertThat(cell(browser, today.plusDays(1)).getText()).isEqualTo("4/8");
            assertThat(cell(browser, today.plusDays(1)).getDomAttribute("class"))
                    .contains("u3");
            assertThat(cell(browser, today.plusDays(2)).getText()).isEqualTo("0/8");
            if (from.isBefore(today)) {
                assertThat(cell(browser, from).getText()).isEmpty();
                assertThat(cell(browser, from).getDomAttribute("class")).contains("none");
            }
            assertThat(browser.findAll(By.cssSelector("table.heatmap thead th")))
                    .hasSize(1 + 28);
            assertThat(browser.text()).contains("Penuh", "dalam perawatan");
            assertThat(browser.text())
                    .contains("terpesan 12 dari "
                            + NumberFormat.getNumberInstance(INDONESIAN).format(available));

            // the charts' figures, as their tables give them to screen readers
            List<Map<String, String>> charts = chartTables(browser);
            assertThat(charts).hasSize(2);
            assertThat(charts.get(0)).containsExactly(Map.entry("PRESS-1", percent(12.0 / available)));
            Map<String, String> months = charts.get(1);
            YearMonth first = YearMonth.from(from).minusMonths(3);
            assertThat(months).hasSize(6);
            assertThat(months.keySet()).first().isEqualTo(monthName(first));
            YearMonth now = YearMonth.from(today);
            boolean tomorrowSameMonth = YearMonth.from(today.plusDays(1)).equals(now);
            long availableThisMonth = 8 * (ChronoUnit.DAYS.between(today, now.atEndOfMonth()) + 1);
            assertThat(months)
                    .containsEntry(monthName(now), percent((tomorrowSameMonth ? 12.0 : 8.0) / availableThisMonth))
                    .containsEntry(
                            monthName(now.plusMonths(1)),
                            percent((tomorrowSameMonth ? 0.0 : 4.0)
                                    / (8 * now.plusMonths(1).lengthOfMonth())))
                    .containsEntry(monthName(now.minusMonths(1)), percent(0));
            browser.shot("capacity");

            // the same figures from the API
            JsonNode api = officer()
                    .get("/api/factories/" + factoryId + "/utilisation/months?from=" + first.atDay(1) + "&to="
                            + YearMonth.from(from).plusMonths(2).atEndOfMonth())
                    .json()
                    .get("months");
            assertThat(api).hasSize(6);
            JsonNode thisMonth = api.get((int) ChronoUnit.MONTHS.between(first, now));
            assertThat(thisMonth.get("month").asText()).isEqualTo(now.toString());
            assertThat(thisMonth.get("availableHours").asLong()).isEqualTo(availableThisMonth);
            assertThat(thisMonth.get("bookedHours").asLong()).isEqualTo(tomorrowSameMonth ? 12 : 8);
        }
    }

    @Test
    void onAPhoneTheHeatMapScrollsInsideItsOwnBoxAndThePageDoesNot() {
        try (Browser phone = Browser.phone(port, "factory-capacity-phone")) {
            phone.signIn("officer").open("/factories/" + factoryId + "/capacity");
            assertThat(cell(phone, today).getText()).isEqualTo("8/8");
            assertThat(phone.overflowsHorizontally()).isFalse();
            assertThat((Boolean) phone.script("const box = document.querySelector('.heatmap-wrap');"
                            + " return box.scrollWidth > box.clientWidth;"))
                    .isTrue();
            phone.shot("capacity-phone");
        }
    }

    @Test
    void anAbsurdPeriodIsToldNextToItsFieldAndTheCurrentWeeksAreShown() {
        try (Browser browser = Browser.desktop(port, "factory-capacity-bad-period")) {
            browser.signIn("officer").open("/factories/" + factoryId + "/capacity?from=2999-01-01");
            assertThat(browser.find(By.id("from-error")).getText()).startsWith("Tanggal harus antara 1 Jan 2000 dan");
            assertThat(cell(browser, today).getText()).isEqualTo("8/8");
        }
    }

    private static WebElement cell(Browser browser, LocalDate day) {
        return browser.find(By.cssSelector("table.heatmap td[data-day='" + day + "']"));
    }

    /** Each chart's table (label -> value as written), in page order. */
    private static List<Map<String, String>> chartTables(Browser browser) {
        return browser.findAll(By.cssSelector("figure.chart table")).stream()
                .map(table -> {
                    Map<String, String> rows = new LinkedHashMap<>();
                    for (WebElement row : table.findElements(By.tagName("tr"))) {
                        rows.put(
                                row.findElement(By.tagName("th"))
                                        .getDomProperty("textContent")
                                        .trim(),
                                row.findElement(By.tagName("td"))
                                        .getDomProperty("textContent")
                                        .trim());
                    }
                    return rows;
                })
                .toList();
    }

    /** A rate as the Indonesian pages write it (83,3%). */
    private static String percent(double rate) {
        NumberFormat format = NumberFormat.getPercentInstance(INDONESIAN);
        format.setMinimumFractionDigits(1);
        format.setMaximumFractionDigits(1);
        return format.format(rate);
    }

    private static String monthName(YearMonth month) {
        return month.format(DateTimeFormatter.ofPattern("MMM yyyy", INDONESIAN));
    }

    private Http officer() {
        return Http.as(port, "officer", TestData.PASSWORD);
    }
}
