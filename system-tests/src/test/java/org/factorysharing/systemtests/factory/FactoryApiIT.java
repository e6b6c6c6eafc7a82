package org.factorysharing.systemtests.factory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.factorysharing.systemtests.Problems.assertField;
import static org.factorysharing.systemtests.Problems.assertProblem;
import static org.factorysharing.systemtests.Problems.assertRule;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.factorysharing.api.factory.FactoryId;
import org.factorysharing.systemtests.Http;
import org.factorysharing.systemtests.Http.Reply;
import org.factorysharing.systemtests.ServerTest;
import org.factorysharing.testing.EventStoreProbe;
import org.factorysharing.testing.TestData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The factory API over real HTTP on PostgreSQL: who may do what, every kind of bad request, the rules the
 * factory enforces, and the staff group. Reads of the registry are covered with the read models.
 */
@ServerTest
class FactoryApiIT {

    private static final String MACHINE =
            "{\"machineId\":\"PRESS-9\",\"machineType\":\"COCONUT_OIL_PRESS\",\"capacityHoursPerDay\":8}";

    @LocalServerPort
    int port;

    @Autowired
    EventStoreProbe eventStore;

    @Autowired
    CommandGateway commands;

    @Autowired
    IdentityService identity;

    Http officer() {
        return as("officer");
    }

    Http as(String user) {
        return Http.as(port, user, TestData.PASSWORD);
    }

    @Test
    void proposalAnswers201WithWhereTheFactoryLivesAndItsStaffGroup() {
        Reply created = as("supervisor").post("/api/factories", TestData.proposeFactoryJson("RPB Minahasa"));

        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String factoryId = created.json().get("factoryId").asText();
        assertThat(created.header("Location")).isEqualTo("/api/factories/" + factoryId);
        assertThat(created.json().get("status").asText()).isEqualTo("PROPOSED");
        assertThat(created.json().get("staffGroup").asText()).isEqualTo("factory-" + factoryId + "-staff");
        assertThat(eventStore.eventTypesOf(factoryId)).containsExactly("FactoryProposed");
        assertThat(eventStore.payloadOf(factoryId, 0))
                .contains(
                        "\"proposedBy\":\"supervisor\"", "\"commodityCode\":\"COCONUT\"", "\"machineId\":\"DRYER-1\"");
    }

