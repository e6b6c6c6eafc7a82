package org.factorysharing.command.programme;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.factorysharing.api.factory.FactoryId;
import org.factorysharing.api.programme.ApprovalStage;
import org.factorysharing.api.programme.DecisionReference;
import org.factorysharing.api.programme.KpiFigures;
import org.factorysharing.api.programme.KpiThresholds;
import org.factorysharing.api.programme.Recommendation;
import org.factorysharing.api.programme.WaveCommands.ApproveEarlyEvaluation;
import org.factorysharing.api.programme.WaveCommands.DeclineEarlyEvaluation;
import org.factorysharing.api.programme.WaveCommands.RecordRecommendation;
import org.factorysharing.api.programme.WaveCommands.RequestEarlyEvaluation;
import org.factorysharing.api.programme.WaveEvent;
import org.factorysharing.api.programme.WaveEvent.EarlyEvaluationApproved;
import org.factorysharing.api.programme.WaveEvent.EarlyEvaluationDeclined;
import org.factorysharing.api.programme.WaveEvent.EarlyEvaluationRequested;
import org.factorysharing.api.programme.WaveEvent.FactoryCommissionedInWave;
import org.factorysharing.api.programme.WaveEvent.FactoryEnrolled;
import org.factorysharing.api.programme.WaveEvent.PilotExtended;
import org.factorysharing.api.programme.WaveEvent.ProposalStageApproved;
import org.factorysharing.api.programme.WaveEvent.ScaleUpProposed;
import org.factorysharing.api.programme.WaveEvent.ScaleUpRecommended;
import org.factorysharing.api.programme.WaveEvent.WavePlanned;
import org.factorysharing.api.programme.WaveEvent.WaveStarted;
import org.factorysharing.api.programme.WaveId;
import org.factorysharing.api.programme.WaveKind;
import org.factorysharing.api.programme.WaveStatus;
import org.factorysharing.api.shared.ActorMetaData;
import org.factorysharing.api.shared.BusinessRuleViolation;
import org.factorysharing.api.shared.InvalidField;
import org.factorysharing.api.shared.NotPermitted;
import org.hamcrest.FeatureMatcher;
import org.hamcrest.Matcher;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Early evaluation of a running pilot: an officer (or supervisor) asks with a reason, a supervisor other than the
 * requester approves, which ends the pilot period now, or declines with a reason; one request is open at a time, and
 * an evaluation closes it. Who acts comes with the command's metadata, as from the API and the pages.
 */
class WaveEarlyEvaluationTest {

    private static final WaveId WAVE = new WaveId("wave-2022");
    private static final KpiThresholds THRESHOLDS = new KpiThresholds(0.6, 10, 20, 1000, 0.9);
    private static final FactoryId FACTORY = new FactoryId("factory-1");

    /** 10:00 on 1 July 2022 in Jakarta (UTC+7); the pilot period runs six months. */
    private static final Instant JULY_1 = Instant.parse("2022-07-01T03:00:00Z");

    private static final Instant JANUARY_1 = Instant.parse("2023-01-01T03:00:00Z");
    private static final Instant OCTOBER_3 = Instant.parse("2022-10-03T02:30:00Z");

    private static final Map<String, ?> OFFICER = actor("officer-1", "officers");
    private static final Map<String, ?> OTHER_OFFICER = actor("officer-2", "officers");
    private static final Map<String, ?> SUPERVISOR = actor("supervisor-1", "supervisors");
    private static final Map<String, ?> OTHER_SUPERVISOR = actor("supervisor-2", "supervisors");

    private static final WavePlanned PLANNED =
            new WavePlanned(WAVE, "Pilot 2022", 2022, WaveKind.PILOT, 2, 6, THRESHOLDS, null, "planner-1");
    private static final FactoryEnrolled ENROLLED =
            new FactoryEnrolled(WAVE, FACTORY, "SULAWESI_UTARA/MINAHASA", "COCONUT", 92, "sample", false, "officer-1");
    private static final FactoryCommissionedInWave COMMISSIONED = new FactoryCommissionedInWave(WAVE, FACTORY, JULY_1);
    private static final WaveStarted STARTED = new WaveStarted(WAVE, JULY_1, JANUARY_1);
    private static final EarlyEvaluationRequested REQUESTED =
            new EarlyEvaluationRequested(WAVE, 1, "the regency's harvest ended early", "officer-1");

