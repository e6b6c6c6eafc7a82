package org.factorysharing.systemtests.web.task;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.factorysharing.systemtests.Browser;
import org.factorysharing.systemtests.Http;
import org.factorysharing.systemtests.Http.Reply;
import org.factorysharing.systemtests.ServerTest;
import org.factorysharing.testing.TestData;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The task inbox and the general task page in a real browser, in Indonesian: an overdue task at the top, filters,
 * paging, claim and give back, a completion through the process model's form, a fraction refused in a whole-number
 * field with the task left open, who may not open or complete, and the pages on a 360 px phone.
 */
@ServerTest
class TaskInboxPageIT {

    @LocalServerPort
    int port;

    @Autowired
    CommandGateway commands;

    @Autowired
    TaskService engineTasks;

    TaskSetup setup;

    @BeforeEach
    void setUp() {
        setup = new TaskSetup(port, commands);
    }

    @Test
    void anOfficerSeesAnOverdueInspectionFirstFiltersClaimsAndCompletesItOnTheGeneralPage() {
        String factoryId = setup.factoryAwaitingInspection("RPB Kotak Masuk");
        String inspection = setup.awaitTask("officer", factoryId, "user_inspect_factory");
        // overdue for a long while and escalated, as the process's timer does with a late task
        Task task = engineTasks.createTaskQuery().taskId(inspection).singleResult();
        task.setDueDate(Date.from(Instant.now().minus(400, ChronoUnit.DAYS)));
        task.setPriority(100);
        engineTasks.saveTask(task);

        try (Browser browser = Browser.desktop(port, "task-inbox")) {
            browser.signIn("officer").follow("Tugas");
            assertThat(browser.path()).isEqualTo("/tasks");
            assertThat(browser.heading()).isEqualTo("Tugas saya");
            WebElement first = browser.find(By.cssSelector("li.task-card"));
            assertThat(first.getDomAttribute("data-task-id")).isEqualTo(inspection);
            assertThat(first.getText()).contains("Inspeksi keselamatan dan mutu", "Lewat tenggat", "WIB");
            browser.shot("overdue-first");

            browser.choose("Jenis tugas", "Inspeksi keselamatan dan mutu")
                    .fill("ID pabrik", factoryId)
                    .press("Saring");
            assertThat(cardIds(browser)).containsExactly(inspection);
            assertThat(browser.text()).contains("1 tugas", "Belum diambil (kelompok: petugas)");
            browser.choose("Tenggat", "Belum lewat tenggat").press("Saring");
            assertThat(cardIds(browser)).isEmpty();
            assertThat(browser.text()).contains("Tidak ada tugas yang cocok");
            browser.choose("Tenggat", "Lewat tenggat").press("Saring");
            assertThat(cardIds(browser)).containsExactly(inspection);
            browser.shot("filtered");

            browser.press("Ambil").awaitText("Tugas sudah Anda ambil.");
            assertThat(browser.path()).startsWith("/tasks?").contains("factoryId=" + factoryId);
            assertThat(card(browser, inspection).getText()).contains("Dipegang oleh", "Saya");
            assertThat(assignee(inspection)).isEqualTo("officer");
            browser.choose("Siapa", "Yang saya ambil").press("Saring");
            assertThat(cardIds(browser)).containsExactly(inspection);
            browser.shot("claimed");
            browser.press("Lepaskan").awaitText("Tugas sudah Anda lepaskan");
            assertThat(cardIds(browser)).isEmpty();
            assertThat(assignee(inspection)).as("given back").isNull();

            // the general task page, whatever page the feature offers for inspections
            browser.open("/tasks/" + inspection);
            assertThat(browser.heading()).isEqualTo("Inspeksi keselamatan dan mutu");
            assertThat(browser.text()).contains("Pabrik", "RPB Kotak Masuk", "Lewat tenggat");
            // a refusal of the process's own rules is shown next to the field it is about, and changes nothing
            browser.tick("Tidak").press("Selesaikan");
            assertThat(browser.path()).isEqualTo("/tasks/" + inspection);
            assertThat(browser.find(By.id("refusal")).getText())
                    .contains("Isian Temuan (wajib jika tidak lulus) ditolak oleh aturan tugas.");
            assertThat(browser.find(By.id("f-findings-error")).getText())
                    .contains("required when the inspection fails");
            assertThat(setup.isOpen("officer", inspection)).isTrue();
            browser.shot("refused-by-the-process");
            browser.tick("Ya").fill("Temuan (wajib jika tidak lulus)", "Mesin terpasang dengan baik");
            browser.shot("inspection-form");
            browser.press("Selesaikan").awaitText("Tugas selesai: Inspeksi keselamatan dan mutu.");
            assertThat(browser.path()).isEqualTo("/tasks");
            browser.shot("completed");
        }
        assertThat(setup.isOpen("officer", inspection)).isFalse();
        setup.awaitTask("officer", factoryId, "user_commissioning_signoff");
    }