    static Stream<Arguments> invalidProposals() {
        String valid = TestData.proposeFactoryJson("RPB Uji");
        String firstMachine =
                "{\"machineId\":\"PRESS-1\",\"machineType\":\"COCONUT_OIL_PRESS\",\"capacityHoursPerDay\":8}";
        return Stream.of(
                Arguments.of("malformed JSON", "{\"name\": \"RPB", null),
                Arguments.of("blank name", valid.replace("\"RPB Uji\"", "\" \""), "name"),
                Arguments.of("province missing", valid.replace("\"province\":\"Sulawesi Utara\",", ""), "province"),
                Arguments.of("NUL in operator", valid.replace("Koperasi Nyiur", "Koperasi\\u0000Nyiur"), "operator"),
                Arguments.of(
                        "no planned machines",
                        valid.replaceAll("(?s)\"plannedMachines\":\\[.*]", "\"plannedMachines\":[]"),
                        "plannedMachines"),
                Arguments.of(
                        "planned machines missing",
                        valid.replaceAll("(?s)\"plannedMachines\":\\[.*],", ""),
                        "plannedMachines"),
                Arguments.of(
                        "lower-case machine type",
                        valid.replaceFirst("COCONUT_OIL_PRESS", "coconut press"),
                        "plannedMachines[0].machineType"),
                Arguments.of(
                        "no capacity",
                        valid.replaceFirst("\"capacityHoursPerDay\":8", "\"capacityHoursPerDay\":0"),
                        "plannedMachines[0].capacityHoursPerDay"),
                Arguments.of(
                        "more than 24 hours a day",
                        valid.replace("\"capacityHoursPerDay\":12", "\"capacityHoursPerDay\":25"),
                        "plannedMachines[2].capacityHoursPerDay"),
                Arguments.of(
                        "machine id not URL-safe",
                        valid.replace("\"DRYER-1\"", "\"DRYER/1\""),
                        "plannedMachines[2].machineId"),
                Arguments.of(
                        "machine id twice",
                        valid.replace("\"PRESS-2\"", "\"PRESS-1\""),
                        "plannedMachines[1].machineId"),
                Arguments.of("empty machine entry", valid.replace(firstMachine, "null"), "plannedMachines[0]"),
                Arguments.of(
                        "installation due today",
                        valid.replaceAll(
                                "\"installationDueOn\":\"[^\"]+\"",
                                "\"installationDueOn\":\"" + TestData.today() + "\""),
                        "installationDueOn"),
                Arguments.of(
                        "installation due date malformed",
                        valid.replaceAll("\"installationDueOn\":\"[^\"]+\"", "\"installationDueOn\":\"31-12-2030\""),
                        "installationDueOn"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidProposals")
    void invalidProposalAnswers400NamingTheFieldAndWritesNothing(String why, String body, String field) {
        long proposals = eventStore.eventCount("FactoryProposed");

        Reply reply = officer().post("/api/factories", body);

        assertThat(reply.status()).as(reply.toString()).isEqualTo(400);
        assertProblem(reply);
        if (field != null) {
            assertField(reply, field);
        }
        assertThat(eventStore.eventCount("FactoryProposed")).isEqualTo(proposals);
    }

    @Test
    void invalidMachinesAndPeriodsAnswer400NamingTheFieldAndWriteNothing() {
        String factoryId = proposed();
        String base = "/api/factories/" + factoryId;
        List<String> events = eventStore.eventTypesOf(factoryId);

        assertField(officer().post(base + "/machines", MACHINE.replace("8", "0")), "capacityHoursPerDay");
        assertField(officer().post(base + "/machines", MACHINE.replace("COCONUT_OIL_PRESS", "press")), "machineType");
        assertField(officer().post(base + "/machines", MACHINE.replace("\"PRESS-9\"", "null")), "machineId");
        assertField(officer().put(base + "/machines/PRESS-1/maintenance", "{\"reason\":\"\"}"), "reason");
        assertField(officer().post(base + "/suspension", "{}"), "reason");
        assertField(officer().post(base + "/decommissioning", "{\"reason\":\"a\\u0000b\"}"), "reason");
        LocalDate today = TestData.today();
        assertField(officer().get(base + "/calendar?from=" + today + "&to=" + today.minusDays(1)), "to");
        assertField(officer().get(base + "/calendar?from=" + today + "&to=" + today.plusDays(367)), "to");
        assertField(officer().get(base + "/calendar?to=" + today), "from");
        assertField(officer().get(base + "/calendar?from=tomorrow&to=" + today), "from");
        assertField(
                officer().get(base + "/calendar?from=" + today + "&to=" + today + "&machineType=press"), "machineType");
        assertField(officer().get(base + "/utilisation?from=" + today + "&to=" + today.minusDays(1)), "to");
        assertField(officer().get(base + "/utilisation?from=" + today), "to");
        assertField(officer().get("/api/factories?status=FLOURISHING"), "status");
        assertField(officer().get("/api/factories?size=0"), "size");
        assertField(officer().get("/api/factories?province=a%00b"), "province");

        assertThat(eventStore.eventTypesOf(factoryId)).isEqualTo(events);
    }

    @Test
    void missingOrWrongCredentialsAnswer401AndMissingRightsAnswer403() {
        String factoryId = proposed();
        String base = "/api/factories/" + factoryId;
        List<String> events = eventStore.eventTypesOf(factoryId);
        long proposals = eventStore.eventCount("FactoryProposed");
        String proposal = TestData.proposeFactoryJson("RPB Terlarang");

        List<Reply> unauthenticated = List.of(
                Http.anonymous(port).post("/api/factories", proposal),
                Http.anonymous(port).get("/api/factories"),
                Http.as(port, "intruder", "wrong").get(base + "/calendar?from=2030-01-01&to=2030-01-02"));
        List<Reply> forbidden = List.of(
                as("auditor").post("/api/factories", proposal),
                as("member").post("/api/factories", proposal),
                as("staff").post("/api/factories", proposal),
                as("member").get("/api/factories"),
                as("member").get(base + "/calendar?from=2030-01-01&to=2030-01-02"),
                as("auditor").post(base + "/suspension", "{\"reason\":\"audit finding\"}"),
                as("staff").post(base + "/suspension", "{\"reason\":\"tired\"}"),
                as("member").post(base + "/decommissioning", "{\"reason\":\"no\"}"),
                as("supervisor").post(base + "/machines", MACHINE),
                as("auditor").put(base + "/machines/PRESS-1/maintenance", "{\"reason\":\"check\"}"),
                // general factory staff, but not of this factory
                as("staff").post(base + "/machines", MACHINE),
                as("staff").delete(base + "/machines/PRESS-1/maintenance"),
                as("supervisor").get(base + "/staff"),
                as("auditor").put(base + "/staff/staff", null),
                as("staff").put(base + "/staff/staff", null),
                as("member").delete(base + "/staff/staff"));

        unauthenticated.forEach(reply -> {
            assertThat(reply.status()).as(reply.toString()).isEqualTo(401);
            assertProblem(reply);
        });
        forbidden.forEach(reply -> {
            assertThat(reply.status()).as(reply.toString()).isEqualTo(403);
            assertProblem(reply);
        });
        assertThat(eventStore.eventTypesOf(factoryId)).isEqualTo(events);
        assertThat(eventStore.eventCount("FactoryProposed")).isEqualTo(proposals);
        assertThat(identity.createUserQuery()
                        .memberOfGroup(new FactoryId(factoryId).staffGroup())
                        .count())
                .isZero();
    }

    @Test
    void unknownIdsAnswer404AndWriteNothing() {
        String unknown = UUID.randomUUID().toString();
        String base = "/api/factories/" + unknown;
        // a member's id names something, but not a factory
        String memberId = officer()
                .post("/api/members", TestData.registerMemberJson(TestData.nib()))
                .json()
                .get("memberId")
                .asText();
        String factoryId = proposed();
        List<String> events = eventStore.eventTypesOf(factoryId);

        for (Reply reply : List.of(
                officer().post(base + "/machines", MACHINE),
                officer().post(base + "/suspension", "{\"reason\":\"unpaid rent\"}"),
                officer().post(base + "/resumption", null),
                officer().post(base + "/decommissioning", "{\"reason\":\"closed\"}"),
                officer().put(base + "/machines/PRESS-1/maintenance", "{\"reason\":\"oil change\"}"),
                officer().delete(base + "/machines/PRESS-1/maintenance"),
                officer().get(base + "/staff"),
                officer().put(base + "/staff/staff", null),
                officer().delete(base + "/staff/staff"),
                as("admin").get("/api/factories/" + memberId + "/staff"),
                as("admin").put("/api/factories/" + memberId + "/staff/staff", null),
                officer().put("/api/factories/" + factoryId + "/staff/nobody-" + unknown, null),
                officer().delete("/api/factories/" + factoryId + "/staff/nobody-" + unknown))) {
            assertThat(reply.status()).as(reply.toString()).isEqualTo(404);
            assertProblem(reply);
        }
        assertThat(eventStore.eventTypesOf(factoryId)).isEqualTo(events);
        assertThat(eventStore.eventTypesOf(unknown)).isEmpty();
        assertThat(eventStore.eventTypesOf(memberId)).containsExactly("MemberRegistered");
        assertThat(identity.createGroupQuery()
                        .groupId(new FactoryId(memberId).staffGroup())
                        .count())
                .isZero();
    }

    @Test
    void ruleViolationsAnswer409WithTheRuleAndWriteNothing() {
        String factoryId = proposed();
        String base = "/api/factories/" + factoryId;
        assertThat(officer().post(base + "/machines", MACHINE).status()).isEqualTo(204);
        List<String> events = eventStore.eventTypesOf(factoryId);

        assertRule(officer().post(base + "/suspension", "{\"reason\":\"unpaid rent\"}"), "factory.not-commissioned");
        assertRule(officer().post(base + "/resumption", null), "factory.not-suspended");
        assertRule(
                officer().post(base + "/machines", MACHINE.replace("COCONUT_OIL_PRESS", "CNC_ROUTER")),
                "machine.id-taken");
        assertRule(
                officer().put(base + "/machines/PRESS-1/maintenance", "{\"reason\":\"not installed yet\"}"),
                "machine.unknown");
        assertThat(eventStore.eventTypesOf(factoryId)).isEqualTo(events);

        assertThat(as("supervisor")
                        .post(base + "/decommissioning", "{\"reason\":\"site flooded\"}")
                        .status())
                .isEqualTo(204);
        events = eventStore.eventTypesOf(factoryId);
        assertRule(
                officer().post(base + "/machines", MACHINE.replace("PRESS-9", "PRESS-10")), "factory.decommissioned");
        assertRule(
                officer().put(base + "/machines/PRESS-9/maintenance", "{\"reason\":\"oil change\"}"),
                "factory.decommissioned");
        assertThat(eventStore.eventTypesOf(factoryId)).isEqualTo(events);
        assertThat(eventStore.eventTypesOf(factoryId))
                .containsExactly("FactoryProposed", "MachineInstalled", "FactoryDecommissioned");
    }

    @Test
    void commissionedFactoryIsSuspendedResumedAndItsMachineMaintained() {
        String factoryId = TestData.commissionedFactory(commands).value();
        String base = "/api/factories/" + factoryId;

        assertThat(as("supervisor")
                        .post(base + "/suspension", "{\"reason\":\"electricity cut\"}")
                        .status())
                .isEqualTo(204);
        assertThat(as("admin").post(base + "/resumption", null).status()).isEqualTo(204);
        assertThat(officer().post(base + "/machines", MACHINE).status()).isEqualTo(204);
        assertThat(officer()
                        .put(base + "/machines/PRESS-9/maintenance", "{\"reason\":\"seal replacement\"}")
                        .status())
                .isEqualTo(204);
        assertThat(officer().delete(base + "/machines/PRESS-9/maintenance").status())
                .isEqualTo(204);

        assertThat(eventStore.eventTypesOf(factoryId))
                .endsWith(
                        "FactorySuspended",
                        "FactoryResumed",
                        "MachineInstalled",
                        "MachineMaintenanceStarted",
                        "MachineMaintenanceEnded");
        assertThat(eventStore.payloadOf(factoryId, 4))
                .contains("\"reason\":\"electricity cut\"", "\"suspendedBy\":\"supervisor\"");
    }

    @Test
    void staffOfAFactoryOperateItsMachinesAndOnlyThose() {
        String factoryId = proposed();
        String other = proposed();
        String base = "/api/factories/" + factoryId;

        assertThat(officer()
                        .put(base + "/staff/staff", "{\"reason\":\"shift lead\"}")
                        .status())
                .isEqualTo(204);
        assertThat(as("admin").put(base + "/staff/staff", null).status())
                .as("idempotent")
                .isEqualTo(204);
        Reply staff = officer().get(base + "/staff");
        assertThat(staff.status()).isEqualTo(200);
        assertThat(staff.json().findValuesAsText("userId")).containsExactly("staff");
        // the assignment is an event: who, when and why are in the audit log and the history
        assertThat(eventStore.payloadOf(factoryId, 1))
                .contains("\"userId\":\"staff\"", "\"reason\":\"shift lead\"", "\"assignedBy\":\"officer\"");

        assertThat(as("staff").post(base + "/machines", MACHINE).status()).isEqualTo(204);
        assertThat(eventStore.payloadOf(factoryId, 2)).contains("\"installedBy\":\"staff\"");
        assertThat(as("staff")
                        .post("/api/factories/" + other + "/machines", MACHINE)
                        .status())
                .isEqualTo(403);

        assertThat(officer().delete(base + "/staff/staff").status()).isEqualTo(204);
        assertThat(officer().delete(base + "/staff/staff").status())
                .as("idempotent")
                .isEqualTo(204);
        assertThat(officer().get(base + "/staff").json()).isEmpty();
        assertThat(as("staff")
                        .post(base + "/machines", MACHINE.replace("PRESS-9", "PRESS-10"))
                        .status())
                .isEqualTo(403);
        assertThat(eventStore.eventTypesOf(factoryId))
                .containsExactly("FactoryProposed", "FactoryStaffAssigned", "MachineInstalled", "FactoryStaffRemoved");
        assertThat(eventStore.payloadOf(factoryId, 3)).contains("\"removedBy\":\"officer\"");
        assertThat(eventStore.eventTypesOf(other)).containsExactly("FactoryProposed");
    }

    @Test
    void aUserInNoProgrammeGroupActsForTheFactoryWhoseStaffItJoined() {
        String factoryId = proposed();
        String crew = "crew-" + UUID.randomUUID().toString().substring(0, 8);
        User user = identity.newUser(crew);
        user.setPassword(TestData.PASSWORD);
        identity.saveUser(user);
        Http asCrew = as(crew);
        assertThat(asCrew.post("/api/factories/" + factoryId + "/machines", MACHINE)
                        .status())
                .isEqualTo(403);

        assertThat(officer()
                        .put("/api/factories/" + factoryId + "/staff/" + crew, null)
                        .status())
                .isEqualTo(204);

        Reply installed = asCrew.post("/api/factories/" + factoryId + "/machines", MACHINE);
        assertThat(installed.status()).as(installed.toString()).isEqualTo(204);
        assertThat(asCrew.put(
                                "/api/factories/" + factoryId + "/machines/PRESS-9/maintenance",
                                "{\"reason\":\"belt torn\"}")
                        .status())
                .isEqualTo(204);
        assertThat(asCrew.post("/api/factories/" + factoryId + "/suspension", "{\"reason\":\"r\"}")
                        .status())
                .isEqualTo(403);
        assertThat(asCrew.post("/api/jobs", "{}").status()).isEqualTo(403);
        assertThat(eventStore.eventTypesOf(factoryId))
                .containsExactly(
                        "FactoryProposed", "FactoryStaffAssigned", "MachineInstalled", "MachineMaintenanceStarted");
    }

    /**
     * The staff group comes with the proposal and each membership with its assignment, in the command's own
     * transaction: staff named the moment a factory is proposed, even by many officers at once, are always added
     * (the group was once created by two racing writers, and one of them answered 500).
     */
    @Test
    void staffNamedRightAfterTheProposalAreAlwaysAdded() throws Exception {
        var pool = java.util.concurrent.Executors.newFixedThreadPool(4);
        try {
            List<java.util.concurrent.Future<String>> factories = new java.util.ArrayList<>();
            for (int i = 0; i < 10; i++) {
                factories.add(pool.submit(() -> {
                    String factoryId = proposed();
                    Reply named = officer().put("/api/factories/" + factoryId + "/staff/staff", null);
                    assertThat(named.status()).as(named.toString()).isEqualTo(204);
                    return factoryId;
                }));
            }
            for (var future : factories) {
                String factoryId = future.get();
                String group = new FactoryId(factoryId).staffGroup();
                Group created = identity.createGroupQuery().groupId(group).singleResult();
                assertThat(created).isNotNull();
                assertThat(created.getType()).isEqualTo("WORKFLOW");
                assertThat(created.getName()).startsWith("Staff of RPB ");
                assertThat(identity.createUserQuery()
                                .memberOfGroup(group)
                                .userId("staff")
                                .count())
                        .isOne();
                assertThat(eventStore.eventTypesOf(factoryId))
                        .containsExactly("FactoryProposed", "FactoryStaffAssigned");
            }
        } finally {
            pool.shutdownNow();
        }
    }

    // --- reads: the registry and the capacity calendar are projections, so they are awaited ---

    @Test
    void registryFiltersAndShowsAFactoryToItsReaders() {
        String province = "Provinsi Uji " + UUID.randomUUID().toString().substring(0, 8);
        Reply created = officer()
                .post(
                        "/api/factories",
                        TestData.proposeFactoryJson("RPB Kelapa").replace("Sulawesi Utara", province));
        String factoryId = created.json().get("factoryId").asText();
        String list = "/api/factories?province=" + province.replace(" ", "%20");

        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(
                                officer().get(list).json().get("totalItems").asLong())
                        .isEqualTo(1));
        JsonNode page = as("auditor")
                .get(list + "&status=PROPOSED&commodityCode=coconut")
                .json();
        assertThat(page.get("items").findValuesAsText("factoryId")).containsExactly(factoryId);
        assertThat(page.get("items").get(0).get("commodityCode").asText()).isEqualTo("COCONUT");
        assertThat(officer()
                        .get(list + "&status=COMMISSIONED")
                        .json()
                        .get("totalItems")
                        .asLong())
                .isZero();
        assertThat(as("staff").get(list).status()).isEqualTo(200);

        JsonNode factory = as("supervisor").get("/api/factories/" + factoryId).json();
        assertThat(factory.get("status").asText()).isEqualTo("PROPOSED");
        assertThat(factory.get("staffGroup").asText()).isEqualTo("factory-" + factoryId + "-staff");
        assertThat(factory.get("machines").findValuesAsText("machineId"))
                .containsExactlyInAnyOrder("PRESS-1", "PRESS-2", "DRYER-1");
        assertThat(factory.get("machines").findValuesAsText("status")).containsOnly("PLANNED");
    }

    @Test
    void calendarAndUtilisationShowTheCapacityOfEachMachine() {
        String factoryId = TestData.commissionedFactory(commands).value();
        LocalDate from = TestData.today();
        String period = "?from=" + from + "&to=" + from.plusDays(6);
        String calendar = "/api/factories/" + factoryId + "/calendar" + period;

        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(
                                officer().get(calendar).json().path("machines").findValuesAsText("machineId"))
                        .containsExactly("PRESS-1"));
        JsonNode days = as("staff").get(calendar).json().get("machines").get(0).get("days");
        assertThat(days).hasSize(7);
        assertThat(days.findValuesAsText("capacityHours")).containsOnly("8");
        assertThat(days.findValuesAsText("bookedHours")).containsOnly("0");
        assertThat(days.findValuesAsText("freeHours")).containsOnly("8");
        assertThat(officer().get(calendar + "&machineType=COPRA_DRYER").json().get("machines"))
                .isEmpty();

        JsonNode utilisation = as("auditor")
                .get("/api/factories/" + factoryId + "/utilisation" + period)
                .json();
        assertThat(utilisation.get("availableHours").asLong()).isEqualTo(56);
        assertThat(utilisation.get("bookedHours").asLong()).isZero();
        assertThat(utilisation.get("machines").findValuesAsText("machineId")).containsExactly("PRESS-1");
    }

    @Test
    void readsOfAnUnknownFactoryAnswer404() {
        String base = "/api/factories/" + UUID.randomUUID();
        LocalDate today = TestData.today();

        for (Reply reply : List.of(
                officer().get(base),
                officer().get(base + "/calendar?from=" + today + "&to=" + today.plusDays(1)),
                officer().get(base + "/utilisation?from=" + today + "&to=" + today.plusDays(1)))) {
            assertThat(reply.status()).as(reply.toString()).isEqualTo(404);
            assertProblem(reply);
        }
    }

    private String proposed() {
        Reply created = officer().post("/api/factories", TestData.proposeFactoryJson("RPB " + UUID.randomUUID()));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.json().get("factoryId").asText();
    }
}
