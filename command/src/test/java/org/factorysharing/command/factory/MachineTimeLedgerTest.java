package org.factorysharing.command.factory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.factorysharing.api.factory.Allocation;
import org.factorysharing.api.factory.FactoryEvent.FactoryCommissioned;
import org.factorysharing.api.factory.FactoryEvent.FactoryInspected;
import org.factorysharing.api.factory.FactoryEvent.FactoryProposed;
import org.factorysharing.api.factory.FactoryEvent.FactoryStaffAssigned;
import org.factorysharing.api.factory.FactoryEvent.FactoryStaffRemoved;
import org.factorysharing.api.factory.FactoryEvent.MachineInstalled;
import org.factorysharing.api.factory.FactoryEvent.MachineMaintenanceStarted;
import org.factorysharing.api.factory.FactoryEvent.MachineTimeReleased;
import org.factorysharing.api.factory.FactoryEvent.MachineTimeReserved;
import org.factorysharing.api.factory.FactoryId;
import org.factorysharing.api.factory.MachinePlan;
import org.factorysharing.api.job.JobId;
import org.factorysharing.api.member.MemberId;
import org.factorysharing.command.factory.MachineTimeLedger.MachineCapacity;
import org.factorysharing.command.factory.MachineTimeLedger.Reservation;
import org.junit.jupiter.api.Test;

class MachineTimeLedgerTest {

    private static final String PRESS = "COCONUT_OIL_PRESS";
    private static final LocalDate D0 = LocalDate.of(2025, 7, 1);
    private static final LocalDate D1 = D0.plusDays(1);
    private static final LocalDate D2 = D0.plusDays(2);
    private static final List<MachineCapacity> PRESSES =
            List.of(new MachineCapacity("press-1", 8), new MachineCapacity("press-2", 6));

    private final MachineTimeLedger ledger = new MachineTimeLedger();

    // --- allocation arithmetic ---

    @Test
    void anEmptyLedgerHasNothingBooked() {
        assertEquals(0, ledger.bookedHours("press-1", D0));
        assertNull(ledger.reservationOf("job-1"));
        assertEquals(List.of(), ledger.futureAllocationsOf("job-1", D0));
        assertEquals(List.of(), ledger.jobsHolding(a -> true, D0));
    }

    @Test
    void allocationFillsTheEarliestDayFirstMachineByMachineInTheGivenOrder() {
        assertEquals(
                List.of(
                        new Allocation("press-1", D0, 8),
                        new Allocation("press-2", D0, 6),
                        new Allocation("press-1", D1, 6)),
                ledger.allocate(PRESSES, D0, D2, 20, null));
    }

    @Test
    void allocationTakesOnlyTheFreeHoursOfEachMachine() {
        ledger.reserve("job-1", "member-1", PRESS, D0, D2, List.of(new Allocation("press-1", D0, 5)));

        assertEquals(
                List.of(
                        new Allocation("press-1", D0, 3),
                        new Allocation("press-2", D0, 6),
                        new Allocation("press-1", D1, 1)),
                ledger.allocate(PRESSES, D0, D2, 10, null));
    }

    @Test
    void allocationThatExactlyFillsTheWindowSucceedsAndOneHourMoreFails() {
        assertEquals(
                List.of(
                        new Allocation("press-1", D0, 8),
                        new Allocation("press-2", D0, 6),
                        new Allocation("press-1", D1, 8),
                        new Allocation("press-2", D1, 6)),
                ledger.allocate(PRESSES, D0, D1, 28, null));
        assertEquals(List.of(), ledger.allocate(PRESSES, D0, D1, 29, null));
    }

    @Test
    void allocationNeverGoesBeyondAMachinesCapacity() {
        ledger.reserve(
                "job-1",
                "member-1",
                PRESS,
                D0,
                D0,
                List.of(new Allocation("press-1", D0, 8), new Allocation("press-2", D0, 6)));

        assertEquals(List.of(), ledger.allocate(PRESSES, D0, D0, 1, null));
        assertEquals(List.of(new Allocation("press-1", D1, 1)), ledger.allocate(PRESSES, D0, D1, 1, null));
    }

    @Test
    void aJobBeingMovedCountsItsOwnHoursAsFree() {
        ledger.reserve(
                "job-1",
                "member-1",
                PRESS,
                D0,
                D0,
                List.of(new Allocation("press-1", D0, 8), new Allocation("press-2", D0, 6)));

        assertEquals(
                List.of(new Allocation("press-2", D0, 6)),
                ledger.allocate(List.of(new MachineCapacity("press-2", 6)), D0, D0, 6, "job-1"));
        assertEquals(List.of(), ledger.allocate(List.of(new MachineCapacity("press-2", 6)), D0, D0, 6, "job-2"));
    }

