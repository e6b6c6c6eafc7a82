package org.factorysharing.systemtests.region;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.factorysharing.systemtests.Problems.assertField;
import static org.factorysharing.systemtests.Problems.assertRule;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.List;
import org.factorysharing.command.region.RegionReferenceData;
import org.factorysharing.systemtests.Http;
import org.factorysharing.systemtests.ServerTest;
import org.factorysharing.testing.EventStoreProbe;
import org.factorysharing.testing.TestData;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;

/** The regions reference list over HTTP on PostgreSQL: shipped sample data, officers' edits as events. */
@ServerTest
class RegionApiIT {

    private static final Duration PATIENCE = Duration.ofSeconds(30);
    private static final String JEPARA = "/api/regions/JAWA_TENGAH/JEPARA";

    @Value("${local.server.port}")
    int port;

    @Autowired
    EventStoreProbe events;

    @Autowired
    RegionReferenceData referenceData;

    @Test
    void theShippedSampleListIsImportedOnceAndRanksRegionsByPotential() throws Exception {
        int shipped = RegionReferenceData.read().size();
        await().atMost(PATIENCE)
                .until(() -> as("officer")
                                .get("/api/regions?size=200")
                                .json()
                                .get("totalItems")
                                .asInt()
                        >= shipped);
        long imported = events.eventCount("RegionImported");

        referenceData.importMissingRegions(); // as at the next start

        assertThat(events.eventCount("RegionImported")).isEqualTo(imported).isGreaterThanOrEqualTo(shipped);
        JsonNode coconut = as("auditor").get("/api/regions?commodity=COCONUT").json();
        assertThat(coconut.get("items").findValuesAsText("regionId"))
                .startsWith("SULAWESI_UTARA/MINAHASA", "SULAWESI_UTARA/MINAHASA_UTARA");
        assertThat(coconut.get("items").get(0).get("score").asInt()).isEqualTo(92);
        JsonNode jepara = as("supervisor").get(JEPARA).json();
        assertThat(jepara.get("dataSource").asText()).contains("sample");
        assertThat(jepara.get("potentials").findValuesAsText("commodityCode")).containsExactly("FURNITURE");
        assertThat(as("officer")
                        .get("/api/regions?province=ACEH")
                        .json()
                        .get("items")
                        .findValuesAsText("regency"))
                .containsExactly("Aceh Tengah");
    }

    @Test
    void anOfficerSetsAndRemovesAPotentialAndEachChangeIsAnEvent() {
        String path = "/api/regions/BALI/BANGLI/potentials/";
        assertThat(as("officer")
                        .put(path + "COFFEE", "{\"score\":81,\"sourceNote\":\"2025 field survey\"}")
                        .status())
                .isEqualTo(204);
        assertThat(as("officer")
                        .put(path + "VANILLA", "{\"score\":40,\"sourceNote\":\"pilot plots\"}")
                        .status())
                .isEqualTo(204);
        await().atMost(PATIENCE).untilAsserted(() -> {
            JsonNode bangli = as("officer").get("/api/regions/BALI/BANGLI").json();
            assertThat(bangli.get("potentials").findValuesAsText("commodityCode"))
                    .containsExactly("COFFEE", "VANILLA");
            assertThat(bangli.get("potentials").get(0).get("score").asInt()).isEqualTo(81);
            assertThat(bangli.get("potentials").get(0).get("updatedBy").asText())
                    .isEqualTo("officer");
        });
        assertThat(as("officer")
                        .post(path + "VANILLA/removal", "{\"reason\":\"pilot plots abandoned\"}")
                        .status())
                .isEqualTo(204);
        await().atMost(PATIENCE)
                .until(() -> as("officer")
                        .get("/api/regions/BALI/BANGLI")
                        .json()
                        .get("potentials")
                        .findValuesAsText("commodityCode")
                        .equals(List.of("COFFEE")));
        assertThat(events.eventTypesOf("BALI/BANGLI"))
                .endsWith("CommodityPotentialSet", "CommodityPotentialSet", "CommodityPotentialRemoved");
    }

    @Test
    void badInputRulesAndRightsChangeNothing() {
        long before = events.eventCount("CommodityPotentialSet", "CommodityPotentialRemoved");

        assertField(
                as("officer").put(JEPARA + "/potentials/FURNITURE", "{\"score\":101,\"sourceNote\":\"x\"}"), "score");
        assertField(as("officer").put(JEPARA + "/potentials/FURNITURE", "{\"score\":50}"), "sourceNote");
        assertField(
                as("officer").put(JEPARA + "/potentials/furniture", "{\"score\":50,\"sourceNote\":\"x\"}"),
                "commodity");
        assertThat(as("officer")
                        .put("/api/regions/ATLANTIS/NOWHERE/potentials/COFFEE", "{\"score\":50,\"sourceNote\":\"x\"}")
                        .status())
                .isEqualTo(404);
        assertRule(
                as("officer").post(JEPARA + "/potentials/COFFEE/removal", "{\"reason\":\"never grown\"}"),
                "region.no-potential");
        for (String user : List.of("auditor", "member", "staff", "supervisor")) {
            assertThat(as(user).put(JEPARA + "/potentials/FURNITURE", "{\"score\":50,\"sourceNote\":\"x\"}")
                            .status())
                    .as(user)
                    .isEqualTo(403);
        }
        assertThat(Http.anonymous(port).get("/api/regions").status()).isEqualTo(401);
        assertThat(as("member").get("/api/regions").status()).isEqualTo(403);
        assertThat(as("officer").get("/api/regions/ATLANTIS/NOWHERE").status()).isEqualTo(404);

        assertThat(events.eventCount("CommodityPotentialSet", "CommodityPotentialRemoved"))
                .isEqualTo(before);
    }

    private Http as(String user) {
        return Http.as(port, user, TestData.PASSWORD);
    }
}