    @Test
    void aFractionInAWholeNumberFieldIsRefusedNextToTheFieldAndTheTaskStaysOpen() {
        String jobId = setup.scheduledJob();
        setup.complete("staff", setup.awaitTask("staff", jobId, "user_start_job"), "{}");
        String output = setup.awaitTask("staff", jobId, "user_record_output");

        try (Browser browser = Browser.desktop(port, "task-whole-number")) {
            browser.signIn("staff").open("/tasks/" + output);
            assertThat(browser.heading()).isEqualTo("Catat hasil produksi");
            for (String fraction : List.of("1,5", "1.5")) {
                browser.fill("Unit baik", fraction).fill("Unit ditolak", "0").press("Selesaikan");

                assertThat(browser.path()).isEqualTo("/tasks/" + output);
                assertThat(browser.find(By.id("f-goodUnits-error")).getText())
                        .isEqualTo("Tulis bilangan bulat, tanpa pecahan, titik atau koma.");
                assertThat(browser.find(By.id("f-goodUnits")).getDomAttribute("aria-invalid"))
                        .isEqualTo("true");
                assertThat(browser.field("Unit baik").getDomProperty("value")).isEqualTo(fraction);
                assertThat(setup.isOpen("staff", output)).isTrue();
            }
            browser.shot("fraction-refused");

            browser.fill("Unit baik", "9").fill("Unit ditolak", "1").press("Selesaikan");
            browser.awaitText("Tugas selesai: Catat hasil produksi.");
        }
        assertThat(setup.isOpen("staff", output)).isFalse();
        setup.awaitTask("staff", jobId, "user_quality_inspection");
    }

    @Test
    void pagesOfTheInboxWalkThroughEveryTaskOnce() {
        String factoryId = setup.proposedFactory("RPB Halaman");
        List<String> installs = setup.awaitTasks(setup.as("staff"), factoryId, "user_install_machine", 3).stream()
                .map(t -> t.get("id").asText())
                .toList();

        try (Browser browser = Browser.desktop(port, "task-paging")) {
            browser.signIn("staff").open("/tasks?size=2&factoryId=" + factoryId);
            List<String> seen = new ArrayList<>(cardIds(browser));
            assertThat(seen).hasSize(2);
            assertThat(browser.text()).contains("Halaman 1 dari 2 (3 data)");
            browser.follow("Berikutnya");
            assertThat(browser.text()).contains("Halaman 2 dari 2 (3 data)");
            seen.addAll(cardIds(browser));
            browser.shot("second-page");
            assertThat(browser.findAll(By.linkText("Berikutnya"))).isEmpty();
            browser.follow("Sebelumnya");
            assertThat(cardIds(browser)).containsExactlyElementsOf(seen.subList(0, 2));

            assertThat(seen).hasSize(3).containsExactlyInAnyOrderElementsOf(installs);
            assertThat(new HashSet<>(seen)).hasSize(3);
        }
    }

    @Test
    void theInboxAndATaskPageFitA360PixelPhone() {
        String factoryId = setup.proposedFactory("Rumah Produksi Bersama Kelapa Minahasa Utara Panjang Sekali");
        String install = setup.awaitTasks(setup.as("staff"), factoryId, "user_install_machine", 3)
                .get(0)
                .get("id")
                .asText();

        try (Browser phone = Browser.phone(port, "task-phone")) {
            phone.signIn("staff").open("/tasks?factoryId=" + factoryId);
            assertThat(cardIds(phone)).hasSize(3);
            assertThat(phone.overflowsHorizontally()).isFalse();
            phone.shot("inbox-phone");
            phone.open("/tasks/" + install);
            assertThat(phone.heading()).isEqualTo("Pasang mesin");
            assertThat(phone.overflowsHorizontally()).isFalse();
            phone.shot("task-phone");
        }
    }