    @Test
    void reservingBooksTheHoursAndRemembersTheWindow() {
        List<Allocation> allocations = List.of(new Allocation("press-1", D0, 8), new Allocation("press-1", D1, 2));
        ledger.reserve("job-1", "member-1", PRESS, D0, D2, allocations);
        ledger.reserve("job-2", "member-2", PRESS, D0, D2, List.of(new Allocation("press-1", D1, 3)));

        assertEquals(8, ledger.bookedHours("press-1", D0));
        assertEquals(5, ledger.bookedHours("press-1", D1));
        assertEquals(0, ledger.bookedHours("press-2", D0));
        assertEquals(new Reservation("member-1", PRESS, D0, D2, allocations), ledger.reservationOf("job-1"));
    }

    @Test
    void reservingAgainForAJobAddsToWhatItHoldsAndKeepsItsFirstWindow() {
        ledger.reserve("job-1", "member-1", PRESS, D0, D2, List.of(new Allocation("press-1", D0, 8)));
        ledger.reserve("job-1", "member-1", PRESS, D1, D1, List.of(new Allocation("press-2", D1, 6)));

        assertEquals(
                new Reservation(
                        "member-1",
                        PRESS,
                        D0,
                        D2,
                        List.of(new Allocation("press-1", D0, 8), new Allocation("press-2", D1, 6))),
                ledger.reservationOf("job-1"));
    }

    @Test
    void releasingFreesExactlyTheReleasedHours() {
        ledger.reserve(
                "job-1",
                "member-1",
                PRESS,
                D0,
                D2,
                List.of(new Allocation("press-1", D0, 8), new Allocation("press-1", D1, 2)));
        ledger.reserve("job-2", "member-2", PRESS, D0, D2, List.of(new Allocation("press-1", D1, 3)));

        ledger.release("job-1", List.of(new Allocation("press-1", D1, 2)));

        assertEquals(8, ledger.bookedHours("press-1", D0));
        assertEquals(3, ledger.bookedHours("press-1", D1));
        assertEquals(
                List.of(new Allocation("press-1", D0, 8)),
                ledger.reservationOf("job-1").allocations());
    }

    @Test
    void aJobThatReleasedEverythingHoldsNoReservation() {
        List<Allocation> allocations = List.of(new Allocation("press-1", D0, 8));
        ledger.reserve("job-1", "member-1", PRESS, D0, D2, allocations);

        ledger.release("job-1", allocations);

        assertNull(ledger.reservationOf("job-1"));
        assertEquals(0, ledger.bookedHours("press-1", D0));
        assertEquals(List.of(), ledger.jobsHolding(a -> true, D0));
    }

    @Test
    void releasingForAJobWithoutReservationChangesNothing() {
        ledger.reserve("job-1", "member-1", PRESS, D0, D2, List.of(new Allocation("press-1", D0, 8)));

        ledger.release("job-2", List.of(new Allocation("press-1", D0, 8)));

        assertEquals(8, ledger.bookedHours("press-1", D0));
    }

    @Test
    void futureAllocationsStartOnTheGivenDay() {
        ledger.reserve(
                "job-1",
                "member-1",
                PRESS,
                D0,
                D2,
                List.of(
                        new Allocation("press-1", D0, 8),
                        new Allocation("press-1", D1, 8),
                        new Allocation("press-2", D2, 1)));

        assertEquals(
                List.of(new Allocation("press-1", D1, 8), new Allocation("press-2", D2, 1)),
                ledger.futureAllocationsOf("job-1", D1));
        assertEquals(List.of(), ledger.futureAllocationsOf("job-1", D2.plusDays(1)));
    }

    @Test
    void jobsHoldingMatchingTimeFromADayAreListedInIdOrder() {
        ledger.reserve("job-c", "member-1", PRESS, D0, D2, List.of(new Allocation("press-1", D1, 1)));
        ledger.reserve("job-a", "member-1", PRESS, D0, D2, List.of(new Allocation("press-1", D2, 1)));
        ledger.reserve("job-b", "member-1", PRESS, D0, D2, List.of(new Allocation("press-2", D1, 1)));
        ledger.reserve("job-d", "member-1", PRESS, D0, D2, List.of(new Allocation("press-1", D0, 1)));

        assertEquals(
                List.of("job-a", "job-c"), ledger.jobsHolding(a -> a.machineId().equals("press-1"), D1));
        assertEquals(List.of("job-a", "job-b", "job-c", "job-d"), ledger.jobsHolding(a -> true, D0));
    }

    // --- snapshots ---

    /** Mapped as Axon's JacksonSerializer with Spring Boot's ObjectMapper will map a snapshot, but strict. */
    private static final ObjectMapper JSON = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .setSerializationInclusion(JsonInclude.Include.NON_NULL);

