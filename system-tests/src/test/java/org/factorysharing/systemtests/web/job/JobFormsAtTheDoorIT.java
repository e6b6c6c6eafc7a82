package org.factorysharing.systemtests.web.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.factorysharing.api.factory.MachinePlan;
import org.factorysharing.systemtests.Browser;
import org.factorysharing.systemtests.Http;
import org.factorysharing.systemtests.Http.Reply;
import org.factorysharing.systemtests.HttpWalk;
import org.factorysharing.systemtests.MemberLogins;
import org.factorysharing.systemtests.ServerTest;
import org.factorysharing.testing.EventStoreProbe;
import org.factorysharing.testing.TestData;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Bad input in the booking form is refused at the door, next to its field, and books nothing: fractions in the
 * quantity and the hours, a start centuries away, a deadline before the start, a machine type the factory does not
 * have (sent by hand: the form offers only the factory's own types). A booking the factory cannot serve is taken,
 * rejected by the factory, and the member reads why.
 */
@ServerTest
class JobFormsAtTheDoorIT {

    private static final String PRESS = "COCONUT_OIL_PRESS";

    @LocalServerPort
    int port;

    @Autowired
    CommandGateway commands;

    @Autowired
    MemberLogins members;

    @Autowired
    EventStoreProbe eventStore;

    private String factoryId;
    private HttpWalk.MemberLogin member;

    @BeforeEach
    void aFactoryAndAQualifiedMember() {
        factoryId = TestData.commissionedFactory(
                        commands, "Sulawesi Utara", "Minahasa", "Coconut", new MachinePlan("PRESS-1", PRESS, 8))
                .value();
        member = new HttpWalk(port, members).qualifiedMember(PRESS);
    }

    @Test
    void fractionsAndAStartCenturiesAwayAreToldNextToTheirFieldsAndNothingIsBooked() {
        long requests = requests();
        try (Browser browser = Browser.desktop(port, "job-form-bad-input")) {
            browser.signIn(member.login())
                    .open("/jobs/new")
                    .choose("Pabrik", "Rumah Produksi " + factoryId + " (Minahasa)")
                    .chooseWhenOffered("Jenis mesin", PRESS)
                    .fill("Produk", "Minyak kelapa")
                    .fill("Jumlah", "2.5")
                    .fill("Jam-mesin", "1.5")
                    .fillDate("Mulai paling awal", LocalDate.of(2999, 1, 1))
                    .fillDate("Selesai paling lambat", LocalDate.of(2999, 1, 2))
                    .press("Pesan");

            assertThat(browser.heading()).isEqualTo("Pesan waktu mesin");
            assertThat(error(browser, "quantity")).isEqualTo("Tulis bilangan bulat, tanpa pecahan.");
            assertThat(error(browser, "machineHours")).isEqualTo("Tulis bilangan bulat, tanpa pecahan.");
            assertThat(error(browser, "earliestStart")).startsWith("Tanggal harus antara 1 Jan 2000 dan ");
            assertThat(error(browser, "deadline")).startsWith("Tanggal harus antara 1 Jan 2000 dan ");
            assertThat(browser.field("Jam-mesin").getDomAttribute("aria-invalid"))
                    .isEqualTo("true");
            browser.shot("refused-next-to-the-fields");

            // a deadline before the start
            browser.fill("Jumlah", "500")
                    .fill("Jam-mesin", "4")
                    .fillDate("Mulai paling awal", TestData.today().plusDays(3))
                    .fillDate("Selesai paling lambat", TestData.today().plusDays(1))
                    .press("Pesan");
            assertThat(error(browser, "deadline")).isEqualTo("Tanggal selesai tidak boleh sebelum tanggal mulai.");
            assertThat(browser.findAll(By.id("quantity-error"))).isEmpty();
        }
        assertThat(requests()).isEqualTo(requests);
    }

    @Test
    void aMachineTypeTheFactoryDoesNotHaveIsRefusedAndNothingIsBooked() {
        long requests = requests();
        Http browser = Http.signedIn(port, member.login(), TestData.PASSWORD);

        Reply page = browser.pagePost("/jobs", booking("CNC_ROUTER"));

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("id=\"machineType-error\">Pabrik ini tidak punya mesin jenis ini.</p>");
        assertThat(requests()).isEqualTo(requests);

        // the same booking with the factory's own type is taken
        Reply booked = browser.pagePost("/jobs", booking(PRESS));
        assertThat(booked.status()).isEqualTo(302);
        assertThat(booked.header("Location")).contains("/jobs/");
        assertThat(requests()).isEqualTo(requests + 1);
    }

    @Test
    void aBookingTheFactoryCannotServeIsRejectedAndTheMemberSeesWhyInItsList() {
        try (Browser browser = Browser.desktop(port, "job-rejected")) {
            browser.signIn(member.login())
                    .open("/jobs/new")
                    .choose("Pabrik", "Rumah Produksi " + factoryId + " (Minahasa)")
                    .chooseWhenOffered("Jenis mesin", PRESS)
                    .fill("Produk", "Minyak kelapa")
                    .fill("Jumlah", "100")
                    .fill("Jam-mesin", "20")
                    .fillDate("Mulai paling awal", TestData.today())
                    .fillDate("Selesai paling lambat", TestData.today());
            // one press of 8 h: the page says so before the booking is sent
            browser.awaitText("Tidak cukup untuk 20 jam-mesin");
            browser.press("Pesan").reloadUntil("Ditolak");
            assertThat(browser.text()).contains("Waktu mesin yang bebas dalam rentang waktu ini tidak cukup");
            browser.shot("rejected");
            browser.open("/jobs");
            assertThat(browser.find(By.cssSelector("small.rejection")).getText())
                    .isEqualTo("Waktu mesin yang bebas dalam rentang waktu ini tidak cukup");
            browser.shot("rejected-in-my-list");
        }
    }

    private String booking(String machineType) {
        return "memberId=" + member.memberId() + "&factoryId=" + factoryId + "&machineType=" + machineType
                + "&product=Minyak+kelapa&quantity=100&machineHours=2&earliestStart=" + TestData.today()
                + "&deadline=" + TestData.today().plusDays(3);
    }

    private long requests() {
        return eventStore.eventCount("ProductionJobRequested", "ProductionJobRequestRefused");
    }

    private static String error(Browser browser, String field) {
        return browser.find(By.id(field + "-error")).getText();
    }
}
