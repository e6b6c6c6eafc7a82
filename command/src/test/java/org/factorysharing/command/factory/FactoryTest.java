package org.factorysharing.command.factory;

import static org.axonframework.test.matchers.Matchers.andNoMore;
import static org.axonframework.test.matchers.Matchers.exactSequenceOf;
import static org.axonframework.test.matchers.Matchers.matches;
import static org.axonframework.test.matchers.Matchers.payloadsMatching;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.instanceOf;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.axonframework.messaging.Message;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.factorysharing.api.factory.Allocation;
import org.factorysharing.api.factory.FactoryCommands.AssignFactoryStaff;
import org.factorysharing.api.factory.FactoryCommands.CommissionFactory;
import org.factorysharing.api.factory.FactoryCommands.DecommissionFactory;
import org.factorysharing.api.factory.FactoryCommands.EndMachineMaintenance;
import org.factorysharing.api.factory.FactoryCommands.ImportFactoryStaff;
import org.factorysharing.api.factory.FactoryCommands.InstallMachine;
import org.factorysharing.api.factory.FactoryCommands.ProposeFactory;
import org.factorysharing.api.factory.FactoryCommands.RebookMachineTime;
import org.factorysharing.api.factory.FactoryCommands.RecordInspection;
import org.factorysharing.api.factory.FactoryCommands.ReleaseMachineTime;
import org.factorysharing.api.factory.FactoryCommands.ReleaseUnusedMachineTime;
import org.factorysharing.api.factory.FactoryCommands.RemoveFactoryStaff;
import org.factorysharing.api.factory.FactoryCommands.ReservationResult;
import org.factorysharing.api.factory.FactoryCommands.ReserveMachineTime;
import org.factorysharing.api.factory.FactoryCommands.ResumeFactory;
import org.factorysharing.api.factory.FactoryCommands.StartMachineMaintenance;
import org.factorysharing.api.factory.FactoryCommands.SuspendFactory;
import org.factorysharing.api.factory.FactoryEvent.FactoryCommissioned;
import org.factorysharing.api.factory.FactoryEvent.FactoryDecommissioned;
import org.factorysharing.api.factory.FactoryEvent.FactoryInspected;
import org.factorysharing.api.factory.FactoryEvent.FactoryProposed;
import org.factorysharing.api.factory.FactoryEvent.FactoryResumed;
import org.factorysharing.api.factory.FactoryEvent.FactoryStaffAssigned;
import org.factorysharing.api.factory.FactoryEvent.FactoryStaffRemoved;
import org.factorysharing.api.factory.FactoryEvent.FactorySuspended;
import org.factorysharing.api.factory.FactoryEvent.MachineInstalled;
import org.factorysharing.api.factory.FactoryEvent.MachineMaintenanceEnded;
import org.factorysharing.api.factory.FactoryEvent.MachineMaintenanceStarted;
import org.factorysharing.api.factory.FactoryEvent.MachineTimeReleased;
import org.factorysharing.api.factory.FactoryEvent.MachineTimeReservationRejected;
import org.factorysharing.api.factory.FactoryEvent.MachineTimeReserved;
import org.factorysharing.api.factory.FactoryEvent.ReservationFlaggedForRescheduling;
import org.factorysharing.api.factory.FactoryId;
import org.factorysharing.api.factory.MachinePlan;
import org.factorysharing.api.factory.ReservationRejection;
import org.factorysharing.api.job.JobId;
import org.factorysharing.api.member.MemberId;
import org.factorysharing.api.shared.ActorMetaData;
import org.factorysharing.api.shared.BusinessRuleViolation;
import org.factorysharing.api.shared.InvalidField;
import org.factorysharing.api.shared.NotPermitted;
import org.hamcrest.FeatureMatcher;
import org.hamcrest.Matcher;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class FactoryTest {

    private static final FactoryId ID = new FactoryId("factory-1");
    private static final MemberId MEMBER = new MemberId("member-1");
    private static final String PRESS = "COCONUT_OIL_PRESS";
    private static final String DRYER = "COPRA_DRYER";

    /** 10:00 on 1 July 2025 in Jakarta (UTC+7). */
    private static final Instant JULY_1 = Instant.parse("2025-07-01T03:00:00Z");

    private static final LocalDate TODAY = LocalDate.of(2025, 7, 1);
    private static final LocalDate DUE = LocalDate.of(2025, 9, 30);

    private static final List<MachinePlan> PLAN = List.of(
            new MachinePlan("press-1", PRESS, 8),
            new MachinePlan("press-2", PRESS, 6),
            new MachinePlan("dryer-1", DRYER, 10));
    private static final FactoryProposed PROPOSED = new FactoryProposed(
            ID,
            "Rumah Produksi Kelapa Minahasa",
            "Sulawesi Utara",
            "Minahasa",
            "Coconut oil",
            "COCONUT_OIL",
            "Koperasi Nyiur Melambai",
            PLAN,
            DUE,
            "factory-factory-1-staff",
            "officer-1");
    // installed out of id order: allocation still goes by machine id
    private static final MachineInstalled PRESS_2 = new MachineInstalled(ID, "press-2", PRESS, 6, "installer-1");
    private static final MachineInstalled PRESS_1 = new MachineInstalled(ID, "press-1", PRESS, 8, "installer-1");
    private static final MachineInstalled DRYER_1 = new MachineInstalled(ID, "dryer-1", DRYER, 10, "installer-1");
    private static final FactoryInspected PASSED = new FactoryInspected(ID, true, null, "inspector-1");
    private static final FactoryInspected FAILED =
            new FactoryInspected(ID, false, "no guard on press-2", "inspector-1");
    private static final FactoryCommissioned COMMISSIONED = new FactoryCommissioned(ID, "officer-2", "inspector-1");
    private static final FactorySuspended SUSPENDED = new FactorySuspended(ID, "flooded", "officer-2");
    private static final FactoryDecommissioned DECOMMISSIONED =
            new FactoryDecommissioned(ID, "operator withdrew", "officer-2");
    private static final FactoryStaffAssigned TECH_1_ASSIGNED =
            new FactoryStaffAssigned(ID, "tech-1", "runs the presses", "officer-1");
    private static final FactoryStaffRemoved TECH_1_REMOVED =
            new FactoryStaffRemoved(ID, "tech-1", "moved to another factory", "officer-1");

    private FixtureConfiguration<Factory> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Factory.class);
    }

    // --- proposal ---

    @Test
    void proposingEmitsFactoryProposedWithStrippedTextTheCommodityCodeAndTheStaffGroup() {
        fixture.givenNoPriorActivity()
                .when(new ProposeFactory(
                        ID,
                        " Rumah Produksi Kelapa Minahasa",
                        "Sulawesi Utara ",
                        " Minahasa",
                        " Coconut oil ",
                        "Koperasi Nyiur Melambai\t",
                        List.of(
                                new MachinePlan(" press-1", PRESS, 8),
                                new MachinePlan("press-2 ", " " + PRESS, 6),
                                new MachinePlan("dryer-1", DRYER, 10)),
                        DUE,
                        "officer-1"))
                .expectSuccessfulHandlerExecution()
                .expectEvents(PROPOSED);
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "Coconut oil|COCONUT_OIL",
                "' coconut-oil '|COCONUT_OIL",
                "Coconut  Oil|COCONUT_OIL",
                "Café Arábica|CAFE_ARABICA",
                "Kopi robusta (grade 1)|KOPI_ROBUSTA_GRADE_1",
                "Rotan & bambu — anyaman|ROTAN_BAMBU_ANYAMAN"
            })
    void theCommodityIsNormalisedToACode(String commodity, String code) {
        fixture.givenNoPriorActivity()
                .when(propose(commodity, PLAN))
                .expectEvents(new FactoryProposed(
                        ID,
                        "Rumah Produksi Kelapa Minahasa",
                        "Sulawesi Utara",
                        "Minahasa",
                        commodity.strip(),
                        code,
                        "Koperasi Nyiur Melambai",
                        PLAN,
                        DUE,
                        ID.staffGroup(),
                        "officer-1"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"---", "()", "椰子油"})
    void aCommodityWithoutLatinLettersOrDigitsIsRefused(String commodity) {
        expectRefusedProposal(propose(commodity, PLAN), "commodity must contain letters or digits");
    }

    @ParameterizedTest
    @NullAndEmptySource
    void aProposalNeedsPlannedMachines(List<MachinePlan> plannedMachines) {
        expectRefusedProposal(propose("Coconut oil", plannedMachines), "plannedMachines must not be empty");
    }

    @Test
    void plannedMachineIdsAreUnique() {
        expectRefusedProposal(
                propose(
                        "Coconut oil",
                        List.of(new MachinePlan("press-1", PRESS, 8), new MachinePlan(" press-1", DRYER, 10))),
                "plannedMachines: machine id press-1 appears twice");
    }

    @ParameterizedTest
    @ValueSource(ints = {-1, 0, 25})
    void plannedCapacityIsBetweenOneAndTwentyFourHoursPerDay(int hours) {
        expectRefusedProposal(
                propose("Coconut oil", List.of(new MachinePlan("press-1", PRESS, hours))),
                "capacityHoursPerDay must be between 1 and 24");
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 24})
    void plannedCapacityMayBeOneOrTwentyFourHoursPerDay(int hours) {
        List<MachinePlan> plan = List.of(new MachinePlan("press-1", PRESS, hours));
        fixture.givenNoPriorActivity()
                .when(propose("Coconut oil", plan))
                .expectEvents(new FactoryProposed(
                        ID,
                        "Rumah Produksi Kelapa Minahasa",
                        "Sulawesi Utara",
                        "Minahasa",
                        "Coconut oil",
                        "COCONUT_OIL",
                        "Koperasi Nyiur Melambai",
                        plan,
                        DUE,
                        ID.staffGroup(),
                        "officer-1"));
    }

    @Test
    void aProposalNeedsItsTextsAndAnInstallationDueDate() {
        expectRefusedProposal(
                new ProposeFactory(
                        ID, " ", "Sulawesi Utara", "Minahasa", "Coconut oil", "Koperasi", PLAN, DUE, "officer-1"),
                "name is required");
        expectRefusedProposal(
                new ProposeFactory(ID, "RPB", null, "Minahasa", "Coconut oil", "Koperasi", PLAN, DUE, "officer-1"),
                "province is required");
        expectRefusedProposal(
                new ProposeFactory(ID, "RPB", "Sulawesi Utara", "", "Coconut oil", "Koperasi", PLAN, DUE, "officer-1"),
                "regency is required");
        expectRefusedProposal(
                new ProposeFactory(ID, "RPB", "Sulawesi Utara", "Minahasa", null, "Koperasi", PLAN, DUE, "officer-1"),
                "commodity is required");
        expectRefusedProposal(
                new ProposeFactory(ID, "RPB", "Sulawesi Utara", "Minahasa", "Coconut oil", " ", PLAN, DUE, "officer-1"),
                "operator is required");
        expectRefusedProposal(
                new ProposeFactory(
                        ID, "RPB", "Sulawesi Utara", "Minahasa", "Coconut oil", "Koperasi", PLAN, null, "officer-1"),
                "installationDueOn is required");
        expectRefusedProposal(
                new ProposeFactory(
                        ID,
                        "RPB",
                        "Sulawesi Utara",
                        "Minahasa",
                        "Coconut oil",
                        "Koperasi",
                        List.of(new MachinePlan("press-1", " ", 8)),
                        DUE,
                        "officer-1"),
                "plannedMachines.machineType is required");
    }

    /** Dates are bounded at the door and again here: an absurd date would stall the read models that store it. */
    @Test
    void anInstallationDateOutsideTheProgrammesRangeIsRefusedNamingTheField() {
        for (LocalDate absurd : List.of(LocalDate.MAX, LocalDate.of(9999, 12, 31), LocalDate.of(1999, 12, 31))) {
            fixture.givenNoPriorActivity()
                    .when(new ProposeFactory(
                            ID, "RPB", "Sulawesi Utara", "Minahasa", "Coconut", "Koperasi", PLAN, absurd, "officer-1"))
                    .expectException(
                            new FeatureMatcher<Object, String>(equalTo("installationDueOn"), "field", "field") {
                                @Override
                                protected String featureValueOf(Object actual) {
                                    return actual instanceof InvalidField invalid ? invalid.field() : null;
                                }
                            })
                    .expectNoEvents();
        }
    }

    // --- installation ---

    @Test
    void aProposedFactoryTakesAMachineAndIsThenInstalling() {
        fixture.given(PROPOSED)
                .when(new InstallMachine(ID, " press-1 ", " " + PRESS, 8, "installer-1"))
                .expectEvents(new MachineInstalled(ID, "press-1", PRESS, 8, "installer-1"));
        // installing now: it can be inspected, which a proposed factory cannot
        fixture.given(PROPOSED, PRESS_1)
                .when(new RecordInspection(ID, true, null, "inspector-1"))
                .expectEvents(PASSED);
    }

    @Test
    void anInstallingFactoryTakesMoreMachines() {
        fixture.given(PROPOSED, PRESS_1)
                .when(new InstallMachine(ID, "press-2", PRESS, 6, "installer-1"))
                .expectEvents(PRESS_2);
    }

    @Test
    void anInspectedFactoryTakesNoNewMachines() {
        fixture.given(PROPOSED, PRESS_1, PASSED)
                .when(new InstallMachine(ID, "press-2", PRESS, 6, "installer-1"))
                .expectException(violation("factory.inspected"))
                .expectNoEvents();
    }

    @Test
    void aCommissionedFactoryTakesExtraMachinesThatAreBookableAtOnce() {
        MachineInstalled press3 = new MachineInstalled(ID, "press-3", PRESS, 4, "installer-1");
        fixture.given(commissioned())
                .when(new InstallMachine(ID, "press-3", PRESS, 4, "installer-1"))
                .expectEvents(press3);
        fixture.givenCurrentTime(JULY_1)
                .andGiven(commissioned(press3))
                .when(reserve("job-1", 18, TODAY, TODAY))
                .expectResultMessagePayload(ReservationResult.reserved(
                        List.of(at("press-1", 0, 8), at("press-2", 0, 6), at("press-3", 0, 4))));
    }

    @Test
    void aDecommissionedFactoryTakesNoMachines() {
        fixture.given(commissioned(DECOMMISSIONED))
                .when(new InstallMachine(ID, "press-3", PRESS, 4, "installer-1"))
                .expectException(violation("factory.decommissioned"))
                .expectNoEvents();
    }

    @Test
    void aMachineIdIsTakenOnceWithinAFactory() {
        fixture.given(PROPOSED, PRESS_1)
                .when(new InstallMachine(ID, "press-1", DRYER, 10, "installer-1"))
                .expectException(violation("machine.id-taken"))
                .expectNoEvents();
        fixture.given(PROPOSED, PRESS_1)
                .when(new InstallMachine(ID, "press-1", PRESS, 12, "installer-1"))
                .expectException(violation("machine.id-taken"))
                .expectNoEvents();
    }

    @Test
    void reportingTheSameInstallationAgainChangesNothing() {
        fixture.given(PROPOSED, PRESS_1)
                .when(new InstallMachine(ID, "press-1", PRESS, 8, "installer-2"))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
        // a retried installation task after the inspection is not a new machine
        fixture.given(PROPOSED, PRESS_1, PASSED)
                .when(new InstallMachine(ID, " press-1", PRESS, 8, "installer-1"))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 25})
    void anInstalledMachineRunsOneToTwentyFourHoursPerDay(int hours) {
        fixture.given(PROPOSED)
                .when(new InstallMachine(ID, "press-1", PRESS, hours, "installer-1"))
                .expectException(IllegalArgumentException.class)
                .expectExceptionMessage("capacityHoursPerDay must be between 1 and 24")
                .expectNoEvents();
    }

    // --- inspection ---

    @Test
    void aProposedFactoryCannotBeInspected() {
        fixture.given(PROPOSED)
                .when(new RecordInspection(ID, true, null, "inspector-1"))
                .expectException(violation("factory.not-installing"))
                .expectNoEvents();
    }

    @Test
    void aCommissionedOrSuspendedFactoryIsNotInspectedAgain() {
        fixture.given(commissioned())
                .when(new RecordInspection(ID, true, null, "inspector-1"))
                .expectException(violation("factory.not-installing"))
                .expectNoEvents();
        fixture.given(commissioned(SUSPENDED))
                .when(new RecordInspection(ID, true, null, "inspector-1"))
                .expectException(violation("factory.not-installing"))
                .expectNoEvents();
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = " ")
    void aFailedInspectionNeedsFindings(String findings) {
        fixture.given(PROPOSED, PRESS_1)
                .when(new RecordInspection(ID, false, findings, "inspector-1"))
                .expectException(IllegalArgumentException.class)
                .expectExceptionMessage("findings are required when the inspection fails")
                .expectNoEvents();
    }

    @Test
    void findingsAreStrippedAndBlankFindingsOfAPassedInspectionAreNone() {
        fixture.given(PROPOSED, PRESS_1)
                .when(new RecordInspection(ID, false, " no guard on press-2\n", " inspector-1"))
                .expectEvents(FAILED);
        fixture.given(PROPOSED, PRESS_1)
                .when(new RecordInspection(ID, true, "  ", "inspector-1"))
                .expectEvents(PASSED);
    }

    @Test
    void aFailedInspectionLeavesTheFactoryInstalling() {
        // still takes machines, which an inspected factory would not
        fixture.given(PROPOSED, PRESS_1, FAILED)
                .when(new InstallMachine(ID, "press-2", PRESS, 6, "installer-1"))
                .expectEvents(PRESS_2);
        fixture.given(PROPOSED, PRESS_1, FAILED)
                .when(new CommissionFactory(ID, "officer-2"))
                .expectException(violation("factory.not-inspected"))
                .expectNoEvents();
        fixture.given(PROPOSED, PRESS_1, FAILED)
                .when(new RecordInspection(ID, true, null, "inspector-1"))
                .expectEvents(PASSED);
    }

    @Test
    void anInspectedFactoryCanBeInspectedAgainAndAFailureUndoesThePass() {
        FactoryInspected failedLater = new FactoryInspected(ID, false, "oil leak on press-1", "inspector-2");
        fixture.given(PROPOSED, PRESS_1, PASSED)
                .when(new RecordInspection(ID, false, "oil leak on press-1", "inspector-2"))
                .expectEvents(failedLater);
        fixture.given(PROPOSED, PRESS_1, PASSED, failedLater)
                .when(new CommissionFactory(ID, "officer-2"))
                .expectException(violation("factory.not-inspected"))
                .expectNoEvents();
    }

    @Test
    void anInspectionNeedsAnInspector() {
        fixture.given(PROPOSED, PRESS_1)
                .when(new RecordInspection(ID, true, null, " "))
                .expectException(IllegalArgumentException.class)
                .expectExceptionMessage("inspectedBy is required")
                .expectNoEvents();
    }

    // --- commissioning ---

    @Test
    void aFactoryIsCommissionedBySomeoneOtherThanItsInspector() {
        fixture.given(PROPOSED, PRESS_1, PASSED)
                .when(new CommissionFactory(ID, " officer-2 "))
                .expectEvents(new FactoryCommissioned(ID, "officer-2", "inspector-1"));
    }

    @Test
    void theInspectorCannotSignOffTheCommissioning() {
        fixture.given(PROPOSED, PRESS_1, PASSED)
                .when(new CommissionFactory(ID, " inspector-1"))
                .expectException(violation("factory.four-eyes"))
                .expectNoEvents();
    }

    @Test
    void theLastInspectorIsTheOneWhoMayNotSignOff() {
        fixture.given(PROPOSED, PRESS_1, FAILED, new FactoryInspected(ID, true, null, "inspector-2"))
                .when(new CommissionFactory(ID, "inspector-1"))
                .expectEvents(new FactoryCommissioned(ID, "inspector-1", "inspector-2"));
    }

    @Test
    void aFactoryWithoutMachinesCannotBeCommissioned() {
        fixture.given(PROPOSED)
                .when(new CommissionFactory(ID, "officer-2"))
                .expectException(violation("factory.no-machines"))
                .expectNoEvents();
    }

    @Test
    void aFactoryWithoutAPassedInspectionCannotBeCommissioned() {
        fixture.given(PROPOSED, PRESS_1)
                .when(new CommissionFactory(ID, "officer-2"))
                .expectException(violation("factory.not-inspected"))
                .expectNoEvents();
    }

    @Test
    void commissioningAgainChangesNothing() {
        fixture.given(commissioned())
                .when(new CommissionFactory(ID, "officer-3"))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void aDecommissionedFactoryIsNotCommissionedAgain() {
        fixture.given(commissioned(DECOMMISSIONED))
                .when(new CommissionFactory(ID, "officer-3"))
                .expectException(violation("factory.decommissioned"))
                .expectNoEvents();
    }

    // --- suspension, resumption, decommissioning ---

    @Test
    void aCommissionedFactoryCanBeSuspendedWithAStrippedReasonAndResumed() {
        fixture.given(commissioned())
                .when(new SuspendFactory(ID, " flooded ", "officer-2"))
                .expectEvents(SUSPENDED);
        fixture.given(commissioned(SUSPENDED))
                .when(new ResumeFactory(ID, "officer-2"))
                .expectEvents(new FactoryResumed(ID, "officer-2"));
    }

    @Test
    void aSuspensionNeedsAReason() {
        fixture.given(commissioned())
                .when(new SuspendFactory(ID, " ", "officer-2"))
                .expectException(IllegalArgumentException.class)
                .expectExceptionMessage("reason is required")
                .expectNoEvents();
    }

    @Test
    void suspendingASuspendedFactoryOrResumingARunningOneChangesNothing() {
        fixture.given(commissioned(SUSPENDED))
                .when(new SuspendFactory(ID, "still flooded", "officer-2"))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
        fixture.given(commissioned())
                .when(new ResumeFactory(ID, "officer-2"))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void onlyACommissionedFactoryCanBeSuspendedAndOnlyASuspendedOneResumed() {
        fixture.given(PROPOSED, PRESS_1, PASSED)
                .when(new SuspendFactory(ID, "flooded", "officer-2"))
                .expectException(violation("factory.not-commissioned"))
                .expectNoEvents();
        fixture.given(PROPOSED, PRESS_1)
                .when(new ResumeFactory(ID, "officer-2"))
                .expectException(violation("factory.not-suspended"))
                .expectNoEvents();
    }

    @Test
    void aDecommissionedFactoryIsNeitherSuspendedNorResumed() {
        fixture.given(commissioned(DECOMMISSIONED))
                .when(new SuspendFactory(ID, "flooded", "officer-2"))
                .expectException(violation("factory.decommissioned"))
                .expectNoEvents();
        fixture.given(commissioned(DECOMMISSIONED))
                .when(new ResumeFactory(ID, "officer-2"))
                .expectException(violation("factory.decommissioned"))
                .expectNoEvents();
    }

    @Test
    void aFactoryWithoutFutureBookingsCanBeDecommissioned() {
        fixture.givenCurrentTime(JULY_1)
                .andGiven(commissioned(SUSPENDED))
                .when(new DecommissionFactory(ID, " operator withdrew ", "officer-2"))
                .expectEvents(DECOMMISSIONED);
        // time used yesterday does not hold the factory open
        fixture.givenCurrentTime(JULY_1)
                .andGiven(commissioned(reserved("job-1", 8, -1, -1, at("press-1", -1, 8))))
                .when(new DecommissionFactory(ID, "operator withdrew", "officer-2"))
                .expectEvents(DECOMMISSIONED);
    }

    @Test
    void aFactoryIsNotDecommissionedWhileJobsHoldMachineTimeFromTodayOn() {
        fixture.givenCurrentTime(JULY_1)
                .andGiven(commissioned(reserved("job-1", 8, -1, 3, at("press-1", -1, 4), at("press-1", 0, 4))))
                .when(new DecommissionFactory(ID, "operator withdrew", "officer-2"))
                .expectException(violation("factory.jobs-booked"))
                .expectNoEvents();
    }

    @Test
    void decommissioningAgainChangesNothing() {
        fixture.givenCurrentTime(JULY_1)
                .andGiven(commissioned(DECOMMISSIONED))
                .when(new DecommissionFactory(ID, "operator withdrew", "officer-3"))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void aDecommissionedFactoryIsNotInspectedNorMaintained() {
        Object[] decommissioned = commissioned(DECOMMISSIONED);
        fixture.given(decommissioned)
                .when(new RecordInspection(ID, true, null, "inspector-1"))
                .expectException(violation("factory.decommissioned"))
                .expectNoEvents();
        fixture.given(decommissioned)
                .when(new StartMachineMaintenance(ID, "press-1", "worn screw", "tech-1"))
                .expectException(violation("factory.decommissioned"))
                .expectNoEvents();
        fixture.given(decommissioned)
                .when(new EndMachineMaintenance(ID, "press-1", "tech-1"))
                .expectException(violation("factory.decommissioned"))
                .expectNoEvents();
    }

    // --- maintenance ---

    @Test
    void maintenanceOfAnUnknownMachineIsRefused() {
        fixture.givenCurrentTime(JULY_1)
                .andGiven(commissioned())
                .when(new StartMachineMaintenance(ID, "press-9", "worn screw", "tech-1"))
                .expectException(violation("machine.unknown"))
                .expectNoEvents();
        fixture.givenCurrentTime(JULY_1)
                .andGiven(commissioned())
                .when(new EndMachineMaintenance(ID, "press-9", "tech-1"))
                .expectException(violation("machine.unknown"))
                .expectNoEvents();
    }

    @Test
    void maintenanceFlagsExactlyTheJobsHoldingThatMachinesFutureTime() {
        fixture.givenCurrentTime(JULY_1)
                .andGiven(commissioned(
                        // job-a: press-1 today and tomorrow, press-2 today
                        reserved("job-a", 16, 0, 3, at("press-1", 0, 8), at("press-2", 0, 6), at("press-1", 1, 2)),
                        // job-b: press-1 tomorrow
                        reserved("job-b", 6, 1, 3, at("press-1", 1, 6)),
                        // job-c: only press-2
                        reserved("job-c", 6, 1, 1, at("press-2", 1, 6)),
                        // job-d: press-1, but yesterday
                        reserved("job-d", 8, -1, -1, at("press-1", -1, 8))))
                .when(new StartMachineMaintenance(ID, " press-1", " worn screw ", "tech-1"))
                .expectEvents(
                        new MachineMaintenanceStarted(
                                ID,
                                "press-1",
                                "worn screw",
                                TODAY,
                                List.of(new JobId("job-a"), new JobId("job-b")),
                                "tech-1"),
                        new ReservationFlaggedForRescheduling(
                                ID, new JobId("job-a"), "press-1", List.of(at("press-1", 0, 8), at("press-1", 1, 2))),
                        new ReservationFlaggedForRescheduling(
                                ID, new JobId("job-b"), "press-1", List.of(at("press-1", 1, 6))));
    }

    @Test
    void maintenanceOfAMachineWithoutBookingsFlagsNoJobs() {
        fixture.givenCurrentTime(JULY_1)
                .andGiven(commissioned(reserved("job-c", 6, 1, 1, at("press-2", 1, 6))))
                .when(new StartMachineMaintenance(ID, "press-1", "worn screw", "tech-1"))
                .expectEvents(new MachineMaintenanceStarted(ID, "press-1", "worn screw", TODAY, List.of(), "tech-1"));
    }

    @Test
    void maintenanceNeedsAReason() {
        fixture.givenCurrentTime(JULY_1)
                .andGiven(commissioned())
                .when(new StartMachineMaintenance(ID, "press-1", "", "tech-1"))
                .expectException(IllegalArgumentException.class)
                .expectExceptionMessage("reason is required")
                .expectNoEvents();
    }

    @Test
    void startingMaintenanceAgainChangesNothing() {
        fixture.givenCurrentTime(JULY_1)
                .andGiven(commissioned(
                        reserved("job-a", 8, 0, 3, at("press-1", 0, 8)), maintenanceOf("press-1", "job-a")))
                .when(new StartMachineMaintenance(ID, "press-1", "still worn", "tech-2"))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void maintenanceEndsOnTheDayItIsReportedAndTheMachineIsBookableAgain() {
        MachineMaintenanceEnded ended = new MachineMaintenanceEnded(ID, "press-1", TODAY, "tech-1");
        fixture.givenCurrentTime(JULY_1)
                .andGiven(commissioned(maintenanceOf("press-1")))
                .when(new EndMachineMaintenance(ID, " press-1 ", "tech-1"))
                .expectEvents(ended);
        fixture.givenCurrentTime(JULY_1)
                .andGiven(commissioned(maintenanceOf("press-1"), ended))
                .when(reserve("job-1", 8, TODAY, TODAY))
                .expectResultMessagePayload(ReservationResult.reserved(List.of(at("press-1", 0, 8))));
    }

    @Test
    void endingMaintenanceOfAMachineInOperationChangesNothing() {
        fixture.givenCurrentTime(JULY_1)
                .andGiven(commissioned())
                .when(new EndMachineMaintenance(ID, "press-1", "tech-1"))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    // --- staff ---

    @Test
    void assigningStaffRecordsWhoAndWhyWithTextStripped() {
        fixture.given(PROPOSED)
                .when(new AssignFactoryStaff(ID, " tech-1 ", " runs the presses\n", " officer-1"))
                .expectEvents(TECH_1_ASSIGNED);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = " \t")
    void aBlankReasonOfAStaffChangeIsNone(String blank) {
        fixture.given(PROPOSED)
                .when(new AssignFactoryStaff(ID, "tech-1", blank, "officer-1"))
                .expectEvents(new FactoryStaffAssigned(ID, "tech-1", null, "officer-1"));
        fixture.given(PROPOSED, TECH_1_ASSIGNED)
                .when(new RemoveFactoryStaff(ID, "tech-1", blank, "officer-1"))
                .expectEvents(new FactoryStaffRemoved(ID, "tech-1", null, "officer-1"));
    }

    @Test
    void assigningAStaffMemberAgainChangesNothing() {
        fixture.given(PROPOSED, TECH_1_ASSIGNED)
                .when(new AssignFactoryStaff(ID, "tech-1", "still runs the presses", "officer-2"))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void aRemovedStaffMemberCanBeAssignedAgain() {
        fixture.given(PROPOSED, TECH_1_ASSIGNED, TECH_1_REMOVED)
                .when(new AssignFactoryStaff(ID, "tech-1", "back from leave", "officer-2"))
                .expectEvents(new FactoryStaffAssigned(ID, "tech-1", "back from leave", "officer-2"));
    }

    @Test
    void aDecommissionedFactoryTakesNoStaff() {
        fixture.given(commissioned(DECOMMISSIONED))
                .when(new AssignFactoryStaff(ID, "tech-1", null, "officer-1"))
                .expectException(violation("factory.decommissioned"))
                .expectNoEvents();
        // someone already on the staff: the repeated assignment is answered as done, as every repetition is
        fixture.given(commissioned(TECH_1_ASSIGNED, DECOMMISSIONED))
                .when(new AssignFactoryStaff(ID, "tech-1", null, "officer-1"))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void aStaffChangeNeedsAUserAndWhoMadeIt() {
        expectRefusedStaffChange(new AssignFactoryStaff(ID, " ", null, "officer-1"), "userId is required");
        expectRefusedStaffChange(new AssignFactoryStaff(ID, "tech-1", null, null), "assignedBy is required");
        expectRefusedStaffChange(new RemoveFactoryStaff(ID, null, null, "officer-1"), "userId is required");
        expectRefusedStaffChange(new RemoveFactoryStaff(ID, "tech-1", null, ""), "removedBy is required");
    }

    @Test
    void removingAStaffMemberRecordsWhoAndWhyWithTextStripped() {
        fixture.given(PROPOSED, TECH_1_ASSIGNED)
                .when(new RemoveFactoryStaff(ID, "tech-1 ", " moved to another factory ", "officer-1 "))
                .expectEvents(TECH_1_REMOVED);
    }

    @Test
    void removingSomeoneNotOnTheStaffChangesNothing() {
        fixture.given(PROPOSED, TECH_1_ASSIGNED)
                .when(new RemoveFactoryStaff(ID, "tech-2", "never was", "officer-1"))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
        fixture.given(PROPOSED, TECH_1_ASSIGNED, TECH_1_REMOVED)
                .when(new RemoveFactoryStaff(ID, "tech-1", "removed again", "officer-1"))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void importingRecordsTheEarlierStaffOnceEachInIdOrder() {
        fixture.given(commissioned())
                .when(new ImportFactoryStaff(ID, List.of("tech-2", "tech-1", "tech-2")))
                .expectEvents(imported("tech-1"), imported("tech-2"));
    }

    @Test
    void anImportWithABlankUserIdRecordsNobody() {
        fixture.given(commissioned())
                .when(new ImportFactoryStaff(ID, List.of("tech-1", " ")))
                .expectException(IllegalArgumentException.class)
                .expectExceptionMessage("userIds is required")
                .expectNoEvents();
    }

    @Test
    void importingIntoAFactoryWhoseStaffChangesAreRecordedChangesNothing() {
        // any staff event means the staff group is already told by events: an import would add stale members
        ImportFactoryStaff staffGroup = new ImportFactoryStaff(ID, List.of("tech-1", "tech-2"));
        fixture.given(commissioned(TECH_1_ASSIGNED))
                .when(staffGroup)
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
        // also when nobody is left on the staff
        fixture.given(commissioned(TECH_1_ASSIGNED, TECH_1_REMOVED))
                .when(staffGroup)
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
        // and when the import already ran
        fixture.given(commissioned(imported("tech-1")))
                .when(staffGroup)
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    // --- who operates the machines ---

    /** Each machine operation, with a history it succeeds on and the event it then records. */
    static Stream<Arguments> machineOperations() {
        return Stream.of(
                Arguments.of(
                        "installing",
                        commissioned(),
                        new InstallMachine(ID, "press-3", PRESS, 4, "tech-1"),
                        new MachineInstalled(ID, "press-3", PRESS, 4, "tech-1")),
                Arguments.of(
                        "starting maintenance",
                        commissioned(),
                        new StartMachineMaintenance(ID, "press-1", "worn screw", "tech-1"),
                        new MachineMaintenanceStarted(ID, "press-1", "worn screw", TODAY, List.of(), "tech-1")),
                Arguments.of(
                        "ending maintenance",
                        commissioned(maintenanceOf("press-1")),
                        new EndMachineMaintenance(ID, "press-1", "tech-1"),
                        new MachineMaintenanceEnded(ID, "press-1", TODAY, "tech-1")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("machineOperations")
    void aUserOutsideTheFactorysStaffOfficersAndAdminsDoesNotOperateItsMachines(
            String operation, Object[] history, Object command, Object event) {
        List<Map<String, Object>> outsiders = List.of(
                sentBy("siti", "members"),
                sentBy("tech-9", "factory-staff"), // the general group is not this factory's staff
                sentBy("tech-2", "factory-factory-2-staff"),
                sentBy("auditor-1", "auditors"),
                sentBy("tech-9"),
                Map.of(ActorMetaData.USER_ID, "tech-9"));
        for (Map<String, Object> outsider : outsiders) {
            fixture.givenCurrentTime(JULY_1)
                    .andGiven(history)
                    .when(command, outsider)
                    .expectException(NotPermitted.class)
                    .expectNoEvents();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("machineOperations")
    void theFactorysOwnStaffOfficersAndAdminsOperateItsMachines(
            String operation, Object[] history, Object command, Object event) {
        for (Map<String, Object> insider : List.of(
                sentBy("tech-1", "factory-staff", "factory-factory-1-staff"),
                sentBy("officer-1", "officers"),
                sentBy("admin-1", "admins"))) {
            fixture.givenCurrentTime(JULY_1)
                    .andGiven(history)
                    .when(command, insider)
                    .expectEvents(event);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("machineOperations")
    void theSystemOperatesMachinesWithoutAUser(String operation, Object[] history, Object command, Object event) {
        // a workflow bridge or a timer sends no user
        fixture.givenCurrentTime(JULY_1)
                .andGiven(history)
                .when(command, Map.of())
                .expectEvents(event);
    }

    // --- booking machine time ---

    @Test
    void reservationFillsTheEarliestDaysFirstAcrossTheMachinesOfTheTypeInIdOrder() {
        List<Allocation> allocations = List.of(at("press-1", 0, 8), at("press-2", 0, 6), at("press-1", 1, 6));
        fixture.givenCurrentTime(JULY_1)
                .andGiven(commissioned())
                .when(new ReserveMachineTime(
                        ID, new JobId("job-1"), MEMBER, " " + PRESS + " ", 20, TODAY, TODAY.plusDays(5)))
                .expectEvents(reserved("job-1", 20, 0, 5, allocations.toArray(Allocation[]::new)))
                .expectResultMessagePayload(ReservationResult.reserved(allocations));
    }

    @Test
    void timeHeldByOtherJobsIsNotBookedAgain() {
        fixture.givenCurrentTime(JULY_1)
                .andGiven(commissioned(
                        reserved("job-1", 5, 0, 0, at("press-1", 0, 5)),
                        reserved("job-2", 6, 0, 0, at("press-2", 0, 6))))
                .when(reserve("job-3", 10, TODAY, TODAY.plusDays(5)))
                .expectEvents(reserved("job-3", 10, 0, 5, at("press-1", 0, 3), at("press-1", 1, 7)))
                .expectResultMessagePayload(
                        ReservationResult.reserved(List.of(at("press-1", 0, 3), at("press-1", 1, 7))));
    }

    @Test
    void cannotBookBeyondMachineCapacity() {
        // 28 press hours in the two days, 20 of them held
        fixture.givenCurrentTime(JULY_1)
                .andGiven(commissioned(
                        reserved("job-1", 20, 0, 5, at("press-1", 0, 8), at("press-2", 0, 6), at("press-1", 1, 6))))
                .when(reserve("job-2", 9, TODAY, TODAY.plusDays(1)))
                .expectEventsMatching(onlyRejection("job-2", 9, ReservationRejection.NO_CAPACITY))
                .expectResultMessagePayloadMatching(refused(ReservationRejection.NO_CAPACITY));
    }

    @Test
    void aBookingThatExactlyFillsTheFreeTimeIsReserved() {
        fixture.givenCurrentTime(JULY_1)
                .andGiven(commissioned(
                        reserved("job-1", 20, 0, 5, at("press-1", 0, 8), at("press-2", 0, 6), at("press-1", 1, 6))))
                .when(reserve("job-2", 8, TODAY, TODAY.plusDays(1)))
                .expectEvents(reserved("job-2", 8, 0, 1, at("press-1", 1, 2), at("press-2", 1, 6)))
                .expectResultMessagePayload(
                        ReservationResult.reserved(List.of(at("press-1", 1, 2), at("press-2", 1, 6))));
    }

    @Test
    void aRefusalIsRecordedWithTheReasonTheCallerIsGiven() {
        fixture.givenCurrentTime(JULY_1)
                .andGiven(commissioned())
                .when(reserve("job-1", 15, TODAY, TODAY))
                .expectEventsMatching(payloadsMatching(exactSequenceOf(
                        matches(event -> event instanceof MachineTimeReservationRejected rejected
                                && rejected.reason().contains("15 machine-hours")),
                        andNoMore())))
                .expectResultMessagePayloadMatching(matches(result ->
                        result instanceof ReservationResult r && r.reason().contains("15 machine-hours")));
    }

    @Test
    void aFactoryWithoutAMachineOfTheTypeHasNoTimeForIt() {
        fixture.givenCurrentTime(JULY_1)
                .andGiven(commissioned())
                .when(reserve("job-1", 1, TODAY, TODAY.plusDays(5), "CNC_ROUTER"))
                .expectEventsMatching(onlyRejection("job-1", 1, "CNC_ROUTER", ReservationRejection.NO_MACHINE_OF_TYPE))
                .expectResultMessagePayloadMatching(refused(ReservationRejection.NO_MACHINE_OF_TYPE));
    }

    @Test
    void machinesInMaintenanceAreNotBooked() {
        fixture.givenCurrentTime(JULY_1)
                .andGiven(commissioned(maintenanceOf("press-1"), maintenanceOf("press-2")))
                .when(reserve("job-1", 1, TODAY, TODAY.plusDays(5)))
                .expectEventsMatching(onlyRejection("job-1", 1, ReservationRejection.NO_MACHINE_OF_TYPE))
                .expectResultMessagePayloadMatching(refused(ReservationRejection.NO_MACHINE_OF_TYPE));
        fixture.givenCurrentTime(JULY_1)
                .andGiven(commissioned(maintenanceOf("press-1")))
                .when(reserve("job-1", 10, TODAY, TODAY.plusDays(5)))
                .expectEvents(reserved("job-1", 10, 0, 5, at("press-2", 0, 6), at("press-2", 1, 4)));
    }

    static Stream<Arguments> factoriesNotInOperation() {
        return Stream.of(
                Arguments.of("proposed", new Object[] {PROPOSED}),
                Arguments.of("installing", new Object[] {PROPOSED, PRESS_1}),
                Arguments.of("inspected", new Object[] {PROPOSED, PRESS_1, PASSED}),
                Arguments.of("suspended", commissioned(SUSPENDED)),
                Arguments.of("decommissioned", commissioned(DECOMMISSIONED)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("factoriesNotInOperation")
    void onlyACommissionedFactoryBooksMachineTime(String state, Object[] history) {
        fixture.givenCurrentTime(JULY_1)
                .andGiven(history)
                .when(reserve("job-1", 1, TODAY, TODAY.plusDays(5)))
                .expectEventsMatching(onlyRejection("job-1", 1, ReservationRejection.FACTORY_NOT_OPERATIONAL))
                .expectResultMessagePayloadMatching(refused(ReservationRejection.FACTORY_NOT_OPERATIONAL));
    }

    @Test
    void anEarliestStartInThePastIsMovedToToday() {
        fixture.givenCurrentTime(JULY_1)
                .andGiven(commissioned())
                .when(reserve("job-1", 10, TODAY.minusDays(3), TODAY.plusDays(2)))
                .expectEvents(reserved("job-1", 10, -3, 2, at("press-1", 0, 8), at("press-2", 0, 2)));
    }

    @Test
    void todayIsTheDayInJakartaNotInUtc() {
        // 30 June 18:00 UTC is already 1 July 01:00 in Jakarta: 30 June is past
        fixture.givenCurrentTime(Instant.parse("2025-06-30T18:00:00Z"))
                .andGiven(commissioned())
                .when(reserve("job-1", 8, TODAY.minusDays(1), TODAY.plusDays(2)))
                .expectEvents(reserved("job-1", 8, -1, 2, at("press-1", 0, 8)));
    }

    @Test
    void aWindowThatIsAlreadyOverHasNoCapacity() {
        fixture.givenCurrentTime(JULY_1)
                .andGiven(commissioned())
                .when(reserve("job-1", 1, TODAY.minusDays(5), TODAY.minusDays(1)))
                .expectEventsMatching(onlyRejection("job-1", 1, ReservationRejection.NO_CAPACITY))
                .expectResultMessagePayloadMatching(refused(ReservationRejection.NO_CAPACITY));
    }

    @Test
    void reservingAgainForTheSameJobAnswersWhatItHolds() {
        fixture.givenCurrentTime(JULY_1)
                .andGiven(commissioned(reserved("job-1", 10, 0, 5, at("press-1", 0, 8), at("press-2", 0, 2))))
                .when(reserve("job-1", 10, TODAY, TODAY.plusDays(5)))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents()
                .expectResultMessagePayload(
                        ReservationResult.reserved(List.of(at("press-1", 0, 8), at("press-2", 0, 2))));
    }

    @Test
    void aReservationRequestMustBeWellFormed() {
        expectRefusedReservation(reserve("job-1", 0, TODAY, TODAY), "hours must be at least 1");
        expectRefusedReservation(reserve("job-1", 1, TODAY, TODAY, " "), "machineType is required");
        expectRefusedReservation(reserve("job-1", 1, null, TODAY), "earliestStart is required");
        expectRefusedReservation(reserve("job-1", 1, TODAY, null), "deadline is required");
        expectRefusedReservation(
                reserve("job-1", 1, TODAY, TODAY.minusDays(1)), "deadline must not be before earliestStart");
        expectRefusedReservation(
                reserve("job-1", 1, TODAY, TODAY.plusDays(367)), "the booking window must not exceed 366 days");
    }

    @Test
    void aWindowOfAYearIsAccepted() {
        fixture.givenCurrentTime(JULY_1)
                .andGiven(commissioned())
                .when(reserve("job-1", 1, TODAY, TODAY.plusDays(366)))
                .expectEvents(reserved("job-1", 1, 0, 366, at("press-1", 0, 1)));
    }

    // --- releasing and rebooking ---

    @Test
    void releasingFreesOnlyTheTimeFromTodayOn() {
        fixture.givenCurrentTime(JULY_1)
                .andGiven(commissioned(
                        reserved("job-1", 20, -1, 1, at("press-1", -1, 8), at("press-2", -1, 6), at("press-1", 0, 6))))
                .when(new ReleaseMachineTime(ID, new JobId("job-1"), " cancelled by member "))
                .expectEvents(new MachineTimeReleased(
                        ID, new JobId("job-1"), List.of(at("press-1", 0, 6)), "cancelled by member"));
    }

    @Test
    void aFinishedJobGivesBackOnlyTheDaysAfterToday() {
        fixture.givenCurrentTime(JULY_1)
                .andGiven(commissioned(reserved(
                        "job-1",
                        20,
                        -1,
                        2,
                        at("press-1", -1, 8),
                        at("press-1", 0, 6),
                        at("press-1", 1, 4),
                        at("press-2", 2, 2))))
                .when(new ReleaseUnusedMachineTime(ID, new JobId("job-1")))
                .expectEvents(new MachineTimeReleased(
                        ID, new JobId("job-1"), List.of(at("press-1", 1, 4), at("press-2", 2, 2)), "completed"));
    }

    @Test
    void releasedTimeCanBeBookedAgain() {
        fixture.givenCurrentTime(JULY_1)
                .andGiven(commissioned(reserved("job-1", 14, 0, 0, at("press-1", 0, 8), at("press-2", 0, 6))))
                .andGivenCommands(new ReleaseMachineTime(ID, new JobId("job-1"), "cancelled"))
                .when(reserve("job-2", 14, TODAY, TODAY))
                .expectEvents(reserved("job-2", 14, 0, 0, at("press-1", 0, 8), at("press-2", 0, 6)));
    }

    @Test
    void releasingWhenNothingIsHeldFromTodayOnChangesNothing() {
        fixture.givenCurrentTime(JULY_1)
                .andGiven(commissioned(reserved("job-1", 8, -1, -1, at("press-1", -1, 8))))
                .when(new ReleaseMachineTime(ID, new JobId("job-1"), "cancelled"))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
        fixture.givenCurrentTime(JULY_1)
                .andGiven(commissioned())
                .when(new ReleaseMachineTime(ID, new JobId("job-9"), "cancelled"))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void rebookingMovesTimeOffAMachineInMaintenanceWithinTheOriginalWindow() {
        List<Allocation> held = List.of(at("press-1", 0, 8), at("press-2", 0, 6), at("press-1", 1, 2));
        List<Allocation> moved = List.of(at("press-2", 0, 6), at("press-2", 1, 6), at("press-2", 2, 4));
        fixture.givenCurrentTime(JULY_1)
                .andGiven(commissioned(
                        reserved("job-a", 16, 0, 3, held.toArray(Allocation[]::new)),
                        maintenanceOf("press-1", "job-a")))
                .when(new RebookMachineTime(ID, new JobId("job-a"), "planner-1"))
                .expectEvents(
                        new MachineTimeReleased(ID, new JobId("job-a"), held, "rescheduled"),
                        reserved("job-a", 16, 0, 3, moved.toArray(Allocation[]::new)))
                .expectResultMessagePayload(ReservationResult.reserved(moved));
    }

    @Test
    void rebookingKeepsTheTimeAlreadyUsedAndMovesOnlyTheRest() {
        fixture.givenCurrentTime(JULY_1)
                .andGiven(commissioned(
                        reserved("job-p", 20, -1, 1, at("press-1", -1, 8), at("press-2", -1, 6), at("press-1", 0, 6)),
                        maintenanceOf("press-1", "job-p")))
                .when(new RebookMachineTime(ID, new JobId("job-p"), "planner-1"))
                .expectEvents(
                        new MachineTimeReleased(ID, new JobId("job-p"), List.of(at("press-1", 0, 6)), "rescheduled"),
                        reserved("job-p", 6, -1, 1, at("press-2", 0, 6)))
                .expectResultMessagePayload(ReservationResult.reserved(
                        List.of(at("press-1", -1, 8), at("press-2", -1, 6), at("press-2", 0, 6))));
    }

    @Test
    void rebookingThatDoesNotFitIsRecordedAndTheJobKeepsItsTime() {
        Object[] history = commissioned(
                reserved("job-a", 8, 0, 1, at("press-1", 0, 8)),
                maintenanceOf("press-1", "job-a"),
                reserved("job-b", 12, 0, 1, at("press-2", 0, 6), at("press-2", 1, 6)));
        fixture.givenCurrentTime(JULY_1)
                .andGiven(history)
                .when(new RebookMachineTime(ID, new JobId("job-a"), "planner-1"))
                .expectEventsMatching(payloadsMatching(exactSequenceOf(
                        matches(event -> event instanceof MachineTimeReservationRejected rejected
                                && rejected.equals(new MachineTimeReservationRejected(
                                        ID,
                                        new JobId("job-a"),
                                        MEMBER,
                                        PRESS,
                                        8,
                                        ReservationRejection.NO_CAPACITY,
                                        rejected.reason()))
                                && rejected.reason().startsWith("rebooking: ")),
                        andNoMore())))
                .expectResultMessagePayloadMatching(refused(ReservationRejection.NO_CAPACITY));
        fixture.givenCurrentTime(JULY_1)
                .andGiven(history)
                .andGivenCommands(new RebookMachineTime(ID, new JobId("job-a"), "planner-1"))
                .when(reserve("job-a", 8, TODAY, TODAY.plusDays(1)))
                .expectNoEvents()
                .expectResultMessagePayload(ReservationResult.reserved(List.of(at("press-1", 0, 8))));
    }

    @Test
    void rebookingTimeThatNeedsNoMoveChangesNothing() {
        fixture.givenCurrentTime(JULY_1)
                .andGiven(commissioned(reserved("job-c", 6, 0, 0, at("press-2", 0, 6)), maintenanceOf("press-1")))
                .when(new RebookMachineTime(ID, new JobId("job-c"), "planner-1"))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents()
                .expectResultMessagePayload(ReservationResult.reserved(List.of(at("press-2", 0, 6))));
    }

    @Test
    void rebookingInASuspendedFactoryIsRecordedAsNotOperational() {
        fixture.givenCurrentTime(JULY_1)
                .andGiven(commissioned(reserved("job-a", 8, 0, 1, at("press-1", 0, 8)), SUSPENDED))
                .when(new RebookMachineTime(ID, new JobId("job-a"), "planner-1"))
                .expectEventsMatching(onlyRejection("job-a", 8, ReservationRejection.FACTORY_NOT_OPERATIONAL))
                .expectResultMessagePayloadMatching(refused(ReservationRejection.FACTORY_NOT_OPERATIONAL));
    }

    @Test
    void aJobWithoutTimeInTheFactoryCannotBeRebooked() {
        fixture.givenCurrentTime(JULY_1)
                .andGiven(commissioned())
                .when(new RebookMachineTime(ID, new JobId("job-9"), "planner-1"))
                .expectException(violation("reservation.unknown"))
                .expectNoEvents();
    }

    // --- helpers ---

    /** The factory's history up to commissioning (three machines), then {@code more} (arrays are spliced in). */
    private static Object[] commissioned(Object... more) {
        List<Object> history = new ArrayList<>(List.of(PROPOSED, PRESS_2, PRESS_1, DRYER_1, PASSED, COMMISSIONED));
        for (Object event : more) {
            history.addAll(event instanceof Object[] events ? Arrays.asList(events) : List.of(event));
        }
        return history.toArray();
    }

    private static Allocation at(String machineId, int day, int hours) {
        return new Allocation(machineId, TODAY.plusDays(day), hours);
    }

    private static MachineTimeReserved reserved(String job, int hours, int from, int to, Allocation... allocations) {
        return new MachineTimeReserved(
                ID,
                new JobId(job),
                MEMBER,
                PRESS,
                hours,
                TODAY.plusDays(from),
                TODAY.plusDays(to),
                List.of(allocations));
    }

    /** Maintenance started today on a machine and the listed jobs flagged (the factory does not source the flags). */
    private static Object[] maintenanceOf(String machineId, String... affectedJobs) {
        List<Object> events = new ArrayList<>();
        events.add(new MachineMaintenanceStarted(
                ID,
                machineId,
                "worn screw",
                TODAY,
                Stream.of(affectedJobs).map(JobId::new).toList(),
                "tech-1"));
        for (String job : affectedJobs) {
            events.add(new ReservationFlaggedForRescheduling(ID, new JobId(job), machineId, List.of()));
        }
        return events.toArray();
    }

    /** What the staff import records for a user who was in the factory's staff group before staff events. */
    private static FactoryStaffAssigned imported(String userId) {
        return new FactoryStaffAssigned(
                ID, userId, "staff member before staff changes were recorded", "system:staff-import");
    }

    /** The metadata of a command sent by a signed-in user. */
    private static Map<String, Object> sentBy(String userId, String... groups) {
        return Map.of(ActorMetaData.USER_ID, userId, ActorMetaData.GROUPS, List.of(groups));
    }

    private static ReserveMachineTime reserve(String job, int hours, LocalDate from, LocalDate to) {
        return reserve(job, hours, from, to, PRESS);
    }

    private static ReserveMachineTime reserve(String job, int hours, LocalDate from, LocalDate to, String type) {
        return new ReserveMachineTime(ID, new JobId(job), MEMBER, type, hours, from, to);
    }

    private static ProposeFactory propose(String commodity, List<MachinePlan> plannedMachines) {
        return new ProposeFactory(
                ID,
                "Rumah Produksi Kelapa Minahasa",
                "Sulawesi Utara",
                "Minahasa",
                commodity,
                "Koperasi Nyiur Melambai",
                plannedMachines,
                DUE,
                "officer-1");
    }

    private void expectRefusedProposal(ProposeFactory command, String message) {
        fixture.givenNoPriorActivity()
                .when(command)
                .expectException(IllegalArgumentException.class)
                .expectExceptionMessage(message)
                .expectNoEvents();
    }

    private void expectRefusedStaffChange(Object command, String message) {
        fixture.given(PROPOSED)
                .when(command)
                .expectException(IllegalArgumentException.class)
                .expectExceptionMessage(message)
                .expectNoEvents();
    }

    private void expectRefusedReservation(ReserveMachineTime command, String message) {
        fixture.givenCurrentTime(JULY_1)
                .andGiven(commissioned())
                .when(command)
                .expectException(IllegalArgumentException.class)
                .expectExceptionMessage(message)
                .expectNoEvents();
    }

    /** Exactly one event: the refusal for the job, with a reason (its wording is not the rule). */
    private static Matcher<List<Message<?>>> onlyRejection(String job, int hours, ReservationRejection rejection) {
        return onlyRejection(job, hours, PRESS, rejection);
    }

    private static Matcher<List<Message<?>>> onlyRejection(
            String job, int hours, String machineType, ReservationRejection rejection) {
        return payloadsMatching(exactSequenceOf(
                matches(event -> event instanceof MachineTimeReservationRejected rejected
                        && rejected.equals(new MachineTimeReservationRejected(
                                ID, new JobId(job), MEMBER, machineType, hours, rejection, rejected.reason()))
                        && !rejected.reason().isBlank()),
                andNoMore()));
    }

    /** The answer to the caller: not reserved, no allocations, and why. */
    private static Matcher<Object> refused(ReservationRejection rejection) {
        return matches(result -> result instanceof ReservationResult r
                && !r.reserved()
                && r.allocations().isEmpty()
                && r.rejection() == rejection
                && !r.reason().isBlank());
    }

    private static Matcher<Object> violation(String code) {
        return allOf(
                instanceOf(BusinessRuleViolation.class),
                new FeatureMatcher<Object, String>(equalTo(code), "code", "code") {
                    @Override
                    protected String featureValueOf(Object actual) {
                        return ((BusinessRuleViolation) actual).code();
                    }
                });
    }
}
