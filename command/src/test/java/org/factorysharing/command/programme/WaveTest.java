package org.factorysharing.command.programme;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.factorysharing.api.factory.FactoryId;
import org.factorysharing.api.factory.FactoryStatus;
import org.factorysharing.api.programme.ApprovalStage;
import org.factorysharing.api.programme.DecisionReference;
import org.factorysharing.api.programme.KpiFigures;
import org.factorysharing.api.programme.KpiThresholds;
import org.factorysharing.api.programme.Recommendation;
import org.factorysharing.api.programme.WaveCommands.ApproveProposalStage;
import org.factorysharing.api.programme.WaveCommands.EnrolFactory;
import org.factorysharing.api.programme.WaveCommands.PlanWave;
import org.factorysharing.api.programme.WaveCommands.ProposeScaleUp;
import org.factorysharing.api.programme.WaveCommands.RecordFactoryCommissioned;
import org.factorysharing.api.programme.WaveCommands.RecordRecommendation;
import org.factorysharing.api.programme.WaveCommands.RecordStageEscalated;
import org.factorysharing.api.programme.WaveCommands.RejectProposal;
import org.factorysharing.api.programme.WaveEvent;
import org.factorysharing.api.programme.WaveEvent.FactoryCommissionedInWave;
import org.factorysharing.api.programme.WaveEvent.FactoryEnrolled;
import org.factorysharing.api.programme.WaveEvent.PilotExtended;
import org.factorysharing.api.programme.WaveEvent.ProposalRejected;
import org.factorysharing.api.programme.WaveEvent.ProposalStageApproved;
import org.factorysharing.api.programme.WaveEvent.ProposalStageEscalated;
import org.factorysharing.api.programme.WaveEvent.ScaleUpApproved;
import org.factorysharing.api.programme.WaveEvent.ScaleUpProposed;
import org.factorysharing.api.programme.WaveEvent.ScaleUpRecommended;
import org.factorysharing.api.programme.WaveEvent.WavePlanned;
import org.factorysharing.api.programme.WaveEvent.WaveStarted;
import org.factorysharing.api.programme.WaveEvent.WaveStopped;
import org.factorysharing.api.programme.WaveId;
import org.factorysharing.api.programme.WaveKind;
import org.factorysharing.api.programme.WaveStatus;
import org.factorysharing.api.region.CommodityPotential;
import org.factorysharing.api.region.RegionId;
import org.factorysharing.api.shared.BusinessRuleViolation;
import org.factorysharing.command.factory.FactoryProfiles.FactoryProfile;
import org.hamcrest.FeatureMatcher;
import org.hamcrest.Matcher;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class WaveTest {

    private static final WaveId WAVE = new WaveId("wave-2022");
    private static final WaveId OTHER_WAVE = new WaveId("wave-2023");
    private static final KpiThresholds THRESHOLDS = new KpiThresholds(0.6, 10, 20, 1000, 0.9);
    private static final KpiFigures KPIS = new KpiFigures(2, 700, 1000, 0.7, 12, 25, 1500, 26, 0.96);
    private static final DecisionReference DECISION =
            new DecisionReference("scale_up_eligibility", "scale_up_eligibility:1:42", 1);

    /** 10:00 on 1 July 2022 in Jakarta (UTC+7). */
    private static final Instant JULY_1 = Instant.parse("2022-07-01T03:00:00Z");
    /** Six months later on the programme calendar. */
    private static final Instant JANUARY_1 = Instant.parse("2023-01-01T03:00:00Z");

    private static final Instant NOW = Instant.parse("2023-01-10T03:00:00Z");

    private static final RegionId MINAHASA = RegionId.of("Sulawesi Utara", "Minahasa");
    private static final RegionId JEPARA = RegionId.of("Jawa Tengah", "Jepara");
    private static final RegionId NOWHERE = RegionId.of("Atlantis", "Deep");
    private static final CommodityPotential COCONUT = new CommodityPotential("COCONUT_OIL", 85, "BPS 2021");

    private static final FactoryId PROPOSED_FACTORY = new FactoryId("factory-1");
    private static final FactoryId SECOND_FACTORY = new FactoryId("factory-2");
    private static final FactoryId THIRD_FACTORY = new FactoryId("factory-3");
    private static final FactoryId COMMISSIONED_FACTORY = new FactoryId("factory-c");
    private static final FactoryId DECOMMISSIONED_FACTORY = new FactoryId("factory-d");
    private static final FactoryId FURNITURE_FACTORY = new FactoryId("factory-furniture");
    private static final FactoryId FACTORY_IN_NOWHERE = new FactoryId("factory-nowhere");
    private static final FactoryId UNKNOWN_FACTORY = new FactoryId("factory-unknown");

    private static final WavePlanned PLANNED =
            new WavePlanned(WAVE, "Pilot 2022", 2022, WaveKind.PILOT, 2, 6, THRESHOLDS, null, "planner-1");
    private static final FactoryEnrolled ENROLLED = enrolled(PROPOSED_FACTORY, false);
    private static final FactoryEnrolled SECOND_ENROLLED = enrolled(SECOND_FACTORY, false);
    private static final FactoryCommissionedInWave COMMISSIONED =
            new FactoryCommissionedInWave(WAVE, PROPOSED_FACTORY, JULY_1);
    private static final WaveStarted STARTED = new WaveStarted(WAVE, JULY_1, JANUARY_1);
    private static final ScaleUpRecommended RECOMMENDED = recommended(1, Recommendation.SCALE_UP);
    private static final ScaleUpProposed PROPOSED =
            new ScaleUpProposed(WAVE, 1, 1, Recommendation.SCALE_UP, Recommendation.SCALE_UP, 6, 0, null, "officer-1");
    private static final ProposalStageApproved REGIONAL_APPROVED =
            new ProposalStageApproved(WAVE, 1, ApprovalStage.REGIONAL_REVIEW, "officer-2", "regions are ready");
    private static final ProposalStageApproved PLANNING_APPROVED =
            new ProposalStageApproved(WAVE, 1, ApprovalStage.PLANNING_REVIEW, "planner-2", null);

    private final Map<FactoryId, FactoryProfile> factories = new HashMap<>();
    private final Map<RegionId, Map<String, CommodityPotential>> potentials = new HashMap<>();
    private final Map<FactoryId, WaveId> claims = new HashMap<>();
    private FixtureConfiguration<Wave> fixture;

    @BeforeEach
    void setUp() {
        profile(PROPOSED_FACTORY, FactoryStatus.PROPOSED, MINAHASA, "COCONUT_OIL");
        profile(SECOND_FACTORY, FactoryStatus.INSTALLING, MINAHASA, "COCONUT_OIL");
        profile(THIRD_FACTORY, FactoryStatus.INSPECTED, MINAHASA, "COCONUT_OIL");
        profile(COMMISSIONED_FACTORY, FactoryStatus.COMMISSIONED, MINAHASA, "COCONUT_OIL");
        profile(DECOMMISSIONED_FACTORY, FactoryStatus.DECOMMISSIONED, MINAHASA, "COCONUT_OIL");
        profile(FURNITURE_FACTORY, FactoryStatus.PROPOSED, MINAHASA, "FURNITURE");
        profile(FACTORY_IN_NOWHERE, FactoryStatus.PROPOSED, NOWHERE, "COCONUT_OIL");
        potentials.put(MINAHASA, Map.of("COCONUT_OIL", COCONUT));
        potentials.put(JEPARA, Map.of("FURNITURE", new CommodityPotential("FURNITURE", 95, "BPS 2021")));

        fixture = new AggregateTestFixture<>(Wave.class);
        fixture.registerAnnotatedCommandHandler(new WaveEnrolments(
                fixture.getRepository(),
                factoryId -> {
                    FactoryProfile profile = factories.get(factoryId);
                    if (profile == null) {
                        throw new AggregateNotFoundException(factoryId.value(), "no factory " + factoryId);
                    }
                    return profile;
                },
                (regionId, code) -> Optional.ofNullable(
                        potentials.getOrDefault(regionId, Map.of()).get(code)),
                new InMemoryClaims(),
                (id, creationEvent) -> creationEvent == WavePlanned.class && id.equals(WAVE.value())));
    }

    // --- planning ---

    @Test
    void planningAWaveRecordsItPlannedWithStrippedText() {
        fixture.givenNoPriorActivity()
                .when(new PlanWave(WAVE, " Pilot 2022 ", 2022, WaveKind.PILOT, 2, 6, THRESHOLDS, null, " planner-1"))
                .expectEvents(PLANNED)
                .expectState(wave -> assertEquals(WaveStatus.PLANNED, wave.status()));
    }

    @Test
    void aScaleUpWaveRecordsTheWaveItFollows() {
        fixture.givenNoPriorActivity()
                .when(new PlanWave(
                        OTHER_WAVE, "Scale-up 2023", 2023, WaveKind.SCALE_UP, 6, 12, THRESHOLDS, WAVE, "planner-1"))
                .expectEvents(new WavePlanned(
                        OTHER_WAVE, "Scale-up 2023", 2023, WaveKind.SCALE_UP, 6, 12, THRESHOLDS, WAVE, "planner-1"));
    }

    static Stream<Arguments> invalidPlans() {
        return Stream.of(
                Arguments.of(plan(" ", 2022, 2, 6, THRESHOLDS), "name is required"),
                Arguments.of(plan("Pilot", 1999, 2, 6, THRESHOLDS), "year must lie between 2000 and 2032"),
                Arguments.of(plan("Pilot", 2033, 2, 6, THRESHOLDS), "year must lie between 2000 and 2032"),
                Arguments.of(plan("Pilot", 2022, 0, 6, THRESHOLDS), "targetFactories must be at least 1"),
                Arguments.of(plan("Pilot", 2022, 2, 0, THRESHOLDS), "pilotMonths must be between 1 and 60"),
                Arguments.of(plan("Pilot", 2022, 2, 61, THRESHOLDS), "pilotMonths must be between 1 and 60"),
                Arguments.of(plan("Pilot", 2022, 2, 6, null), "thresholds are required"),
                Arguments.of(
                        plan("Pilot", 2022, 2, 6, new KpiThresholds(-0.1, 0, 0, 0, 0.9)),
                        "thresholds.minUtilisation must be a fraction between 0 and 1"),
                Arguments.of(
                        plan("Pilot", 2022, 2, 6, new KpiThresholds(Double.NaN, 0, 0, 0, 0.9)),
                        "thresholds.minUtilisation must be a fraction between 0 and 1"),
                Arguments.of(
                        plan("Pilot", 2022, 2, 6, new KpiThresholds(0.6, 0, 0, 0, 1.1)),
                        "thresholds.minQualityPassRate must be a fraction between 0 and 1"),
                Arguments.of(
                        plan("Pilot", 2022, 2, 6, new KpiThresholds(0.6, -1, 0, 0, 0.9)),
                        "thresholds.minMembersServed must not be negative"),
                Arguments.of(
                        plan("Pilot", 2022, 2, 6, new KpiThresholds(0.6, 0, -1, 0, 0.9)),
                        "thresholds.minJobsCompleted must not be negative"),
                Arguments.of(
                        plan("Pilot", 2022, 2, 6, new KpiThresholds(0.6, 0, 0, -1, 0.9)),
                        "thresholds.minOutputUnits must not be negative"));
    }

    @ParameterizedTest
    @MethodSource("invalidPlans")
    void aPlanIsValidatedBeforeTheWaveExists(PlanWave plan, String message) {
        fixture.givenCurrentTime(JULY_1)
                .when(plan)
                .expectException(IllegalArgumentException.class)
                .expectExceptionMessage(message)
                .expectNoEvents();
    }

    @Test
    void aWaveDoesNotFollowItself() {
        fixture.givenNoPriorActivity()
                .when(new PlanWave(WAVE, "Pilot", 2022, WaveKind.PILOT, 2, 6, THRESHOLDS, WAVE, "planner-1"))
                .expectException(IllegalArgumentException.class)
                .expectNoEvents();
    }

    /** The year of a plan lies from 2000 to ten years after today (2022 here). */
    @Test
    void boundaryPlansAreAccepted() {
        fixture.givenCurrentTime(JULY_1)
                .when(new PlanWave(
                        WAVE,
                        "Pilot",
                        2032,
                        WaveKind.PILOT,
                        1,
                        60,
                        new KpiThresholds(1.0, 0, 0, 0, 0.0),
                        null,
                        "planner-1"))
                .expectSuccessfulHandlerExecution();
    }

    // --- enrolment ---

    @Test
    void enrollingRecordsTheRegionTheCommodityAndTheRegionsPotentialForIt() {
        fixture.given(PLANNED)
                .when(enrol(PROPOSED_FACTORY, false))
                .expectEvents(ENROLLED)
                .expectState(wave -> assertEquals(WaveStatus.PLANNED, wave.status()));
        assertEquals(Map.of(PROPOSED_FACTORY, WAVE), claims);
    }

    @Test
    void enrollingACommissionedFactoryCountsItAsCommissionedNowAndStartsTheWave() {
        fixture.givenCurrentTime(JULY_1)
                .andGiven(PLANNED)
                .when(enrol(COMMISSIONED_FACTORY, false))
                .expectEvents(
                        enrolled(COMMISSIONED_FACTORY, false),
                        new FactoryCommissionedInWave(WAVE, COMMISSIONED_FACTORY, JULY_1),
                        new WaveStarted(WAVE, JULY_1, JANUARY_1))
                .expectState(wave -> assertEquals(WaveStatus.RUNNING, wave.status()));
    }

    @Test
    void aRunningWaveTakesFactoriesWithoutStartingAgain() {
        fixture.givenCurrentTime(NOW)
                .andGiven(PLANNED, ENROLLED, COMMISSIONED, STARTED)
                .when(enrol(COMMISSIONED_FACTORY, false))
                .expectEvents(
                        enrolled(COMMISSIONED_FACTORY, false),
                        new FactoryCommissionedInWave(WAVE, COMMISSIONED_FACTORY, NOW));
    }

    @Test
    void enrollingTheSameFactoryAgainChangesNothing() {
        claims.put(PROPOSED_FACTORY, WAVE);
        fixture.given(PLANNED, ENROLLED, SECOND_ENROLLED)
                .when(enrol(PROPOSED_FACTORY, false)) // beyond target by now, yet a repeat is no new enrolment
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void aFactoryBelongsToOneWaveOnly() {
        claims.put(PROPOSED_FACTORY, OTHER_WAVE);
        fixture.given(PLANNED)
                .when(enrol(PROPOSED_FACTORY, false))
                .expectException(violation("wave.factory-already-enrolled"))
                .expectExceptionMessage(Matchers.containsString("wave-2023"))
                .expectNoEvents();
        assertEquals(Map.of(PROPOSED_FACTORY, OTHER_WAVE), claims);
    }

    @Test
    void beyondTheTargetOnlyASupervisorEnrols() {
        fixture.given(PLANNED, ENROLLED, SECOND_ENROLLED)
                .when(enrol(THIRD_FACTORY, false))
                .expectException(violation("wave.beyond-target"))
                .expectNoEvents();
        assertEquals(Map.of(), claims);
    }

    @Test
    void aSupervisorEnrolsBeyondTheTargetAndThatIsRecorded() {
        fixture.given(PLANNED, ENROLLED, SECOND_ENROLLED)
                .when(new EnrolFactory(WAVE, THIRD_FACTORY, "supervisor-1", true))
                .expectEvents(new FactoryEnrolled(
                        WAVE, THIRD_FACTORY, MINAHASA.value(), "COCONUT_OIL", 85, "BPS 2021", true, "supervisor-1"));
    }

    @Test
    void aSupervisorWithinTheTargetIsNotBeyondIt() {
        fixture.given(PLANNED, ENROLLED)
                .when(new EnrolFactory(WAVE, SECOND_FACTORY, "supervisor-1", true))
                .expectEvents(new FactoryEnrolled(
                        WAVE, SECOND_FACTORY, MINAHASA.value(), "COCONUT_OIL", 85, "BPS 2021", false, "supervisor-1"));
    }

    @Test
    void aDecommissionedFactoryJoinsNoWave() {
        fixture.given(PLANNED)
                .when(enrol(DECOMMISSIONED_FACTORY, false))
                .expectException(violation("wave.factory-decommissioned"))
                .expectNoEvents();
        assertEquals(Map.of(), claims);
    }

    @Test
    void aFactoryWhoseRegionHasNoPotentialForItsCommodityJoinsNoWave() {
        fixture.given(PLANNED)
                .when(enrol(FURNITURE_FACTORY, false))
                .expectException(violation("wave.no-potential"))
                .expectNoEvents();
        assertEquals(Map.of(), claims);
    }

    @Test
    void aFactoryInAnUnknownRegionHasNoPotential() {
        fixture.given(PLANNED)
                .when(enrol(FACTORY_IN_NOWHERE, false))
                .expectException(violation("wave.no-potential"))
                .expectNoEvents();
    }

    @Test
    void anUnknownFactoryIsNotFound() {
        fixture.given(PLANNED)
                .when(enrol(UNKNOWN_FACTORY, false))
                .expectException(AggregateNotFoundException.class)
                .expectNoEvents();
        assertEquals(Map.of(), claims);
    }

    @Test
    void anUnknownWaveIsNotFound() {
        fixture.given(PLANNED)
                .when(new EnrolFactory(OTHER_WAVE, PROPOSED_FACTORY, "officer-1", false))
                .expectException(AggregateNotFoundException.class)
                .expectNoEvents();
        assertEquals(Map.of(), claims);
    }

    @Test
    void anEvaluatedWaveTakesNoMoreFactories() {
        fixture.given(PLANNED, ENROLLED, COMMISSIONED, STARTED, RECOMMENDED)
                .when(enrol(SECOND_FACTORY, true))
                .expectException(violation("wave.enrolment-closed"))
                .expectNoEvents();
    }

    @Test
    void anEndedWaveTakesNoMoreFactories() {
        fixture.given(
                        PLANNED,
                        ENROLLED,
                        COMMISSIONED,
                        STARTED,
                        RECOMMENDED,
                        PROPOSED,
                        new ProposalRejected(WAVE, 1, ApprovalStage.REGIONAL_REVIEW, "not yet", "officer-2"))
                .when(enrol(SECOND_FACTORY, true))
                .expectException(violation("wave.enrolment-closed"))
                .expectNoEvents();
        assertEquals(Map.of(), claims);
    }

    @Test
    void anExtendedWaveTakesFactoriesAgain() {
        fixture.given(
                        PLANNED,
                        ENROLLED,
                        COMMISSIONED,
                        STARTED,
                        RECOMMENDED,
                        PROPOSED,
                        REGIONAL_APPROVED,
                        PLANNING_APPROVED,
                        new PilotExtended(WAVE, 1, NOW, 1, "executive-1"))
                .when(enrol(SECOND_FACTORY, false))
                .expectEvents(SECOND_ENROLLED);
    }

    // --- commissioning ---

    @Test
    void theFirstCommissionedFactoryStartsTheWaveForItsPilotMonths() {
        fixture.given(PLANNED, ENROLLED)
                .when(new RecordFactoryCommissioned(WAVE, PROPOSED_FACTORY, JULY_1))
                .expectEvents(COMMISSIONED, STARTED)
                .expectState(wave -> assertEquals(WaveStatus.RUNNING, wave.status()));
    }

    @Test
    void pilotMonthsAreCountedOnTheProgrammeCalendar() {
        // 31 August 01:00 in Jakarta is still 30 August in UTC: six months later is 28 February in Jakarta
        Instant august31 = Instant.parse("2022-08-30T18:00:00Z");
        fixture.given(PLANNED, ENROLLED)
                .when(new RecordFactoryCommissioned(WAVE, PROPOSED_FACTORY, august31))
                .expectEvents(
                        new FactoryCommissionedInWave(WAVE, PROPOSED_FACTORY, august31),
                        new WaveStarted(WAVE, august31, Instant.parse("2023-02-27T18:00:00Z")));
    }

    @Test
    void aLaterCommissionedFactoryDoesNotRestartTheWave() {
        fixture.given(PLANNED, ENROLLED, SECOND_ENROLLED, COMMISSIONED, STARTED)
                .when(new RecordFactoryCommissioned(WAVE, SECOND_FACTORY, NOW))
                .expectEvents(new FactoryCommissionedInWave(WAVE, SECOND_FACTORY, NOW));
    }

    @Test
    void reportingACommissioningAgainChangesNothing() {
        fixture.given(PLANNED, ENROLLED, COMMISSIONED, STARTED)
                .when(new RecordFactoryCommissioned(WAVE, PROPOSED_FACTORY, NOW))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void onlyAnEnrolledFactoryCountsInTheWave() {
        fixture.given(PLANNED, ENROLLED)
                .when(new RecordFactoryCommissioned(WAVE, SECOND_FACTORY, JULY_1))
                .expectException(violation("wave.factory-not-enrolled"))
                .expectNoEvents();
    }

    // --- evaluation ---

    @Test
    void aRecommendationWhilePilotingMovesTheWaveToEvaluation() {
        fixture.given(PLANNED, ENROLLED, COMMISSIONED, STARTED)
                .when(recommend(Recommendation.SCALE_UP))
                .expectEvents(RECOMMENDED)
                .expectState(wave -> assertEquals(WaveStatus.EVALUATING, wave.status()));
    }

    @Test
    void aWaveThatHasNotStartedIsNotEvaluated() {
        fixture.given(PLANNED, ENROLLED)
                .when(recommend(Recommendation.SCALE_UP))
                .expectException(violation("wave.not-piloting"))
                .expectNoEvents();
    }

    @Test
    void aWaveIsEvaluatedOncePerPilotPeriod() {
        fixture.given(PLANNED, ENROLLED, COMMISSIONED, STARTED, RECOMMENDED)
                .when(recommend(Recommendation.SCALE_UP))
                .expectException(violation("wave.not-piloting"))
                .expectNoEvents();
    }

    @Test
    void anExtendedPilotIsEvaluatedAgain() {
        fixture.given(
                        PLANNED,
                        ENROLLED,
                        COMMISSIONED,
                        STARTED,
                        recommended(1, Recommendation.EXTEND_PILOT),
                        new ScaleUpProposed(
                                WAVE,
                                1,
                                1,
                                Recommendation.EXTEND_PILOT,
                                Recommendation.EXTEND_PILOT,
                                0,
                                3,
                                null,
                                "officer-1"),
                        REGIONAL_APPROVED,
                        PLANNING_APPROVED,
                        new PilotExtended(WAVE, 1, NOW, 1, "executive-1"))
                .when(recommend(Recommendation.SCALE_UP))
                .expectEvents(recommended(2, Recommendation.SCALE_UP));
    }

    // --- proposal ---

    @Test
    void anOfficerProposesTheRecommendedOutcome() {
        fixture.given(PLANNED, ENROLLED, COMMISSIONED, STARTED, RECOMMENDED)
                .when(new ProposeScaleUp(WAVE, Recommendation.SCALE_UP, 6, 0, " ", " officer-1 "))
                .expectEvents(PROPOSED)
                .expectState(wave -> assertEquals(WaveStatus.SCALE_UP_PROPOSED, wave.status()));
    }

    @Test
    void proposingAnotherOutcomeThanRecommendedNeedsAJustification() {
        fixture.given(PLANNED, ENROLLED, COMMISSIONED, STARTED, RECOMMENDED)
                .when(new ProposeScaleUp(WAVE, Recommendation.EXTEND_PILOT, 0, 6, "  ", "officer-1"))
                .expectException(violation("wave.justification-required"))
                .expectNoEvents();
    }

    @Test
    void anotherOutcomeWithAJustificationIsProposedWithWhatWasRecommended() {
        fixture.given(PLANNED, ENROLLED, COMMISSIONED, STARTED, RECOMMENDED)
                .when(new ProposeScaleUp(WAVE, Recommendation.EXTEND_PILOT, 0, 6, " harvest failed ", "officer-1"))
                .expectEvents(new ScaleUpProposed(
                        WAVE,
                        1,
                        1,
                        Recommendation.EXTEND_PILOT,
                        Recommendation.SCALE_UP,
                        0,
                        6,
                        "harvest failed",
                        "officer-1"));
    }

    @Test
    void figuresThatDoNotBelongToTheOutcomeAreNotRecorded() {
        fixture.given(PLANNED, ENROLLED, COMMISSIONED, STARTED, recommended(1, Recommendation.STOP))
                .when(new ProposeScaleUp(WAVE, Recommendation.STOP, 6, 3, null, "officer-1"))
                .expectEvents(new ScaleUpProposed(
                        WAVE, 1, 1, Recommendation.STOP, Recommendation.STOP, 0, 0, null, "officer-1"));
    }

    @ParameterizedTest
    @ValueSource(ints = {-1, 0})
    void aScaleUpNeedsATarget(int target) {
        fixture.given(PLANNED, ENROLLED, COMMISSIONED, STARTED, RECOMMENDED)
                .when(new ProposeScaleUp(WAVE, Recommendation.SCALE_UP, target, 0, null, "officer-1"))
                .expectException(IllegalArgumentException.class)
                .expectNoEvents();
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 25})
    void anExtensionRunsOneToTwentyFourMonths(int months) {
        fixture.given(PLANNED, ENROLLED, COMMISSIONED, STARTED, recommended(1, Recommendation.EXTEND_PILOT))
                .when(new ProposeScaleUp(WAVE, Recommendation.EXTEND_PILOT, 0, months, null, "officer-1"))
                .expectException(IllegalArgumentException.class)
                .expectNoEvents();
    }

    @Test
    void onlyAnEvaluatedWaveTakesAProposal() {
        fixture.given(PLANNED, ENROLLED, COMMISSIONED, STARTED)
                .when(new ProposeScaleUp(WAVE, Recommendation.SCALE_UP, 6, 0, "looks good", "officer-1"))
                .expectException(violation("wave.not-evaluating"))
                .expectNoEvents();
    }

    @Test
    void oneProposalIsOpenAtATime() {
        fixture.given(PLANNED, ENROLLED, COMMISSIONED, STARTED, RECOMMENDED, PROPOSED)
                .when(new ProposeScaleUp(WAVE, Recommendation.SCALE_UP, 8, 0, null, "officer-3"))
                .expectException(violation("wave.not-evaluating"))
                .expectNoEvents();
    }

    // --- approvals: order and four-eyes ---

    @Test
    void theRegionalReviewApprovesFirst() {
        fixture.given(proposed())
                .when(approve(1, ApprovalStage.REGIONAL_REVIEW, "officer-2", " regions are ready "))
                .expectEvents(REGIONAL_APPROVED)
                .expectState(wave -> assertEquals(WaveStatus.SCALE_UP_PROPOSED, wave.status()));
    }

    @Test
    void stagesAreDecidedInOrder() {
        fixture.given(proposed())
                .when(approve(1, ApprovalStage.PLANNING_REVIEW, "planner-2", null))
                .expectException(violation("wave.stage-order"))
                .expectNoEvents();
    }

    @Test
    void anApprovedStageIsNotDecidedAgainByAnotherPerson() {
        fixture.given(proposed(REGIONAL_APPROVED))
                .when(new RejectProposal(WAVE, 1, ApprovalStage.REGIONAL_REVIEW, "changed my mind", "officer-3"))
                .expectException(violation("wave.stage-order"))
                .expectNoEvents();
    }

    @Test
    void theSameApprovalAgainChangesNothing() {
        fixture.given(proposed(REGIONAL_APPROVED))
                .when(approve(1, ApprovalStage.REGIONAL_REVIEW, "officer-2", "again"))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void onlyTheOpenProposalIsDecided() {
        fixture.given(proposed())
                .when(approve(2, ApprovalStage.REGIONAL_REVIEW, "officer-2", null))
                .expectException(violation("wave.wrong-proposal"))
                .expectNoEvents();
    }

    @Test
    void withoutAProposalThereIsNothingToDecide() {
        fixture.given(PLANNED, ENROLLED, COMMISSIONED, STARTED, RECOMMENDED)
                .when(approve(1, ApprovalStage.REGIONAL_REVIEW, "officer-2", null))
                .expectException(violation("wave.no-open-proposal"))
                .expectNoEvents();
    }

    @Test
    void theProposerNeverApproves() {
        fixture.given(proposed())
                .when(approve(1, ApprovalStage.REGIONAL_REVIEW, " officer-1", null))
                .expectException(violation("wave.four-eyes"))
                .expectNoEvents();
    }

    @Test
    void theProposerNeverRejects() {
        fixture.given(proposed(REGIONAL_APPROVED))
                .when(new RejectProposal(WAVE, 1, ApprovalStage.PLANNING_REVIEW, "too ambitious", "officer-1"))
                .expectException(violation("wave.four-eyes"))
                .expectNoEvents();
    }

    @Test
    void nobodyApprovesTwoStagesOfAProposal() {
        fixture.given(proposed(REGIONAL_APPROVED))
                .when(approve(1, ApprovalStage.PLANNING_REVIEW, "officer-2", null))
                .expectException(violation("wave.four-eyes"))
                .expectNoEvents();
    }

    @Test
    void nobodyRejectsAStageAfterApprovingAnother() {
        fixture.given(proposed(REGIONAL_APPROVED, PLANNING_APPROVED))
                .when(new RejectProposal(WAVE, 1, ApprovalStage.FINAL_APPROVAL, "no budget", "planner-2"))
                .expectException(violation("wave.four-eyes"))
                .expectNoEvents();
    }

    @Test
    void anApproverOfAnEarlierProposalMayApproveTheNextOne() {
        fixture.given(
                        PLANNED,
                        ENROLLED,
                        COMMISSIONED,
                        STARTED,
                        recommended(1, Recommendation.EXTEND_PILOT),
                        new ScaleUpProposed(
                                WAVE,
                                1,
                                1,
                                Recommendation.EXTEND_PILOT,
                                Recommendation.EXTEND_PILOT,
                                0,
                                3,
                                null,
                                "officer-1"),
                        REGIONAL_APPROVED,
                        PLANNING_APPROVED,
                        new PilotExtended(WAVE, 1, NOW, 1, "executive-1"),
                        recommended(2, Recommendation.SCALE_UP),
                        new ScaleUpProposed(
                                WAVE, 2, 2, Recommendation.SCALE_UP, Recommendation.SCALE_UP, 6, 0, null, "officer-1"))
                .when(approve(2, ApprovalStage.REGIONAL_REVIEW, "officer-2", null))
                .expectEvents(new ProposalStageApproved(WAVE, 2, ApprovalStage.REGIONAL_REVIEW, "officer-2", null));
    }

    // --- rejection ---

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"  "})
    void aRejectionNeedsAReason(String reason) {
        fixture.given(proposed())
                .when(new RejectProposal(WAVE, 1, ApprovalStage.REGIONAL_REVIEW, reason, "officer-2"))
                .expectException(IllegalArgumentException.class)
                .expectNoEvents();
    }

    @Test
    void aRejectionEndsTheProposalAndTheWave() {
        fixture.given(proposed(REGIONAL_APPROVED))
                .when(new RejectProposal(WAVE, 1, ApprovalStage.PLANNING_REVIEW, " targets too low ", "planner-2"))
                .expectEvents(
                        new ProposalRejected(WAVE, 1, ApprovalStage.PLANNING_REVIEW, "targets too low", "planner-2"))
                .expectState(wave -> assertEquals(WaveStatus.REJECTED, wave.status()));
    }

    @Test
    void aRejectedProposalIsNotApprovedAfterwards() {
        fixture.given(proposed(new ProposalRejected(WAVE, 1, ApprovalStage.REGIONAL_REVIEW, "no", "officer-2")))
                .when(approve(1, ApprovalStage.REGIONAL_REVIEW, "officer-3", null))
                .expectException(violation("wave.no-open-proposal"))
                .expectNoEvents();
    }

    // --- final approval: the outcomes ---

    @Test
    void finalApprovalOfAScaleUpApprovesTheProposedTarget() {
        fixture.given(proposed(REGIONAL_APPROVED, PLANNING_APPROVED))
                .when(approve(1, ApprovalStage.FINAL_APPROVAL, "executive-1", "go"))
                .expectEvents(
                        new ProposalStageApproved(WAVE, 1, ApprovalStage.FINAL_APPROVAL, "executive-1", "go"),
                        new ScaleUpApproved(WAVE, 1, 6, "executive-1"))
                .expectState(wave -> assertEquals(WaveStatus.APPROVED, wave.status()));
    }

    @Test
    void finalApprovalOfAnExtensionRunsANewPilotPeriodFromNow() {
        fixture.givenCurrentTime(NOW)
                .andGiven(
                        PLANNED,
                        ENROLLED,
                        COMMISSIONED,
                        STARTED,
                        recommended(1, Recommendation.EXTEND_PILOT),
                        new ScaleUpProposed(
                                WAVE,
                                1,
                                1,
                                Recommendation.EXTEND_PILOT,
                                Recommendation.EXTEND_PILOT,
                                0,
                                3,
                                null,
                                "officer-1"),
                        REGIONAL_APPROVED,
                        PLANNING_APPROVED)
                .when(approve(1, ApprovalStage.FINAL_APPROVAL, "executive-1", null))
                .expectEvents(
                        new ProposalStageApproved(WAVE, 1, ApprovalStage.FINAL_APPROVAL, "executive-1", null),
                        new PilotExtended(WAVE, 1, Instant.parse("2023-04-10T03:00:00Z"), 1, "executive-1"))
                .expectState(wave -> assertEquals(WaveStatus.EXTENDED, wave.status()));
    }

    @Test
    void aSecondExtensionCountsTwo() {
        fixture.givenCurrentTime(NOW)
                .andGiven(
                        PLANNED,
                        ENROLLED,
                        COMMISSIONED,
                        STARTED,
                        recommended(1, Recommendation.EXTEND_PILOT),
                        new ScaleUpProposed(
                                WAVE,
                                1,
                                1,
                                Recommendation.EXTEND_PILOT,
                                Recommendation.EXTEND_PILOT,
                                0,
                                3,
                                null,
                                "officer-1"),
                        REGIONAL_APPROVED,
                        PLANNING_APPROVED,
                        new PilotExtended(WAVE, 1, Instant.parse("2022-10-10T03:00:00Z"), 1, "executive-1"),
                        recommended(2, Recommendation.EXTEND_PILOT),
                        new ScaleUpProposed(
                                WAVE,
                                2,
                                2,
                                Recommendation.EXTEND_PILOT,
                                Recommendation.EXTEND_PILOT,
                                0,
                                1,
                                null,
                                "officer-1"),
                        new ProposalStageApproved(WAVE, 2, ApprovalStage.REGIONAL_REVIEW, "officer-2", null),
                        new ProposalStageApproved(WAVE, 2, ApprovalStage.PLANNING_REVIEW, "planner-2", null))
                .when(approve(2, ApprovalStage.FINAL_APPROVAL, "executive-1", null))
                .expectEvents(
                        new ProposalStageApproved(WAVE, 2, ApprovalStage.FINAL_APPROVAL, "executive-1", null),
                        new PilotExtended(WAVE, 2, Instant.parse("2023-02-10T03:00:00Z"), 2, "executive-1"));
    }

    @Test
    void finalApprovalOfAStopStopsTheWave() {
        fixture.given(
                        PLANNED,
                        ENROLLED,
                        COMMISSIONED,
                        STARTED,
                        recommended(1, Recommendation.STOP),
                        new ScaleUpProposed(
                                WAVE, 1, 1, Recommendation.STOP, Recommendation.STOP, 0, 0, null, "officer-1"),
                        REGIONAL_APPROVED,
                        PLANNING_APPROVED)
                .when(approve(1, ApprovalStage.FINAL_APPROVAL, "executive-1", null))
                .expectEvents(
                        new ProposalStageApproved(WAVE, 1, ApprovalStage.FINAL_APPROVAL, "executive-1", null),
                        new WaveStopped(WAVE, 1, "executive-1"))
                .expectState(wave -> assertEquals(WaveStatus.STOPPED, wave.status()));
    }

    @Test
    void anApprovedWaveIsNotEvaluatedAgain() {
        fixture.given(proposed(
                        REGIONAL_APPROVED,
                        PLANNING_APPROVED,
                        new ProposalStageApproved(WAVE, 1, ApprovalStage.FINAL_APPROVAL, "executive-1", null),
                        new ScaleUpApproved(WAVE, 1, 6, "executive-1")))
                .when(recommend(Recommendation.SCALE_UP))
                .expectException(violation("wave.not-piloting"))
                .expectNoEvents();
    }

    // --- escalation ---

    @Test
    void anOverdueStageIsEscalated() {
        fixture.given(proposed(REGIONAL_APPROVED))
                .when(new RecordStageEscalated(WAVE, 1, ApprovalStage.PLANNING_REVIEW, "supervisors"))
                .expectEvents(new ProposalStageEscalated(WAVE, 1, ApprovalStage.PLANNING_REVIEW, "supervisors"));
    }

    @Test
    void aStageIsEscalatedOnce() {
        fixture.given(proposed(new ProposalStageEscalated(WAVE, 1, ApprovalStage.REGIONAL_REVIEW, "supervisors")))
                .when(new RecordStageEscalated(WAVE, 1, ApprovalStage.REGIONAL_REVIEW, "supervisors"))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void onlyTheCurrentStageIsEscalated() {
        fixture.given(proposed())
                .when(new RecordStageEscalated(WAVE, 1, ApprovalStage.FINAL_APPROVAL, "supervisors"))
                .expectException(violation("wave.stage-order"))
                .expectNoEvents();
    }

    @Test
    void onlyTheOpenProposalIsEscalated() {
        fixture.given(proposed())
                .when(new RecordStageEscalated(WAVE, 2, ApprovalStage.REGIONAL_REVIEW, "supervisors"))
                .expectException(violation("wave.wrong-proposal"))
                .expectNoEvents();
    }

    // --- helpers ---

    private void profile(FactoryId id, FactoryStatus status, RegionId region, String commodityCode) {
        factories.put(id, new FactoryProfile(id, status, region, commodityCode));
    }

    private static FactoryEnrolled enrolled(FactoryId factoryId, boolean beyondTarget) {
        return new FactoryEnrolled(
                WAVE, factoryId, MINAHASA.value(), "COCONUT_OIL", 85, "BPS 2021", beyondTarget, "officer-1");
    }

    private static EnrolFactory enrol(FactoryId factoryId, boolean bySupervisor) {
        return new EnrolFactory(WAVE, factoryId, " officer-1 ", bySupervisor);
    }

    private static PlanWave plan(String name, int year, int target, int months, KpiThresholds thresholds) {
        return new PlanWave(WAVE, name, year, WaveKind.PILOT, target, months, thresholds, null, "planner-1");
    }

    private static RecordRecommendation recommend(Recommendation recommendation) {
        return new RecordRecommendation(
                WAVE,
                recommendation,
                "all KPIs met",
                KPIS,
                THRESHOLDS,
                0,
                DECISION,
                4711L,
                LocalDate.of(2022, 7, 1),
                LocalDate.of(2022, 12, 31));
    }

    private static ScaleUpRecommended recommended(int evaluationNo, Recommendation recommendation) {
        return new ScaleUpRecommended(
                WAVE,
                evaluationNo,
                recommendation,
                "all KPIs met",
                KPIS,
                THRESHOLDS,
                0,
                DECISION,
                4711L,
                LocalDate.of(2022, 7, 1),
                LocalDate.of(2022, 12, 31));
    }

    private static ApproveProposalStage approve(int proposalNo, ApprovalStage stage, String by, String comment) {
        return new ApproveProposalStage(WAVE, proposalNo, stage, by, comment);
    }

    /** The wave with an open SCALE_UP proposal by officer-1, then {@code more}. */
    private static Object[] proposed(WaveEvent... more) {
        return Stream.concat(
                        Stream.of(PLANNED, ENROLLED, COMMISSIONED, STARTED, RECOMMENDED, PROPOSED), Stream.of(more))
                .toArray();
    }

    private static Matcher<Object> violation(String code) {
        return Matchers.allOf(
                Matchers.instanceOf(BusinessRuleViolation.class),
                new FeatureMatcher<Object, String>(Matchers.equalTo(code), "code", "code") {
                    @Override
                    protected String featureValueOf(Object actual) {
                        return ((BusinessRuleViolation) actual).code();
                    }
                });
    }

    /** The claim table as a map: putIfAbsent is the primary-key insert. */
    private final class InMemoryClaims implements WaveClaims {

        @Override
        public WaveId claim(FactoryId factoryId, WaveId waveId) {
            return claims.computeIfAbsent(factoryId, f -> waveId);
        }

        @Override
        public Optional<WaveId> waveOf(FactoryId factoryId) {
            return Optional.ofNullable(claims.get(factoryId));
        }
    }
}
