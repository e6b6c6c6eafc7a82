package org.factorysharing.command.job;

import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.instanceOf;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.factorysharing.api.factory.Allocation;
import org.factorysharing.api.factory.FactoryEvent.FactoryProposed;
import org.factorysharing.api.factory.FactoryId;
import org.factorysharing.api.factory.ReservationRejection;
import org.factorysharing.api.job.JobCommands.CancelProductionJob;
import org.factorysharing.api.job.JobCommands.JobRequestOutcome;
import org.factorysharing.api.job.JobCommands.PassQualityInspection;
import org.factorysharing.api.job.JobCommands.RecordJobOutput;
import org.factorysharing.api.job.JobCommands.RejectProductionJob;
import org.factorysharing.api.job.JobCommands.RequestProductionJob;
import org.factorysharing.api.job.JobCommands.ScheduleProductionJob;
import org.factorysharing.api.job.JobCommands.SendJobToRework;
import org.factorysharing.api.job.JobCommands.StartProductionJob;
import org.factorysharing.api.job.JobEvent.JobOutputRecorded;
import org.factorysharing.api.job.JobEvent.ProductionJobCancelled;
import org.factorysharing.api.job.JobEvent.ProductionJobCompleted;
import org.factorysharing.api.job.JobEvent.ProductionJobRejected;
import org.factorysharing.api.job.JobEvent.ProductionJobRequestRefused;
import org.factorysharing.api.job.JobEvent.ProductionJobRequested;
import org.factorysharing.api.job.JobEvent.ProductionJobRescheduled;
import org.factorysharing.api.job.JobEvent.ProductionJobScheduled;
import org.factorysharing.api.job.JobEvent.ProductionJobSentToRework;
import org.factorysharing.api.job.JobEvent.ProductionJobStarted;
import org.factorysharing.api.job.JobId;
import org.factorysharing.api.job.JobStatus;
import org.factorysharing.api.member.MemberId;
import org.factorysharing.api.shared.ActorMetaData;
import org.factorysharing.api.shared.BusinessRuleViolation;
import org.factorysharing.api.shared.NotPermitted;
import org.factorysharing.command.member.InMemoryAccountClaims;
import org.factorysharing.command.member.MemberEligibility.Refusal;
import org.hamcrest.FeatureMatcher;
import org.hamcrest.Matcher;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class ProductionJobTest {

    private static final JobId JOB = new JobId("job-1");
    private static final MemberId MEMBER = new MemberId("member-1");
    private static final FactoryId FACTORY = new FactoryId("factory-1");
    private static final String PRESS = "COCONUT_OIL_PRESS";

    /** 10:00 on 1 July 2025 in Jakarta (UTC+7). */
    private static final Instant JULY_1 = Instant.parse("2025-07-01T03:00:00Z");

    private static final LocalDate TODAY = LocalDate.of(2025, 7, 1);

    private static final ProductionJobRequested REQUESTED = new ProductionJobRequested(
            JOB,
            MEMBER,
            FACTORY,
            PRESS,
            "virgin coconut oil",
            200,
            16,
            TODAY.plusDays(1),
            TODAY.plusDays(14),
            "member-user-1");
    /** Out of day order: the planned start and end are the first and last day. */
    private static final List<Allocation> ALLOCATIONS = List.of(
            new Allocation("press-2", TODAY.plusDays(2), 6),
            new Allocation("press-1", TODAY.plusDays(1), 8),
            new Allocation("press-1", TODAY.plusDays(2), 2));

    private static final ProductionJobScheduled SCHEDULED =
            new ProductionJobScheduled(JOB, ALLOCATIONS, TODAY.plusDays(1), TODAY.plusDays(2));
    private static final ProductionJobStarted STARTED = new ProductionJobStarted(JOB, "operator-1");
    private static final JobOutputRecorded OUTPUT = new JobOutputRecorded(JOB, 180, 20, "operator-1");
    private static final ProductionJobSentToRework TO_REWORK =
            new ProductionJobSentToRework(JOB, "filter again: oil is cloudy", "qc-1");
    private static final ProductionJobCompleted COMPLETED = new ProductionJobCompleted(JOB, 180, 20, null, "qc-1");
    private static final ProductionJobRejected REJECTED =
            new ProductionJobRejected(JOB, ReservationRejection.NO_CAPACITY, "no free press time");

    /** The metadata of a command sent by an officer. */
    private static final Map<String, Object> OFFICER =
            Map.of(ActorMetaData.USER_ID, "officer-1", ActorMetaData.GROUPS, List.of("officers"));

    private final Set<String> knownFactories = Set.of(FACTORY.value());
    private final Set<MemberId> knownMembers = Set.of(MEMBER);
    private final List<String> eligibilityQuestions = new ArrayList<>();
    private Optional<Refusal> refusal = Optional.empty();
    private final InMemoryAccountClaims accounts = new InMemoryAccountClaims();
    private FixtureConfiguration<ProductionJob> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(ProductionJob.class);
        fixture.registerInjectableResource(accounts);
        fixture.registerAnnotatedCommandHandler(new ProductionJobRequests(
                fixture.getRepository(),
                (memberId, machineType, day) -> {
                    if (!knownMembers.contains(memberId)) {
                        throw new AggregateNotFoundException(memberId.value(), "no member " + memberId);
                    }
                    eligibilityQuestions.add(memberId.value() + " " + machineType + " " + day);
                    return refusal;
                },
                (id, creationEvent) -> creationEvent == FactoryProposed.class && knownFactories.contains(id),
                accounts));
    }

    // --- a member's own login cancels and requests only for its member; decided on the claim table ---

    @Test
    void aMembersLoginCancelsItsOwnJob() {
        accounts.put("member-user-1", MEMBER);
        fixture.givenCurrentTime(JULY_1)
                .andGiven(REQUESTED)
                .when(new CancelProductionJob(JOB, "order withdrawn", "member-user-1"), memberLogin("member-user-1"))
                .expectEvents(new ProductionJobCancelled(
                        JOB, FACTORY, JobStatus.REQUESTED, "order withdrawn", "member-user-1"));
    }

    @Test
    void anotherMembersJobIsAsUnknownToALogin() {
        accounts.put("member-user-2", new MemberId("member-2"));
        fixture.givenCurrentTime(JULY_1)
                .andGiven(REQUESTED)
                .when(new CancelProductionJob(JOB, "not mine", "member-user-2"), memberLogin("member-user-2"))
                .expectException(AggregateNotFoundException.class)
                .expectNoEvents();
    }

    @Test
    void aLoginLinkedToNoMemberCancelsNothing() {
        fixture.givenCurrentTime(JULY_1)
                .andGiven(REQUESTED)
                .when(new CancelProductionJob(JOB, "not mine", "member-user-3"), memberLogin("member-user-3"))
                .expectException(AggregateNotFoundException.class)
                .expectNoEvents();
    }

    @Test
    void anOfficerCancelsAnyMembersJob() {
        fixture.givenCurrentTime(JULY_1)
                .andGiven(REQUESTED)
                .when(new CancelProductionJob(JOB, "factory closed", "officer-1"), OFFICER)
                .expectEvents(
                        new ProductionJobCancelled(JOB, FACTORY, JobStatus.REQUESTED, "factory closed", "officer-1"));
    }

    @Test
    void aMembersLoginRequestsOnlyForItsOwnMember() {
        accounts.put("member-user-2", new MemberId("member-2"));
        fixture.givenCurrentTime(JULY_1)
                .when(request(PRESS, "virgin coconut oil"), memberLogin("member-user-2"))
                .expectException(NotPermitted.class)
                .expectNoEvents();
        assertEquals(List.of(), eligibilityQuestions);
        accounts.put("member-user-1", MEMBER);
        fixture.givenCurrentTime(JULY_1)
                .when(request(PRESS, "virgin coconut oil"), memberLogin("member-user-1"))
                .expectSuccessfulHandlerExecution();
    }

    @Test
    void aLoginLinkedToNoMemberRequestsNothing() {
        fixture.givenCurrentTime(JULY_1)
                .when(request(PRESS, "virgin coconut oil"), memberLogin("member-user-3"))
                .expectException(NotPermitted.class)
                .expectNoEvents();
        assertEquals(List.of(), eligibilityQuestions);
    }

    @Test
    void anOfficerRequestsForAnyMember() {
        fixture.givenCurrentTime(JULY_1)
                .when(request(PRESS, "virgin coconut oil"), OFFICER)
                .expectEvents(REQUESTED);
    }

    @Test
    void aRequestWithoutAUserIsTheSystemsAndNeedsNoLogin() {
        // no user in the metadata: a bridge or a timer sends it, and no claim is looked up
        fixture.givenCurrentTime(JULY_1)
                .when(request(PRESS, "virgin coconut oil"), Map.of())
                .expectEvents(REQUESTED);
    }

    @Test
    void aLoginThatIsAlsoAnOfficerIsNotLimitedToItsOwnMember() {
        accounts.put("member-user-2", new MemberId("member-2"));
        Map<String, Object> memberAndOfficer =
                Map.of(ActorMetaData.USER_ID, "member-user-2", ActorMetaData.GROUPS, List.of("members", "officers"));
        fixture.givenCurrentTime(JULY_1)
                .when(request(PRESS, "virgin coconut oil"), memberAndOfficer)
                .expectEvents(REQUESTED);
        fixture.givenCurrentTime(JULY_1)
                .andGiven(REQUESTED)
                .when(new CancelProductionJob(JOB, "factory closed", "member-user-2"), memberAndOfficer)
                .expectEvents(new ProductionJobCancelled(
                        JOB, FACTORY, JobStatus.REQUESTED, "factory closed", "member-user-2"));
    }

    // --- requests ---

    @Test
    void anEligibleMembersRequestIsRequestedWithStrippedText() {
        fixture.givenCurrentTime(JULY_1)
                .when(request(" " + PRESS + " ", " virgin coconut oil"))
                .expectSuccessfulHandlerExecution()
                .expectResultMessagePayload(new JobRequestOutcome(JobStatus.REQUESTED, null, null))
                .expectEvents(REQUESTED);
        assertEquals(List.of("member-1 " + PRESS + " " + TODAY), eligibilityQuestions);
    }

    @Test
    void eligibilityIsAskedForTodayInJakarta() {
        // 30 June 18:00 UTC is already 1 July in Jakarta
        fixture.givenCurrentTime(Instant.parse("2025-06-30T18:00:00Z"))
                .when(request(PRESS, "virgin coconut oil"))
                .expectSuccessfulHandlerExecution();
        assertEquals(List.of("member-1 " + PRESS + " 2025-07-01"), eligibilityQuestions);
    }

    @Test
    void aRequestOfAMemberWhoMayNotBookIsRefusedWithTheReason() {
        refusal = Optional.of(new Refusal(ReservationRejection.NOT_QUALIFIED, "no qualification for " + PRESS));

        fixture.givenCurrentTime(JULY_1)
                .when(request(PRESS, "virgin coconut oil"))
                .expectSuccessfulHandlerExecution()
                .expectResultMessagePayload(new JobRequestOutcome(
                        JobStatus.REJECTED, ReservationRejection.NOT_QUALIFIED, "no qualification for " + PRESS))
                .expectEvents(refused(ReservationRejection.NOT_QUALIFIED, "no qualification for " + PRESS));
    }

    @Test
    void aRefusedJobTakesNoFurtherCommands() {
        ProductionJobRequestRefused refused = refused(ReservationRejection.MEMBER_NOT_VERIFIED, "suspended");
        fixture.given(refused)
                .when(new ScheduleProductionJob(JOB, ALLOCATIONS))
                .expectException(violation("job.closed"))
                .expectNoEvents();
        fixture.given(refused)
                .when(new CancelProductionJob(JOB, "changed my mind", "member-user-1"))
                .expectException(violation("job.closed"))
                .expectNoEvents();
        fixture.given(refused)
                .when(new StartProductionJob(JOB, "operator-1"))
                .expectException(violation("job.not-scheduled"))
                .expectNoEvents();
    }

    @Test
    void aRequestForAnUnknownFactoryIsNotFound() {
        fixture.givenCurrentTime(JULY_1)
                .when(new RequestProductionJob(
                        JOB,
                        MEMBER,
                        new FactoryId("factory-9"),
                        PRESS,
                        "virgin coconut oil",
                        200,
                        16,
                        TODAY.plusDays(1),
                        TODAY.plusDays(14),
                        "member-user-1"))
                .expectException(AggregateNotFoundException.class)
                .expectNoEvents();
        assertEquals(List.of(), eligibilityQuestions);
    }

    @Test
    void aRequestOfAnUnknownMemberIsNotFound() {
        fixture.givenCurrentTime(JULY_1)
                .when(new RequestProductionJob(
                        JOB,
                        new MemberId("member-9"),
                        FACTORY,
                        PRESS,
                        "virgin coconut oil",
                        200,
                        16,
                        TODAY.plusDays(1),
                        TODAY.plusDays(14),
                        "member-user-1"))
                .expectException(AggregateNotFoundException.class)
                .expectNoEvents();
    }

    @Test
    void aRequestMustBeWellFormed() {
        expectRefusedRequest(
                new RequestProductionJob(JOB, null, FACTORY, PRESS, "oil", 1, 1, TODAY, TODAY, "u"),
                "memberId is required");
        expectRefusedRequest(
                new RequestProductionJob(JOB, MEMBER, null, PRESS, "oil", 1, 1, TODAY, TODAY, "u"),
                "factoryId is required");
        expectRefusedRequest(
                new RequestProductionJob(JOB, MEMBER, FACTORY, " ", "oil", 1, 1, TODAY, TODAY, "u"),
                "machineType is required");
        expectRefusedRequest(
                new RequestProductionJob(JOB, MEMBER, FACTORY, PRESS, null, 1, 1, TODAY, TODAY, "u"),
                "product is required");
        expectRefusedRequest(
                new RequestProductionJob(JOB, MEMBER, FACTORY, PRESS, "oil", 0, 1, TODAY, TODAY, "u"),
                "quantity must be at least 1");
        expectRefusedRequest(
                new RequestProductionJob(JOB, MEMBER, FACTORY, PRESS, "oil", 1, 0, TODAY, TODAY, "u"),
                "machineHours must be between 1 and 10000");
        expectRefusedRequest(
                new RequestProductionJob(JOB, MEMBER, FACTORY, PRESS, "oil", 1, 10_001, TODAY, TODAY, "u"),
                "machineHours must be between 1 and 10000");
        expectRefusedRequest(
                new RequestProductionJob(JOB, MEMBER, FACTORY, PRESS, "oil", 1, 1, null, TODAY, "u"),
                "earliestStart is required");
        expectRefusedRequest(
                new RequestProductionJob(JOB, MEMBER, FACTORY, PRESS, "oil", 1, 1, TODAY, null, "u"),
                "deadline is required");
        expectRefusedRequest(
                new RequestProductionJob(JOB, MEMBER, FACTORY, PRESS, "oil", 1, 1, TODAY, TODAY.minusDays(1), "u"),
                "deadline must not be before earliestStart");
        expectRefusedRequest(
                new RequestProductionJob(JOB, MEMBER, FACTORY, PRESS, "oil", 1, 1, TODAY, TODAY.plusDays(367), "u"),
                "the window from earliestStart to deadline must not exceed 366 days");
        assertEquals(List.of(), eligibilityQuestions);
    }

    @Test
    void aRequestMayAskForUpToTenThousandHoursWithinAYear() {
        fixture.givenCurrentTime(JULY_1)
                .when(new RequestProductionJob(
                        JOB, MEMBER, FACTORY, PRESS, "oil", 1, 10_000, TODAY, TODAY.plusDays(366), "u"))
                .expectEvents(new ProductionJobRequested(
                        JOB, MEMBER, FACTORY, PRESS, "oil", 1, 10_000, TODAY, TODAY.plusDays(366), "u"));
    }

    // --- scheduling ---

    @Test
    void aRequestedJobIsScheduledFromItsFirstToItsLastAllocatedDay() {
        fixture.given(REQUESTED)
                .when(new ScheduleProductionJob(JOB, ALLOCATIONS))
                .expectEvents(SCHEDULED);
    }

    @ParameterizedTest
    @EnumSource(
            value = JobStatus.class,
            names = {"SCHEDULED", "IN_PROGRESS", "QUALITY_CHECK", "REWORK"})
    void scheduledTimeThatMovesLaterIsARescheduling(JobStatus status) {
        List<Allocation> moved = List.of(
                new Allocation("press-2", TODAY.plusDays(3), 6),
                new Allocation("press-2", TODAY.plusDays(4), 6),
                new Allocation("press-2", TODAY.plusDays(5), 4));
        fixture.given(historyUpTo(status))
                .when(new ScheduleProductionJob(JOB, moved))
                .expectEvents(new ProductionJobRescheduled(JOB, moved, TODAY.plusDays(3), TODAY.plusDays(5)));
    }

    @Test
    void schedulingACancelledJobChangesNothing() {
        fixture.given(historyUpTo(JobStatus.CANCELLED))
                .when(new ScheduleProductionJob(JOB, ALLOCATIONS))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @ParameterizedTest
    @EnumSource(
            value = JobStatus.class,
            names = {"COMPLETED", "REJECTED"})
    void aClosedJobIsNotScheduled(JobStatus status) {
        fixture.given(historyUpTo(status))
                .when(new ScheduleProductionJob(JOB, ALLOCATIONS))
                .expectException(violation("job.closed"))
                .expectNoEvents();
    }

    @ParameterizedTest
    @NullAndEmptySource
    void schedulingNeedsAllocations(List<Allocation> allocations) {
        fixture.given(REQUESTED)
                .when(new ScheduleProductionJob(JOB, allocations))
                .expectException(IllegalArgumentException.class)
                .expectExceptionMessage("allocations must not be empty")
                .expectNoEvents();
    }

    // --- rejection by the factory ---

    @Test
    void aRequestedJobIsRejectedWhenTheFactoryHasNoTime() {
        fixture.given(REQUESTED)
                .when(new RejectProductionJob(JOB, ReservationRejection.NO_CAPACITY, " no free press time "))
                .expectEvents(REJECTED);
    }

    @ParameterizedTest
    @EnumSource(
            value = JobStatus.class,
            names = {"REJECTED", "CANCELLED"})
    void rejectingARejectedOrCancelledJobChangesNothing(JobStatus status) {
        fixture.given(historyUpTo(status))
                .when(new RejectProductionJob(JOB, ReservationRejection.NO_CAPACITY, "no free press time"))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @ParameterizedTest
    @EnumSource(
            value = JobStatus.class,
            names = {"SCHEDULED", "IN_PROGRESS", "COMPLETED"})
    void onlyARequestedJobIsRejected(JobStatus status) {
        fixture.given(historyUpTo(status))
                .when(new RejectProductionJob(JOB, ReservationRejection.NO_CAPACITY, "no free press time"))
                .expectException(violation("job.not-requested"))
                .expectNoEvents();
    }

    @Test
    void aRejectionNeedsItsKindAndReason() {
        fixture.given(REQUESTED)
                .when(new RejectProductionJob(JOB, null, "no free press time"))
                .expectException(IllegalArgumentException.class)
                .expectExceptionMessage("rejection is required")
                .expectNoEvents();
        fixture.given(REQUESTED)
                .when(new RejectProductionJob(JOB, ReservationRejection.NO_CAPACITY, " "))
                .expectException(IllegalArgumentException.class)
                .expectExceptionMessage("reason is required")
                .expectNoEvents();
    }

    // --- execution and quality ---

    @Test
    void aScheduledJobIsStarted() {
        fixture.given(REQUESTED, SCHEDULED)
                .when(new StartProductionJob(JOB, " operator-1 "))
                .expectEvents(STARTED);
    }

    @Test
    void startingAStartedJobChangesNothing() {
        fixture.given(REQUESTED, SCHEDULED, STARTED)
                .when(new StartProductionJob(JOB, "operator-2"))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @ParameterizedTest
    @EnumSource(
            value = JobStatus.class,
            names = {"REQUESTED", "QUALITY_CHECK", "REWORK", "COMPLETED", "CANCELLED"})
    void onlyAScheduledJobIsStarted(JobStatus status) {
        fixture.given(historyUpTo(status))
                .when(new StartProductionJob(JOB, "operator-1"))
                .expectException(violation("job.not-scheduled"))
                .expectNoEvents();
    }

    @Test
    void outputOfAJobInProgressGoesToQualityCheck() {
        fixture.given(REQUESTED, SCHEDULED, STARTED)
                .when(new RecordJobOutput(JOB, 180, 20, "operator-1"))
                .expectEvents(OUTPUT);
        // in quality check: it can be inspected now
        fixture.given(REQUESTED, SCHEDULED, STARTED, OUTPUT)
                .when(new PassQualityInspection(JOB, null, "qc-1"))
                .expectEvents(COMPLETED);
    }

    @ParameterizedTest
    @EnumSource(
            value = JobStatus.class,
            names = {"REQUESTED", "SCHEDULED", "QUALITY_CHECK", "COMPLETED", "CANCELLED"})
    void outputIsRecordedOnlyForAJobInProgressOrInRework(JobStatus status) {
        fixture.given(historyUpTo(status))
                .when(new RecordJobOutput(JOB, 180, 20, "operator-1"))
                .expectException(violation("job.not-running"))
                .expectNoEvents();
    }

    @Test
    void outputCountsAreNotNegativeAndARunProducesSomething() {
        Object[] inProgress = historyUpTo(JobStatus.IN_PROGRESS);
        fixture.given(inProgress)
                .when(new RecordJobOutput(JOB, -1, 20, "operator-1"))
                .expectException(IllegalArgumentException.class)
                .expectExceptionMessage("goodUnits must not be negative")
                .expectNoEvents();
        fixture.given(inProgress)
                .when(new RecordJobOutput(JOB, 180, -1, "operator-1"))
                .expectException(IllegalArgumentException.class)
                .expectExceptionMessage("rejectedUnits must not be negative")
                .expectNoEvents();
        fixture.given(inProgress)
                .when(new RecordJobOutput(JOB, 0, 0, "operator-1"))
                .expectException(IllegalArgumentException.class)
                .expectExceptionMessage("a run produces at least one unit, good or rejected")
                .expectNoEvents();
        fixture.given(inProgress)
                .when(new RecordJobOutput(JOB, 0, 200, "operator-1"))
                .expectEvents(new JobOutputRecorded(JOB, 0, 200, "operator-1"));
    }

    @Test
    void passingTheInspectionCompletesTheJobWithItsOutputAndStrippedNotes() {
        fixture.given(historyUpTo(JobStatus.QUALITY_CHECK))
                .when(new PassQualityInspection(JOB, " clear, bottled ", "qc-1"))
                .expectEvents(new ProductionJobCompleted(JOB, 180, 20, "clear, bottled", "qc-1"));
    }

    @Test
    void passingACompletedJobAgainChangesNothing() {
        fixture.given(historyUpTo(JobStatus.COMPLETED))
                .when(new PassQualityInspection(JOB, null, "qc-2"))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @ParameterizedTest
    @EnumSource(
            value = JobStatus.class,
            names = {"SCHEDULED", "IN_PROGRESS", "REWORK", "CANCELLED"})
    void onlyAJobInQualityCheckIsInspected(JobStatus status) {
        fixture.given(historyUpTo(status))
                .when(new PassQualityInspection(JOB, null, "qc-1"))
                .expectException(violation("job.not-in-quality-check"))
                .expectNoEvents();
        fixture.given(historyUpTo(status))
                .when(new SendJobToRework(JOB, "cloudy", "qc-1"))
                .expectException(violation("job.not-in-quality-check"))
                .expectNoEvents();
    }

    @Test
    void aJobInQualityCheckIsSentToReworkWithNotes() {
        fixture.given(historyUpTo(JobStatus.QUALITY_CHECK))
                .when(new SendJobToRework(JOB, " filter again: oil is cloudy ", "qc-1"))
                .expectEvents(TO_REWORK);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = " ")
    void reworkNeedsNotes(String notes) {
        fixture.given(historyUpTo(JobStatus.QUALITY_CHECK))
                .when(new SendJobToRework(JOB, notes, "qc-1"))
                .expectException(IllegalArgumentException.class)
                .expectExceptionMessage("notes is required")
                .expectNoEvents();
    }

    @Test
    void reworkOutputIsInspectedAgainAndTheLastOutputCounts() {
        JobOutputRecorded reworked = new JobOutputRecorded(JOB, 195, 5, "operator-1");
        fixture.given(historyUpTo(JobStatus.REWORK))
                .when(new RecordJobOutput(JOB, 195, 5, "operator-1"))
                .expectEvents(reworked);
        ProductionJobSentToRework again = new ProductionJobSentToRework(JOB, "still cloudy", "qc-1");
        fixture.given(historyUpTo(JobStatus.REWORK, reworked))
                .when(new SendJobToRework(JOB, "still cloudy", "qc-1"))
                .expectEvents(again);
        fixture.given(historyUpTo(JobStatus.REWORK, reworked, again, new JobOutputRecorded(JOB, 199, 1, "operator-1")))
                .when(new PassQualityInspection(JOB, null, "qc-1"))
                .expectEvents(new ProductionJobCompleted(JOB, 199, 1, null, "qc-1"));
    }

    // --- cancellation ---

    @ParameterizedTest
    @EnumSource(
            value = JobStatus.class,
            names = {"REQUESTED", "SCHEDULED", "IN_PROGRESS", "QUALITY_CHECK", "REWORK"})
    void anOpenJobCanBeCancelledAndTheCancellationSaysFromWhichState(JobStatus status) {
        fixture.given(historyUpTo(status))
                .when(new CancelProductionJob(JOB, " no longer needed ", "member-user-1"))
                .expectEvents(new ProductionJobCancelled(JOB, FACTORY, status, "no longer needed", "member-user-1"));
    }

    @Test
    void cancellingACancelledJobChangesNothing() {
        fixture.given(historyUpTo(JobStatus.CANCELLED))
                .when(new CancelProductionJob(JOB, "no longer needed", "officer-1"))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @ParameterizedTest
    @EnumSource(
            value = JobStatus.class,
            names = {"COMPLETED", "REJECTED"})
    void aCompletedOrRejectedJobCannotBeCancelled(JobStatus status) {
        fixture.given(historyUpTo(status))
                .when(new CancelProductionJob(JOB, "no longer needed", "member-user-1"))
                .expectException(violation("job.closed"))
                .expectNoEvents();
    }

    @Test
    void aCancellationNeedsAReasonAndWhoCancelled() {
        fixture.given(REQUESTED)
                .when(new CancelProductionJob(JOB, " ", "member-user-1"))
                .expectException(IllegalArgumentException.class)
                .expectExceptionMessage("reason is required")
                .expectNoEvents();
        fixture.given(REQUESTED)
                .when(new CancelProductionJob(JOB, "no longer needed", null))
                .expectException(IllegalArgumentException.class)
                .expectExceptionMessage("cancelledBy is required")
                .expectNoEvents();
    }

    // --- helpers ---

    /** The events that bring the job into {@code status} by its usual path, then {@code more}. */
    private static Object[] historyUpTo(JobStatus status, Object... more) {
        List<Object> history = new ArrayList<>(List.of(pathTo(status)));
        history.addAll(List.of(more));
        return history.toArray();
    }

    private static Object[] pathTo(JobStatus status) {
        return switch (status) {
            case REQUESTED -> new Object[] {REQUESTED};
            case SCHEDULED -> new Object[] {REQUESTED, SCHEDULED};
            case IN_PROGRESS -> new Object[] {REQUESTED, SCHEDULED, STARTED};
            case QUALITY_CHECK -> new Object[] {REQUESTED, SCHEDULED, STARTED, OUTPUT};
            case REWORK -> new Object[] {REQUESTED, SCHEDULED, STARTED, OUTPUT, TO_REWORK};
            case COMPLETED -> new Object[] {REQUESTED, SCHEDULED, STARTED, OUTPUT, COMPLETED};
            case CANCELLED ->
                new Object[] {
                    REQUESTED,
                    SCHEDULED,
                    new ProductionJobCancelled(JOB, FACTORY, JobStatus.SCHEDULED, "no longer needed", "member-user-1")
                };
            case REJECTED -> new Object[] {REQUESTED, REJECTED};
        };
    }

    private static RequestProductionJob request(String machineType, String product) {
        return new RequestProductionJob(
                JOB,
                MEMBER,
                FACTORY,
                machineType,
                product,
                200,
                16,
                TODAY.plusDays(1),
                TODAY.plusDays(14),
                "member-user-1");
    }

    /** The metadata of a command sent by a member's own login. */
    private static Map<String, Object> memberLogin(String userId) {
        return Map.of(ActorMetaData.USER_ID, userId, ActorMetaData.GROUPS, List.of("members"));
    }

    private static ProductionJobRequestRefused refused(ReservationRejection rejection, String reason) {
        return new ProductionJobRequestRefused(
                JOB,
                MEMBER,
                FACTORY,
                PRESS,
                "virgin coconut oil",
                200,
                16,
                TODAY.plusDays(1),
                TODAY.plusDays(14),
                "member-user-1",
                rejection,
                reason);
    }

    private void expectRefusedRequest(RequestProductionJob command, String message) {
        fixture.givenCurrentTime(JULY_1)
                .when(command)
                .expectException(IllegalArgumentException.class)
                .expectExceptionMessage(message)
                .expectNoEvents();
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
