package org.factorysharing.systemtests.web.factory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.factorysharing.api.factory.MachinePlan;
import org.factorysharing.systemtests.Browser;
import org.factorysharing.systemtests.Http;
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
 * A machine into maintenance and back from a crew member's phone: the job booked on it is flagged, the crew moves its
 * time to the other press through the "Jadwalkan ulang pekerjaan" task, and the machine returns to service. The
 * pages speak English to a browser that prefers it.
 */
@ServerTest
class StaffMaintenancePageIT {

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
    void theCrewTakesAPressIntoMaintenanceMovesTheJobOnItAndBringsThePressBack() {
        String factoryId = TestData.commissionedFactory(
                        commands,
                        "Sulawesi Utara",
                        "Minahasa",
                        "Coconut",
                        new MachinePlan("PRESS-1", PRESS, 8),
                        new MachinePlan("PRESS-2", PRESS, 8))
                .value();
        String crew = crews.newCrew();
        assertThat(officer()
                        .put("/api/factories/" + factoryId + "/staff/" + crew, null)
                        .status())
                .isEqualTo(204);
        HttpWalk walk = new HttpWalk(port, members);
        HttpWalk.MemberLogin member = walk.qualifiedMember(PRESS);
        String jobId = walk.as(member.login())
                .post("/api/jobs", """
                        {"memberId":"%s","factoryId":"%s","machineType":"%s","product":"Minyak kelapa",
                         "quantity":100,"machineHours":4,"earliestStart":"%s","deadline":"%s"}""".formatted(
                                member.memberId(),
                                factoryId,
                                PRESS,
                                TestData.today(),
                                TestData.today().plusDays(3)))
                .json()
                .get("jobId")
                .asText();
        // earliest day first, machines in id order: today's 4 h on PRESS-1
        await().atMost(HttpWalk.PATIENCE).until(() -> machinesOf(jobId).equals(List.of("PRESS-1")));

        try (Browser phone = Browser.phone(port, "staff-maintenance")) {
            phone.signIn(crew).open("/staff").follow("Mesin dan perawatan");
            assertThat(phone.heading()).startsWith("Mesin Rumah Produksi");
            // without a reason: told next to that machine's field, nothing changes
            phone.find(By.cssSelector("form[action$='/machines/PRESS-2/maintenance'] button"))
                    .click();
            phone.awaitText("wajib diisi");
            assertThat(phone.find(By.id("reason-PRESS-2-error")).getText()).isEqualTo("wajib diisi");
            assertThat(phone.text()).doesNotContain("Dalam perawatan");
            phone.fill("Alasan perawatan PRESS-1", "Sabuk penggerak aus");
            phone.find(By.cssSelector("form[action$='/machines/PRESS-1/maintenance'] button"))
                    .click();
            phone.awaitText("Mesin masuk perawatan");
            assertThat(phone.text()).contains("Dalam perawatan", "Sabuk penggerak aus");
            assertThat(phone.overflowsHorizontally()).isFalse();
            phone.shot("press-in-maintenance");

            phone.open("/staff").reloadUntil("Jadwalkan ulang pekerjaan");
            phone.followContaining("Jadwalkan ulang pekerjaan");
            assertThat(phone.text()).contains("Mesin dalam perawatan", "PRESS-1");
            assertThat(phone.overflowsHorizontally()).isFalse();
            phone.shot("reschedule");
            phone.press("Pindahkan ke mesin yang siap").awaitText("Tugas sudah diselesaikan");
            await().atMost(HttpWalk.PATIENCE).until(() -> machinesOf(jobId).equals(List.of("PRESS-2")));

            phone.open("/staff/factories/" + factoryId).press("Selesai perawatan PRESS-1");
            phone.awaitText("Mesin siap dipakai lagi");
            assertThat(phone.text()).doesNotContain("Dalam perawatan");
            phone.shot("press-back");
        }

        try (Browser english = Browser.englishDesktop(port, "staff-maintenance-english")) {
            english.signIn("officer").open("/factories/" + factoryId).reloadUntil("Machine back from maintenance");
            assertThat(english.text()).contains("Machine into maintenance", "Sabuk penggerak aus", "Commissioned");
            english.follow("Capacity and utilisation");
            assertThat(english.text()).contains("Machine heat map", "Factory utilisation per month");
            english.shot("capacity-in-english");
        }
    }

    /** The machines the job's time is booked on. */
    private List<String> machinesOf(String jobId) {
        Http.Reply reply = officer().get("/api/jobs/" + jobId);
        if (reply.status() != 200) {
            return List.of(); // not on the job board yet
        }
        JsonNode job = reply.json();
        return job.get("allocations").findValuesAsText("machineId").stream()
                .distinct()
                .toList();
    }

    private Http officer() {
        return Http.as(port, "officer", TestData.PASSWORD);
    }
}
