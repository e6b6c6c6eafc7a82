package org.factorysharing.systemtests.demo;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.StreamSupport;
import org.factorysharing.server.FactorySharingApplication;
import org.factorysharing.server.demo.DemoDataLoader;
import org.factorysharing.server.demo.DemoDataLoader.Outcome;
import org.factorysharing.systemtests.Http;
import org.factorysharing.testing.TestData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The server as the README's run command starts it (embedded database, no demo-data switch): it tells the programme's
 * story at once, through the product's own commands and tasks, and a second start on the same database adds nothing.
 */
class DemoDataIT {

    private static final List<String> PILOT = List.of(
            "Rumah Produksi Bersama Kelapa Minahasa",
            "Rumah Produksi Bersama Mebel Sragen",
            "Rumah Produksi Bersama Kulit Garut",
            "Rumah Produksi Bersama Tenun Ikat Sikka",
            "Rumah Produksi Bersama Kopi Gayo");

    @TempDir
    Path dataDir;

    @Test
    void theEmbeddedDefaultTellsTheStoryOnceAndASecondStartAddsNothing() throws Exception {
        Snapshot written;
        try (ConfigurableApplicationContext first = start()) {
            assertThat(first.getBean(DemoDataLoader.class).finished().get(10, TimeUnit.MINUTES))
                    .isEqualTo(Outcome.WRITTEN);
            int port = port(first);
            Http planner = Http.as(port, "planner", TestData.PASSWORD);
            Http officer = Http.as(port, "officer", TestData.PASSWORD);

            // the dashboard: the 2022 pilot approved its scale-up, the 2023 wave of six is planned
            JsonNode waves = planner.get("/api/programme/waves").json();
            assertThat(waves).hasSize(2);
            JsonNode pilot = wave(waves, "Pilot 2022");
            assertThat(pilot.get("year").asInt()).isEqualTo(2022);
            assertThat(pilot.get("kind").asText()).isEqualTo("PILOT");
            assertThat(pilot.get("status").asText()).isEqualTo("APPROVED");
            assertThat(pilot.get("enrolledFactories").asInt()).isEqualTo(5);
            assertThat(pilot.get("commissionedFactories").asInt()).isEqualTo(5);
            JsonNode next = wave(waves, "Scale-up wave 2023");
            assertThat(next.get("year").asInt()).isEqualTo(2023);
            assertThat(next.get("kind").asText()).isEqualTo("SCALE_UP");
            assertThat(next.get("status").asText()).isEqualTo("PLANNED");
            assertThat(next.get("targetFactories").asInt()).isEqualTo(6);
            assertThat(next.get("enrolledFactories").asInt()).isEqualTo(6);

            // the pilot's KPIs with figures: seven jobs of seven members, one sent to rework once
            String pilotId = pilot.get("waveId").asText();
            JsonNode kpis = planner.get("/api/programme/waves/" + pilotId + "/kpis")
                    .json()
                    .get("kpis");
            assertThat(kpis.get("commissionedFactories").asInt()).isEqualTo(5);
            assertThat(kpis.get("jobsCompleted").asInt()).isEqualTo(7);
            assertThat(kpis.get("membersServed").asInt()).isEqualTo(7);
            assertThat(kpis.get("outputUnits").asLong()).isEqualTo(480 + 295 + 38 + 60 + 115 + 30 + 790);
            assertThat(kpis.get("inspections").asInt()).isEqualTo(8);
            assertThat(kpis.get("qualityPassRate").asDouble()).isEqualTo(7.0 / 8);
            assertThat(kpis.get("utilisation").asDouble()).isPositive();
            JsonNode pilotView = planner.get("/api/programme/waves/" + pilotId).json();
            assertThat(pilotView
                            .get("recommendations")
                            .get(0)
                            .get("recommendation")
                            .asText())
                    .isEqualTo("SCALE_UP");
            assertThat(StreamSupport.stream(
                                    pilotView
                                            .get("proposals")
                                            .get(0)
                                            .get("timeline")
                                            .spliterator(),
                                    false)
                            .map(step -> step.get("action").asText() + ":"
                                    + step.get("by").asText())
                            .toList())
                    .containsExactly("PROPOSED:officer", "APPROVED:officer2", "APPROVED:planner", "APPROVED:executive");
            assertThat(pilotView.get("factories").findValuesAsText("name")).containsExactlyInAnyOrderElementsOf(PILOT);

            // the registry: five commissioned pilot factories, six 2023 factories on their way
            JsonNode factories = officer.get("/api/factories?size=50").json();
            assertThat(factories.get("totalItems").asInt()).isEqualTo(11);
            assertThat(officer.get("/api/factories?status=COMMISSIONED&size=50")
                            .json()
                            .get("items")
                            .findValuesAsText("name"))
                    .containsExactlyInAnyOrderElementsOf(PILOT);

            // members and jobs
            assertThat(officer.get("/api/members?size=50")
                            .json()
                            .get("totalItems")
                            .asInt())
                    .isEqualTo(8);
            assertThat(officer.get("/api/members?status=VERIFIED&size=50")
                            .json()
                            .get("totalItems")
                            .asInt())
                    .isEqualTo(7);
            assertThat(officer.get("/api/jobs?status=COMPLETED&size=50")
                            .json()
                            .get("totalItems")
                            .asInt())
                    .isEqualTo(7);
            assertThat(officer.get("/api/jobs?status=SCHEDULED&size=50")
                            .json()
                            .get("totalItems")
                            .asInt())
                    .isEqualTo(1);

            // the demo login "member" applied for its own business and sees it with its two jobs
            Http member = Http.as(port, "member", TestData.PASSWORD);
            JsonNode ownJobs = member.get("/api/jobs?size=50").json();
            assertThat(ownJobs.get("totalItems").asInt()).isEqualTo(2);
            List<String> ownMember = ownJobs.get("items").findValuesAsText("memberId").stream()
                    .distinct()
                    .toList();
            assertThat(ownMember).hasSize(1);
            assertThat(member.get("/api/members/" + ownMember.get(0))
                            .json()
                            .get("businessName")
                            .asText())
                    .isEqualTo("UD Nyiur Melambai");

            // written through the doors people use: the audit log names the demo users who acted
            String minahasa = StreamSupport.stream(factories.get("items").spliterator(), false)
                    .filter(f -> f.get("name").asText().equals("Rumah Produksi Bersama Kelapa Minahasa"))
                    .findFirst()
                    .orElseThrow()
                    .get("factoryId")
                    .asText();
            JsonNode events = Http.as(port, "auditor", TestData.PASSWORD)
                    .get("/api/audit/aggregates/" + minahasa + "/events")
                    .json()
                    .get("events");
            assertThat(StreamSupport.stream(events.spliterator(), false)
                            .map(e -> e.get("metadata").get("actor").asText())
                            .distinct()
                            .toList())
                    .contains("officer", "staff", "officer2");

            // and the pages show it (Bahasa Indonesia first)
            Http browser = Http.signedIn(port, "officer", TestData.PASSWORD);
            assertThat(browser.get("/programme").body()).contains("Pilot 2022", "Scale-up wave 2023");
            assertThat(browser.get("/factories").body()).contains("Rumah Produksi Bersama Kelapa Minahasa");

            written = snapshot(first);
        }

        try (ConfigurableApplicationContext second = start()) {
            assertThat(second.getBean(DemoDataLoader.class).finished().get(2, TimeUnit.MINUTES))
                    .isEqualTo(Outcome.PRESENT);
            assertThat(snapshot(second)).isEqualTo(written);
        }
    }

