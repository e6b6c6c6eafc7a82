package org.factorysharing.systemtests.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.factorysharing.platform.database.DatabaseMode;
import org.factorysharing.server.FactorySharingApplication;
import org.factorysharing.systemtests.Http;
import org.factorysharing.testing.TestData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/** The zero-setup default keeps its data: a member registered before a restart is there after it. */
class EmbeddedDatabaseRestartIT {

    @TempDir
    Path dataDir;

    @Test
    void membersSurviveARestartOfTheServer() throws Exception {
        String memberId;
        try (ConfigurableApplicationContext first = start()) {
            Http officer = Http.as(port(first), "officer", TestData.PASSWORD);
            Http.Reply created = officer.post("/api/members", TestData.registerMemberJson(TestData.nib()));
            assertThat(created.status()).as(created.toString()).isEqualTo(201);
            memberId = created.json().get("memberId").asText();
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> officer.get("/api/members/" + memberId).status() == 200);
        }
        assertThat(Files.exists(dataDir.resolve("PG_VERSION"))).isTrue();

        try (ConfigurableApplicationContext second = start()) {
            Http officer = Http.as(port(second), "officer", TestData.PASSWORD);
            assertThat(officer.get("/api/members/" + memberId)
                            .json()
                            .get("memberId")
                            .asText())
                    .isEqualTo(memberId);
            assertThat(second.getBean(DatabaseMode.class).embedded()).isTrue();
        }
    }

    private ConfigurableApplicationContext start() {
        // arguments, not builder properties: those are defaults that application.yml would override
        return new SpringApplicationBuilder(FactorySharingApplication.class)
                .run(
                        "--spring.datasource.url=",
                        "--fs.embedded-db.data-dir=" + dataDir,
                        "--fs.embedded-db.clean=false",
                        "--fs.demo-users.enabled=true",
                        "--fs.demo-data.enabled=false",
                        "--fs.demo-users.password=" + TestData.PASSWORD,
                        "--server.port=0",
                        "--camunda.bpm.job-execution.enabled=false",
                        "--spring.main.banner-mode=off");
    }

    private static int port(ConfigurableApplicationContext context) {
        return ((WebServerApplicationContext) context).getWebServer().getPort();
    }
}
