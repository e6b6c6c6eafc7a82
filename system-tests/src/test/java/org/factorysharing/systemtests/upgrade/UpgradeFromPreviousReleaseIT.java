package org.factorysharing.systemtests.upgrade;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.List;
import org.factorysharing.systemtests.Http;
import org.factorysharing.systemtests.ServerTest;
import org.factorysharing.testing.TestData;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * This release on a database made by the previous release (tag v0.8.0, after its walk-throughs; see
 * src/test/resources/upgrade/make-fixture.sh): it migrates the schema, keeps every event and its chain, catches up
 * its read models and bridges, and records as events what the previous release kept only in the engine (factory
 * staff). The walk-through tests run on the same database in this execution.
 */
@ServerTest
class UpgradeFromPreviousReleaseIT {

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    Http as(String user) {
        return Http.as(port, user, TestData.PASSWORD);
    }

    @Test
    void theSchemaIsMigratedFromThePreviousReleasesVersion() {
        List<String> versions = jdbc.queryForList(
                "SELECT version FROM flyway_schema_history WHERE success AND version IS NOT NULL ORDER BY installed_rank",
                String.class);
        assertThat(versions).startsWith("1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11", "12");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM flyway_schema_history WHERE NOT success", Long.class))
                .isZero();
    }

    @Test
    void thePreviousReleasesEventsAreKeptAndTheChainIsIntact() {
        JsonNode verification =
                as("auditor").get("/api/audit/chain/verification").json();
        assertThat(verification.get("intact").asBoolean())
                .as(verification.toString())
                .isTrue();
        long events = jdbc.queryForObject("SELECT count(*) FROM domain_event_entry", Long.class);
        // every event is linked, the previous release's (chained by its trigger) and this release's (by the linker)
        assertThat(verification.get("verified").asLong()).isEqualTo(events).isPositive();
    }

    @Test
    void theReadModelsShowThePreviousReleasesDataAndEveryProcessorCatchesUp() {
        assertThat(as("officer").get("/api/members").json().get("totalItems").asLong())
                .isPositive();
        assertThat(as("planner").get("/api/programme/waves").json()).isNotEmpty();
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            for (JsonNode processor : as("admin").get("/api/admin/projections").json()) {
                assertThat(processor.get("error").asBoolean())
                        .as(processor.toString())
                        .isFalse();
                assertThat(processor.get("percentage").asInt())
                        .as(processor.toString())
                        .isEqualTo(100);
            }
        });
        assertThat(as("admin").get("/api/admin/dead-letters").json()).isEmpty();
    }

    @Test
    void factoryStaffKeptOnlyInTheEngineBeforeIsRecordedAsEvents() {
        await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.queryForObject("""
                                SELECT count(*) FROM domain_event_entry
                                WHERE payload_type LIKE '%FactoryStaffAssigned'
                                  AND convert_from(payload, 'UTF8') LIKE '%system:staff-import%'""", Long.class) > 0);
        String factoryId = jdbc.queryForObject("""
                SELECT aggregate_identifier FROM domain_event_entry
                WHERE payload_type LIKE '%FactoryStaffAssigned' ORDER BY global_index LIMIT 1""", String.class);
        assertThat(as("officer")
                        .get("/api/factories/" + factoryId + "/staff")
                        .json()
                        .findValuesAsText("userId"))
                .contains("staff");
    }
}