    private FixtureConfiguration<Wave> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Wave.class);
    }

    // --- asking ---

    @Test
    void anOfficerAsksForAnEarlyEvaluationOfARunningPilotWithTheReason() {
        fixture.given(running())
                .when(new RequestEarlyEvaluation(WAVE, "  the regency's harvest ended early "), OFFICER)
                .expectEvents(REQUESTED)
                .expectState(wave -> assertEquals(WaveStatus.RUNNING, wave.status()));
    }

    @Test
    void aSupervisorMayAskToo() {
        fixture.given(running())
                .when(new RequestEarlyEvaluation(WAVE, "budget review"), SUPERVISOR)
                .expectEvents(new EarlyEvaluationRequested(WAVE, 1, "budget review", "supervisor-1"));
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"  "})
    void aRequestNeedsAReason(String reason) {
        fixture.given(running())
                .when(new RequestEarlyEvaluation(WAVE, reason), OFFICER)
                .expectException(InvalidField.class)
                .expectExceptionMessage(Matchers.containsString("reason"))
                .expectNoEvents();
    }

    @Test
    void onlyOfficersAndSupervisorsAsk() {
        for (Map<String, ?> who : List.of(
                actor("planner-1", "planners"),
                actor("executive-1", "executives"),
                actor("auditor-1", "auditors"),
                actor("member-1", "members"),
                actor("admin", "admins"))) {
            fixture.given(running())
                    .when(new RequestEarlyEvaluation(WAVE, "why not"), who)
                    .expectException(NotPermitted.class)
                    .expectNoEvents();
        }
    }

    @Test
    void theSystemNeverAsks() {
        fixture.given(running())
                .when(new RequestEarlyEvaluation(WAVE, "timer"))
                .expectException(NotPermitted.class)
                .expectNoEvents();
    }

    @Test
    void aPlannedWaveHasNoPilotToEvaluateEarly() {
        fixture.given(PLANNED, ENROLLED)
                .when(new RequestEarlyEvaluation(WAVE, "too slow"), OFFICER)
                .expectException(violation("wave.not-running"))
                .expectNoEvents();
    }

    @Test
    void aWaveBeingEvaluatedIsNotAskedAgain() {
        fixture.given(running(recommended(1)))
                .when(new RequestEarlyEvaluation(WAVE, "again"), OFFICER)
                .expectException(violation("wave.not-running"))
                .expectNoEvents();
    }

    @Test
    void anExtendedPilotRunsAgainAndMayBeEvaluatedEarly() {
        fixture.given(running(
                        recommended(1),
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
                        new ProposalStageApproved(WAVE, 1, ApprovalStage.REGIONAL_REVIEW, "officer-2", null),
                        new ProposalStageApproved(WAVE, 1, ApprovalStage.PLANNING_REVIEW, "planner-1", null),
                        new ProposalStageApproved(WAVE, 1, ApprovalStage.FINAL_APPROVAL, "executive-1", null),
                        new PilotExtended(WAVE, 1, Instant.parse("2023-04-10T03:00:00Z"), 1, "executive-1")))
                .when(new RequestEarlyEvaluation(WAVE, "the extension already shows the answer"), OFFICER)
                .expectEvents(
                        new EarlyEvaluationRequested(WAVE, 1, "the extension already shows the answer", "officer-1"));
    }

    @Test
    void oneRequestIsOpenAtATime() {
        fixture.given(running(REQUESTED))
                .when(new RequestEarlyEvaluation(WAVE, "me too"), OTHER_OFFICER)
                .expectException(violation("wave.early-evaluation-open"))
                .expectNoEvents();
    }

    @Test
    void anApprovedRequestStaysOpenUntilTheEvaluation() {
        fixture.given(running(REQUESTED, approved(1, "supervisor-1")))
                .when(new RequestEarlyEvaluation(WAVE, "once more"), OFFICER)
                .expectException(violation("wave.early-evaluation-open"))
                .expectNoEvents();
    }

    @Test
    void afterADeclineAnotherRequestMayFollowWithTheNextNumber() {
        fixture.given(running(REQUESTED, new EarlyEvaluationDeclined(WAVE, 1, "wait for the harvest", "supervisor-1")))
                .when(new RequestEarlyEvaluation(WAVE, "the harvest is in"), OTHER_OFFICER)
                .expectEvents(new EarlyEvaluationRequested(WAVE, 2, "the harvest is in", "officer-2"));
    }

    // --- deciding ---

    @Test
    void aSupervisorApprovesAndThePilotPeriodEndsNow() {
        fixture.givenCurrentTime(OCTOBER_3)
                .andGiven(running(REQUESTED))
                .when(new ApproveEarlyEvaluation(WAVE, 1, " agreed "), SUPERVISOR)
                .expectEvents(new EarlyEvaluationApproved(WAVE, 1, "agreed", "supervisor-1", OCTOBER_3))
                .expectState(wave -> assertEquals(WaveStatus.RUNNING, wave.status()));
    }

    @Test
    void theSameApprovalAgainChangesNothing() {
        fixture.given(running(REQUESTED, approved(1, "supervisor-1")))
                .when(new ApproveEarlyEvaluation(WAVE, 1, "agreed"), SUPERVISOR)
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void anApprovedRequestIsNotDecidedAgainByAnotherSupervisor() {
        fixture.given(running(REQUESTED, approved(1, "supervisor-1")))
                .when(new DeclineEarlyEvaluation(WAVE, 1, "no"), OTHER_SUPERVISOR)
                .expectException(violation("wave.early-evaluation-decided"))
                .expectNoEvents();
    }

    @Test
    void aSupervisorDeclinesWithTheReasonAndThePilotRunsOn() {
        fixture.given(running(REQUESTED))
                .when(new DeclineEarlyEvaluation(WAVE, 1, " wait for the harvest "), SUPERVISOR)
                .expectEvents(new EarlyEvaluationDeclined(WAVE, 1, "wait for the harvest", "supervisor-1"))
                .expectState(wave -> assertEquals(WaveStatus.RUNNING, wave.status()));
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {" "})
    void aDeclineNeedsAReason(String reason) {
        fixture.given(running(REQUESTED))
                .when(new DeclineEarlyEvaluation(WAVE, 1, reason), SUPERVISOR)
                .expectException(InvalidField.class)
                .expectNoEvents();
    }

    @Test
    void onlySupervisorsDecide() {
        for (Map<String, ?> who : List.of(
                OTHER_OFFICER,
                actor("planner-1", "planners"),
                actor("executive-1", "executives"),
                actor("admin", "admins"))) {
            fixture.given(running(REQUESTED))
                    .when(new ApproveEarlyEvaluation(WAVE, 1, null), who)
                    .expectException(NotPermitted.class)
                    .expectNoEvents();
            fixture.given(running(REQUESTED))
                    .when(new DeclineEarlyEvaluation(WAVE, 1, "no"), who)
                    .expectException(NotPermitted.class)
                    .expectNoEvents();
        }
    }

    @Test
    void theRequesterNeverApprovesTheirOwnRequest() {
        fixture.given(running(new EarlyEvaluationRequested(WAVE, 1, "budget review", "supervisor-1")))
                .when(new ApproveEarlyEvaluation(WAVE, 1, "fine by me"), SUPERVISOR)
                .expectException(NotPermitted.class)
                .expectExceptionMessage(Matchers.containsString("four-eyes"))
                .expectNoEvents();
    }

    @Test
    void theRequesterNeverDeclinesTheirOwnRequestEither() {
        fixture.given(running(new EarlyEvaluationRequested(WAVE, 1, "budget review", "supervisor-1")))
                .when(new DeclineEarlyEvaluation(WAVE, 1, "changed my mind"), SUPERVISOR)
                .expectException(NotPermitted.class)
                .expectNoEvents();
    }

    @Test
    void anotherSupervisorDecidesASupervisorsRequest() {
        fixture.givenCurrentTime(OCTOBER_3)
                .andGiven(running(new EarlyEvaluationRequested(WAVE, 1, "budget review", "supervisor-1")))
                .when(new ApproveEarlyEvaluation(WAVE, 1, null), OTHER_SUPERVISOR)
                .expectEvents(new EarlyEvaluationApproved(WAVE, 1, null, "supervisor-2", OCTOBER_3));
    }

    @Test
    void withoutARequestThereIsNothingToDecide() {
        fixture.given(running())
                .when(new ApproveEarlyEvaluation(WAVE, 1, null), SUPERVISOR)
                .expectException(violation("wave.no-open-early-evaluation"))
                .expectNoEvents();
    }

    @Test
    void onlyTheOpenRequestIsDecided() {
        fixture.given(running(
                        REQUESTED,
                        new EarlyEvaluationDeclined(WAVE, 1, "wait", "supervisor-1"),
                        new EarlyEvaluationRequested(WAVE, 2, "now", "officer-1")))
                .when(new ApproveEarlyEvaluation(WAVE, 1, null), SUPERVISOR)
                .expectException(violation("wave.no-open-early-evaluation"))
                .expectNoEvents();
    }

    @Test
    void aDeclinedRequestIsNotApprovedAfterwards() {
        fixture.given(running(REQUESTED, new EarlyEvaluationDeclined(WAVE, 1, "wait", "supervisor-1")))
                .when(new ApproveEarlyEvaluation(WAVE, 1, null), OTHER_SUPERVISOR)
                .expectException(violation("wave.no-open-early-evaluation"))
                .expectNoEvents();
    }

    @Test
    void theEndOfThePilotPeriodOvertakesAnOpenRequest() {
        fixture.given(running(REQUESTED, recommended(1)))
                .when(new ApproveEarlyEvaluation(WAVE, 1, null), SUPERVISOR)
                .expectException(violation("wave.no-open-early-evaluation"))
                .expectNoEvents();
    }

    @Test
    void anApprovedEarlyEvaluationIsRecordedLikeAnyOther() {
        fixture.given(running(REQUESTED, approved(1, "supervisor-1")))
                .when(new RecordRecommendation(
                        WAVE,
                        Recommendation.SCALE_UP,
                        "Every KPI threshold was met",
                        new KpiFigures(1, 8, 800, 0.01, 1, 1, 300, 1, 1.0),
                        THRESHOLDS,
                        0,
                        new DecisionReference("scale_up_eligibility", "scale_up_eligibility:1:1", 1),
                        42L,
                        LocalDate.of(2022, 7, 1),
                        LocalDate.of(2022, 10, 3)))
                .expectEvents(recommendedOn(LocalDate.of(2022, 10, 3)))
                .expectState(wave -> assertEquals(WaveStatus.EVALUATING, wave.status()));
    }

    // --- helpers ---

    private static Map<String, ?> actor(String userId, String group) {
        return Map.of(ActorMetaData.USER_ID, userId, ActorMetaData.GROUPS, List.of(group));
    }

    /** A running pilot (started on 1 July 2022), then {@code more}. */
    private static Object[] running(WaveEvent... more) {
        return Stream.concat(Stream.of(PLANNED, ENROLLED, COMMISSIONED, STARTED), Stream.of(more))
                .toArray();
    }

    private static EarlyEvaluationApproved approved(int requestNo, String by) {
        return new EarlyEvaluationApproved(WAVE, requestNo, null, by, OCTOBER_3);
    }

    private static ScaleUpRecommended recommended(int evaluationNo) {
        return new ScaleUpRecommended(
                WAVE,
                evaluationNo,
                Recommendation.EXTEND_PILOT,
                "Utilisation below its threshold",
                KpiFigures.NONE,
                THRESHOLDS,
                0,
                new DecisionReference("scale_up_eligibility", "scale_up_eligibility:1:1", 1),
                42L,
                LocalDate.of(2022, 7, 1),
                LocalDate.of(2023, 1, 1));
    }

    private static ScaleUpRecommended recommendedOn(LocalDate periodTo) {
        return new ScaleUpRecommended(
                WAVE,
                1,
                Recommendation.SCALE_UP,
                "Every KPI threshold was met",
                new KpiFigures(1, 8, 800, 0.01, 1, 1, 300, 1, 1.0),
                THRESHOLDS,
                0,
                new DecisionReference("scale_up_eligibility", "scale_up_eligibility:1:1", 1),
                42L,
                LocalDate.of(2022, 7, 1),
                periodTo);
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
}