    @Test
    void aBrowserThatPrefersEnglishReadsTheInboxAndTheFormInEnglish() {
        String factoryId = setup.proposedFactory("RPB English");
        String install = setup.awaitTasks(setup.as("staff"), factoryId, "user_install_machine", 3)
                .get(0)
                .get("id")
                .asText();

        try (Browser browser = Browser.englishDesktop(port, "task-english")) {
            browser.signIn("staff").follow("Tasks");
            assertThat(browser.heading()).isEqualTo("My tasks");
            browser.fill("Factory ID", factoryId).press("Filter");
            assertThat(browser.text()).contains("3 tasks", "Install machine", "Not claimed (groups: factory staff)");
            browser.open("/tasks/" + install);
            assertThat(browser.heading()).isEqualTo("Install machine");
            assertThat(browser.text()).contains("Machine type", "Capacity (machine-hours per day)", "Complete");
            browser.shot("task-english");
        }
    }

    @Test
    void aMemberMayNotOpenTheInboxAndAnAuditorReadsATaskButCompletesNothing() {
        String factoryId = setup.proposedFactory("RPB Peran");
        String install = setup.awaitTasks(setup.as("staff"), factoryId, "user_install_machine", 3)
                .get(0)
                .get("id")
                .asText();

        try (Browser browser = Browser.desktop(port, "task-member")) {
            browser.signIn("member").open("/tasks");
            assertThat(browser.heading()).isEqualTo("Tidak diizinkan");
            assertThat(browser.text()).doesNotContain("Tugas saya");
        }
        Http member = Http.signedIn(port, "member", TestData.PASSWORD);
        assertThat(member.get("/tasks").status()).isEqualTo(403);
        assertThat(member.get("/tasks/" + install).status()).isEqualTo(403);

        Http auditor = Http.signedIn(port, "auditor", TestData.PASSWORD);
        Reply read = auditor.get("/tasks/" + install);
        assertThat(read.status()).as(read.toString()).isEqualTo(200);
        assertThat(read.body()).contains("Anda dapat membaca tugas ini, tetapi tidak mengerjakannya.");
        assertThat(read.body()).doesNotContain("action=\"/tasks/" + install + "\"");
        Reply complete = auditor.pagePost("/tasks/" + install, "");
        assertThat(complete.status()).as(complete.toString()).isEqualTo(403);
        assertThat(complete.body()).contains("Anda tidak diizinkan mengerjakan tugas ini.");
        Reply claim = auditor.pagePost("/tasks/" + install + "/claim", "");
        assertThat(claim.status()).isEqualTo(403);
        assertThat(setup.isOpen("staff", install)).isTrue();
        assertThat(assignee(install)).as("nobody holds the task").isNull();

        // another officer's claim is refused with the rule in words, and changes nothing
        String inspection =
                setup.awaitTask("officer", setup.factoryAwaitingInspection("RPB Klaim"), "user_inspect_factory");
        assertThat(setup.as("officer")
                        .post("/api/tasks/" + inspection + "/claim", null)
                        .status())
                .isEqualTo(204);
        Reply taken =
                Http.signedIn(port, "officer2", TestData.PASSWORD).pagePost("/tasks/" + inspection + "/claim", "");
        assertThat(taken.status()).as(taken.toString()).isEqualTo(409);
        assertThat(taken.body()).contains("Tugas ini sudah diambil orang lain.");
        assertThat(assignee(inspection)).isEqualTo("officer");

        // an admin may give back anyone's claim, and the page offers it
        Http admin = Http.signedIn(port, "admin", TestData.PASSWORD);
        assertThat(admin.get("/tasks/" + inspection).body()).contains("/tasks/" + inspection + "/unclaim");
        Reply released = admin.pagePost("/tasks/" + inspection + "/unclaim", "back=/tasks/" + inspection);
        assertThat(released.status()).as(released.toString()).isEqualTo(302);
        assertThat(released.header("Location")).endsWith("/tasks/" + inspection);
        assertThat(assignee(inspection)).isNull();
    }

    /** Who holds the task now, as the API tells an admin (null: nobody). */
    private String assignee(String taskId) {
        JsonNode holder = setup.as("admin")
                .get("/api/tasks/" + taskId)
                .json()
                .path("task")
                .path("assignee");
        return holder.isTextual() ? holder.asText() : null;
    }

    private static List<String> cardIds(Browser browser) {
        return browser.findAll(By.cssSelector("li.task-card")).stream()
                .map(card -> card.getDomAttribute("data-task-id"))
                .toList();
    }

    private static WebElement card(Browser browser, String taskId) {
        return browser.find(By.cssSelector("li.task-card[data-task-id='" + taskId + "']"));
    }
}