    /** What the story wrote: events in the store, factories, members and jobs in the read models, waves. */
    record Snapshot(long events, int factories, int members, int jobs, int waves) {}

    private static Snapshot snapshot(ConfigurableApplicationContext context) {
        Http officer = Http.as(port(context), "officer", TestData.PASSWORD);
        Long events = context.getBean(JdbcTemplate.class)
                .queryForObject("select count(*) from domain_event_entry", Long.class);
        return new Snapshot(
                events,
                officer.get("/api/factories?size=1").json().get("totalItems").asInt(),
                officer.get("/api/members?size=1").json().get("totalItems").asInt(),
                officer.get("/api/jobs?size=1").json().get("totalItems").asInt(),
                officer.get("/api/programme/waves").json().size());
    }

    private static JsonNode wave(JsonNode waves, String name) {
        return StreamSupport.stream(waves.spliterator(), false)
                .filter(wave -> wave.get("name").asText().equals(name))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no wave " + name + " in " + waves));
    }

    private ConfigurableApplicationContext start() {
        // as the README's run command starts it: the embedded database, the demo users, no demo-data switch
        return new SpringApplicationBuilder(FactorySharingApplication.class)
                .run(
                        "--spring.datasource.url=",
                        "--fs.embedded-db.data-dir=" + dataDir,
                        "--fs.embedded-db.clean=false",
                        "--fs.demo-users.enabled=true",
                        "--fs.demo-users.password=" + TestData.PASSWORD,
                        "--server.port=0",
                        "--spring.main.banner-mode=off");
    }

    private static int port(ConfigurableApplicationContext context) {
        return ((WebServerApplicationContext) context).getWebServer().getPort();
    }
}