    private static final TypeReference<Set<String>> USER_IDS = new TypeReference<>() {};

    @Test
    void aLedgerSurvivesAJsonRoundTrip() throws Exception {
        ledger.reserve(
                "job-1",
                "member-1",
                PRESS,
                D0,
                D2,
                List.of(new Allocation("press-1", D0, 8), new Allocation("press-1", D1, 2)));
        ledger.reserve("job-2", "member-2", PRESS, D1, D2, List.of(new Allocation("press-2", D1, 6)));
        ledger.release("job-1", List.of(new Allocation("press-1", D1, 2)));

        MachineTimeLedger copy = JSON.readValue(JSON.writeValueAsBytes(ledger), MachineTimeLedger.class);

        for (String machine : List.of("press-1", "press-2")) {
            for (LocalDate day : List.of(D0, D1, D2)) {
                assertEquals(ledger.bookedHours(machine, day), copy.bookedHours(machine, day), machine + " " + day);
            }
        }
        assertEquals(ledger.reservationOf("job-1"), copy.reservationOf("job-1"));
        assertEquals(ledger.reservationOf("job-2"), copy.reservationOf("job-2"));
        assertEquals(ledger.allocate(PRESSES, D0, D2, 20, null), copy.allocate(PRESSES, D0, D2, 20, null));
        assertEquals(ledger.allocate(PRESSES, D0, D2, 20, "job-2"), copy.allocate(PRESSES, D0, D2, 20, "job-2"));
    }

    @Test
    void aFactorySnapshotReadsBackToTheSameState() throws Exception {
        FactoryId id = new FactoryId("factory-1");
        JobId job = new JobId("job-1");
        Factory factory = new Factory();
        factory.on(new FactoryProposed(
                id,
                "Rumah Produksi Kelapa",
                "Sulawesi Utara",
                "Minahasa",
                "Coconut oil",
                "COCONUT_OIL",
                "Koperasi Nyiur",
                List.of(new MachinePlan("press-1", PRESS, 8)),
                D2,
                id.staffGroup(),
                "officer-1"));
        factory.on(new MachineInstalled(id, "press-1", PRESS, 8, "installer-1"));
        factory.on(new MachineInstalled(id, "press-2", PRESS, 6, "installer-1"));
        factory.on(new FactoryInspected(id, true, null, "inspector-1"));
        factory.on(new FactoryCommissioned(id, "officer-2", "inspector-1"));
        factory.on(new MachineTimeReserved(
                id,
                job,
                new MemberId("member-1"),
                PRESS,
                10,
                D0,
                D2,
                List.of(new Allocation("press-1", D0, 8), new Allocation("press-2", D0, 2))));
        factory.on(new MachineMaintenanceStarted(id, "press-2", "worn screw", D0, List.of(job), "tech-1"));
        factory.on(new MachineTimeReleased(id, job, List.of(new Allocation("press-2", D0, 2)), "rescheduled"));
        factory.on(new FactoryStaffAssigned(id, "tech-3", null, "officer-1"));
        factory.on(new FactoryStaffAssigned(id, "tech-1", null, "officer-1"));
        factory.on(new FactoryStaffAssigned(id, "tech-2", null, "officer-1"));
        factory.on(new FactoryStaffRemoved(id, "tech-2", null, "officer-1"));

        byte[] bytes = JSON.writeValueAsBytes(factory);
        Factory copy = JSON.readValue(bytes, Factory.class);

        JsonNode snapshot = JSON.readTree(bytes);
        ObjectNode restored = JSON.valueToTree(copy);

        // the staff reads back as the same users but no longer in id order (a Set field comes back a HashSet)
        assertEquals(Set.of("tech-1", "tech-3"), JSON.convertValue(restored.remove("staff"), USER_IDS));
        assertEquals(((ObjectNode) snapshot.deepCopy()).without("staff"), restored);
        assertEquals(8, snapshot.at("/ledger/booked/press-1/2025-07-01").asInt());
        assertEquals("COMMISSIONED", snapshot.at("/status").asText());
        assertEquals(true, snapshot.at("/machines/press-2/inMaintenance").asBoolean());
        assertEquals("inspector-1", snapshot.at("/lastInspector").asText());
        assertEquals("COCONUT_OIL", snapshot.at("/commodityCode").asText());
        // the staff and whether staff changes are recorded: without them a restored factory would import again
        assertEquals(JSON.readTree("[\"tech-1\", \"tech-3\"]"), snapshot.at("/staff"));
        assertEquals(true, snapshot.at("/staffRecorded").asBoolean());
        assertEquals("SULAWESI_UTARA/MINAHASA", copy.profile().regionId().value());
    }
}
