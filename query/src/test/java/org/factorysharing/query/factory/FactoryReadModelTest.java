package org.factorysharing.query.factory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.factorysharing.api.factory.Allocation;
import org.factorysharing.api.factory.FactoryEvent.FactoryCommissioned;
import org.factorysharing.api.factory.FactoryEvent.FactoryDecommissioned;
import org.factorysharing.api.factory.FactoryEvent.FactoryInspected;
import org.factorysharing.api.factory.FactoryEvent.FactoryProposed;
import org.factorysharing.api.factory.FactoryEvent.FactoryResumed;
import org.factorysharing.api.factory.FactoryEvent.FactorySuspended;
import org.factorysharing.api.factory.FactoryEvent.MachineInstalled;
import org.factorysharing.api.factory.FactoryEvent.MachineMaintenanceEnded;
import org.factorysharing.api.factory.FactoryEvent.MachineMaintenanceStarted;
import org.factorysharing.api.factory.FactoryEvent.MachineTimeReleased;
import org.factorysharing.api.factory.FactoryEvent.MachineTimeReserved;
import org.factorysharing.api.factory.FactoryEvent.ReservationFlaggedForRescheduling;
import org.factorysharing.api.factory.FactoryId;
import org.factorysharing.api.factory.FactoryQueries.CapacityCalendarView;
import org.factorysharing.api.factory.FactoryQueries.CapacityDayView;
import org.factorysharing.api.factory.FactoryQueries.FactoryPage;
import org.factorysharing.api.factory.FactoryQueries.FactoryView;
import org.factorysharing.api.factory.FactoryQueries.FindCapacityCalendar;
import org.factorysharing.api.factory.FactoryQueries.FindFactories;
import org.factorysharing.api.factory.FactoryQueries.FindFactory;
import org.factorysharing.api.factory.FactoryQueries.FindUtilisation;
import org.factorysharing.api.factory.FactoryQueries.MachineCalendarView;
import org.factorysharing.api.factory.FactoryQueries.MachineUtilisationView;
import org.factorysharing.api.factory.FactoryQueries.UtilisationView;
import org.factorysharing.api.factory.FactoryStatus;
import org.factorysharing.api.factory.MachinePlan;
import org.factorysharing.api.factory.MachineStatus;
import org.factorysharing.api.factory.ReservationRejection;
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
import org.factorysharing.api.job.JobQueries.FindJob;
import org.factorysharing.api.job.JobQueries.FindJobs;
import org.factorysharing.api.job.JobQueries.JobPage;
import org.factorysharing.api.job.JobQueries.JobSummaryView;
import org.factorysharing.api.job.JobQueries.JobView;
import org.factorysharing.api.job.JobStatus;
import org.factorysharing.api.member.MemberId;
import org.factorysharing.query.QueryTest;
import org.factorysharing.testing.EventFeed;
import org.factorysharing.testing.EventFeed.Aggregate;
import org.factorysharing.testing.ReadModelTables;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The factory registry, capacity calendar and job board on PostgreSQL. Events go straight into the event store
 * (as the command side would append them), so every read model is checked against facts chosen by hand.
 */
@QueryTest
class FactoryReadModelTest {

    private static final String REGISTRY = "factory-registry";
    private static final String CALENDAR = "capacity-calendar";
    private static final String JOB_BOARD = "job-board";

    private static final String PRESS = "COCONUT_OIL_PRESS";
    private static final String DRYER = "COPRA_DRYER";
    private static final LocalDate MARCH_1 = LocalDate.of(2025, 3, 1);

    @Autowired
    EventFeed feed;

    @Autowired
    ReadModelTables tables;

    @Autowired
    QueryGateway queries;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    TokenStore tokenStore;

    /** Hand-made events of aggregates that do not exist: the workflow bridges must not run processes for them. */
    @BeforeEach
    void pauseWorkflowBridges() {
        feed.pauseWorkflowBridges();
    }

    @AfterEach
    void resumeWorkflowBridgesAfterTheseFacts() {
        feed.resumeWorkflowBridgesAtHead();
    }

    // --- factory registry ---

    @Test
    void detailShowsStatusReasonLastInspectionCommissioningAndEachMachinesState() {
        Aggregate factory = factory();
        FactoryId id = new FactoryId(factory.id());
        factory.publish(at(1), proposed(id, "Rumah Produksi Kelapa Minahasa", "Sulawesi Utara"));
        Instant pressInstalled = at(2);
        factory.publish(pressInstalled, new MachineInstalled(id, "press-1", PRESS, 8, "staff-1"));
        // installed with more capacity than planned: what was installed counts
        factory.publish(at(3), new MachineInstalled(id, "press-2", PRESS, 7, "staff-1"));
        factory.publish(at(4), new FactoryInspected(id, false, "no guard rail on press-2", "officer-a"));
        Instant inspected = at(5);
        factory.publish(inspected, new FactoryInspected(id, true, null, "officer-a"));
        Instant commissioned = at(6);
        factory.publish(commissioned, new FactoryCommissioned(id, "officer-b", "officer-a"));
        factory.publish(
                at(7), new MachineMaintenanceStarted(id, "press-2", "bearing worn", day(7), List.of(), "staff-1"));
        Instant suspended = at(8);
        factory.publish(suspended, new FactorySuspended(id, "flooded", "officer-b"));
        feed.awaitCaughtUp(REGISTRY);

        FactoryView view = factory(id).orElseThrow();
        assertThat(view.status()).isEqualTo(FactoryStatus.SUSPENDED);
        assertThat(view.statusReason()).isEqualTo("flooded");
        assertThat(view.staffGroup()).isEqualTo(id.staffGroup());
        assertThat(view.lastInspection().passed()).isTrue();
        assertThat(view.lastInspection().findings()).isNull();
        assertThat(view.lastInspection().inspectedBy()).isEqualTo("officer-a");
        assertThat(view.lastInspection().inspectedAt()).isEqualTo(inspected);
        assertThat(view.commissionedBy()).isEqualTo("officer-b");
        assertThat(view.commissionedAt()).isEqualTo(commissioned);
        assertThat(view.proposedAt()).isEqualTo(at(1));
        assertThat(view.updatedAt()).isEqualTo(suspended);
        assertThat(view.machines())
                .extracting(
                        m -> m.machineId(),
                        m -> m.machineType(),
                        m -> m.capacityHoursPerDay(),
                        m -> m.status(),
                        m -> m.maintenanceReason(),
                        m -> m.installedAt())
                .containsExactly(
                        tuple("dryer-1", DRYER, 10, MachineStatus.PLANNED, null, null),
                        tuple("press-1", PRESS, 8, MachineStatus.OPERATIONAL, null, pressInstalled),
                        tuple("press-2", PRESS, 7, MachineStatus.IN_MAINTENANCE, "bearing worn", at(3)));

        factory.publish(at(9), new FactoryResumed(id, "officer-b"));
        factory.publish(at(10), new MachineMaintenanceEnded(id, "press-2", day(10), "staff-1"));
        feed.awaitCaughtUp(REGISTRY);

        FactoryView resumed = factory(id).orElseThrow();
        assertThat(resumed.status()).isEqualTo(FactoryStatus.COMMISSIONED);
        assertThat(resumed.statusReason()).isNull();
        assertThat(resumed.machines())
                .filteredOn(m -> m.machineId().equals("press-2"))
                .extracting(m -> m.status(), m -> m.maintenanceReason())
                .containsExactly(tuple(MachineStatus.OPERATIONAL, null));
    }

    @Test
    void aFailedInspectionLeavesTheFactoryInstallingWithItsFindings() {
        Aggregate factory = factory();
        FactoryId id = new FactoryId(factory.id());
        factory.publish(at(1), proposed(id, "Rumah Produksi Kopi Toraja", "Sulawesi Selatan"));
        factory.publish(at(2), new MachineInstalled(id, "dryer-1", DRYER, 10, "staff-1"));
        factory.publish(at(3), new FactoryInspected(id, false, "wiring exposed", "officer-a"));
        feed.awaitCaughtUp(REGISTRY);

        FactoryView view = factory(id).orElseThrow();
        assertThat(view.status()).isEqualTo(FactoryStatus.INSTALLING);
        assertThat(view.lastInspection().passed()).isFalse();
        assertThat(view.lastInspection().findings()).isEqualTo("wiring exposed");
    }

    @Test
    void registryCountsInstalledMachinesAndTheirCapacityFiltersAndOrdersByNameThenId() {
        String province = "Province " + UUID.randomUUID();
        FactoryId coconutB = proposedFactoryIn(province, "Kelapa B", "coconut", "COCONUT");
        FactoryId coconutA1 = proposedFactoryIn(province, "Kelapa A", "coconut", "COCONUT");
        FactoryId coconutA2 = proposedFactoryIn(province, "Kelapa A", "coconut", "COCONUT");
        FactoryId furniture = proposedFactoryIn(province, "Mebel", "furniture", "FURNITURE");
        Aggregate b = resumed(coconutB, 1);
        b.publish(at(2), new MachineInstalled(coconutB, "press-1", PRESS, 8, "staff-1"));
        b.publish(at(3), new MachineInstalled(coconutB, "press-2", PRESS, 7, "staff-1"));
        b.publish(
                at(4),
                new MachineMaintenanceStarted(coconutB, "press-2", "bearing worn", day(4), List.of(), "staff-1"));
        resumed(furniture, 1).publish(at(5), new FactoryDecommissioned(furniture, "moved", "officer-b"));
        feed.awaitCaughtUp(REGISTRY);

        FactoryPage all = queries.query(new FindFactories(null, province.toUpperCase(), null, 0, 10), FactoryPage.class)
                .join();
        List<String> nameThenId =
                List.of(coconutA1.value(), coconutA2.value()).stream().sorted().toList();
        assertThat(all.items())
                .extracting(s -> s.factoryId())
                .containsExactly(nameThenId.get(0), nameThenId.get(1), coconutB.value(), furniture.value());
        assertThat(all.totalItems()).isEqualTo(4);
        // planned machines (dryer-1 in every proposal) do not count; one in maintenance is still installed
        assertThat(all.items().get(2))
                .extracting(s -> s.machines(), s -> s.capacityHoursPerDay(), s -> s.status())
                .containsExactly(2, 15, FactoryStatus.INSTALLING);
        assertThat(all.items().get(0))
                .extracting(s -> s.machines(), s -> s.capacityHoursPerDay(), s -> s.status())
                .containsExactly(0, 0, FactoryStatus.PROPOSED);

        assertThat(queries.query(new FindFactories(null, province, "furniture", 0, 10), FactoryPage.class)
                        .join()
                        .items())
                .extracting(s -> s.factoryId(), s -> s.status())
                .containsExactly(tuple(furniture.value(), FactoryStatus.DECOMMISSIONED));
        FactoryPage secondPage = queries.query(
                        new FindFactories(FactoryStatus.PROPOSED, province, "COCONUT", 1, 1), FactoryPage.class)
                .join();
        assertThat(secondPage.items()).extracting(s -> s.factoryId()).containsExactly(nameThenId.get(1));
        assertThat(secondPage.totalItems()).isEqualTo(2);
        assertThat(secondPage.totalPages()).isEqualTo(2);
    }

    @Test
    void anUnknownFactoryHasNoDetailCalendarOrUtilisation() {
        FactoryId unknown = FactoryId.newId();

        assertThat(factory(unknown)).isEmpty();
        assertThat(calendar(unknown, MARCH_1, day(10), null)).isEmpty();
        assertThat(utilisation(unknown, MARCH_1, day(10))).isEmpty();
    }

    // --- capacity calendar and utilisation ---

    @Test
    void calendarShowsBookedFreeAndMaintenanceDaysOfEachInstalledMachine() {
        FactoryId id = calendarFactory().factoryId;
        feed.awaitCaughtUp(CALENDAR);

        CapacityCalendarView view = calendar(id, day(2), day(10), null).orElseThrow();

        assertThat(view.machines())
                .extracting(MachineCalendarView::machineId, MachineCalendarView::machineType)
                .containsExactly(tuple("dryer-1", DRYER), tuple("press-1", PRESS));
        // press-1 exists from 3 March; in maintenance 6 and 7 March (ended on the 8th, exclusive)
        assertThat(days(view, "press-1"))
                .containsExactly(
                        new CapacityDayView(day(3), 8, 8, 0, true),
                        new CapacityDayView(day(4), 8, 5, 3, true),
                        new CapacityDayView(day(5), 8, 0, 8, true),
                        new CapacityDayView(day(6), 8, 0, 0, false),
                        new CapacityDayView(day(7), 8, 0, 0, false),
                        new CapacityDayView(day(8), 8, 0, 8, true),
                        new CapacityDayView(day(9), 8, 0, 8, true),
                        new CapacityDayView(day(10), 8, 0, 8, true));
        // dryer-1 exists from 5 March; in maintenance from 9 March on, still holding a job's 5 hours there
        assertThat(days(view, "dryer-1"))
                .containsExactly(
                        new CapacityDayView(day(5), 10, 4, 6, true),
                        new CapacityDayView(day(6), 10, 0, 10, true),
                        new CapacityDayView(day(7), 10, 0, 10, true),
                        new CapacityDayView(day(8), 10, 0, 10, true),
                        new CapacityDayView(day(9), 10, 5, 0, false),
                        new CapacityDayView(day(10), 10, 0, 0, false));
    }

    @Test
    void calendarOfOneMachineTypeAndOfAFactoryWithoutMachines() {
        FactoryId id = calendarFactory().factoryId;
        Aggregate empty = factory();
        empty.publish(at(1), proposed(new FactoryId(empty.id()), "Rumah Produksi Kosong", "Bali"));
        feed.awaitCaughtUp(CALENDAR);

        CapacityCalendarView dryers = calendar(id, day(8), day(9), DRYER).orElseThrow();
        assertThat(dryers.machines()).extracting(MachineCalendarView::machineId).containsExactly("dryer-1");
        assertThat(days(dryers, "dryer-1")).extracting(CapacityDayView::day).containsExactly(day(8), day(9));

        assertThat(calendar(new FactoryId(empty.id()), day(1), day(31), null)
                        .orElseThrow()
                        .machines())
                .isEmpty();
    }

    @Test
    void utilisationSetsBookedAgainstAvailableHoursOnDaysOutsideMaintenance() {
        FactoryId id = calendarFactory().factoryId;
        feed.awaitCaughtUp(CALENDAR);

        UtilisationView view = utilisation(id, MARCH_1, day(10)).orElseThrow();

        // press-1: 3,4,5,8,9,10 March available = 6 x 8 h = 48 h; booked 8 + 5 = 13 h
        // dryer-1: 5..8 March available = 4 x 10 h = 40 h; booked 4 h (the 5 h on 9 March fall in maintenance)
        assertThat(view.machines())
                .extracting(
                        MachineUtilisationView::machineId,
                        MachineUtilisationView::availableHours,
                        MachineUtilisationView::bookedHours)
                .containsExactly(tuple("dryer-1", 40L, 4L), tuple("press-1", 48L, 13L));
        assertThat(view.machines().get(0).utilisation()).isCloseTo(0.1, within(1e-9));
        assertThat(view.machines().get(1).utilisation()).isCloseTo(13.0 / 48, within(1e-9));
        assertThat(view.availableHours()).isEqualTo(88);
        assertThat(view.bookedHours()).isEqualTo(17);
        assertThat(view.utilisation()).isCloseTo(17.0 / 88, within(1e-9));

        UtilisationView beforeInstallation = utilisation(id, LocalDate.of(2025, 2, 1), LocalDate.of(2025, 2, 28))
                .orElseThrow();
        assertThat(beforeInstallation.machines()).isEmpty();
        assertThat(beforeInstallation.availableHours()).isZero();
        assertThat(beforeInstallation.utilisation()).isZero();
    }

    // --- job board ---

    @Test
    void jobBoardFiltersByFactoryMemberAndStatusNewestFirst() {
        Jobs jobs = jobs();
        feed.awaitCaughtUp(JOB_BOARD);

        assertThat(board(jobs.factory1, null, null, 0, 10)).containsExactly(jobs.c, jobs.b, jobs.a);
        assertThat(board(null, jobs.member1, null, 0, 10)).containsExactly(jobs.e, jobs.b, jobs.a);
        // d and e were requested at the same instant: the job id decides
        assertThat(board(jobs.factory2, null, null, 0, 10)).containsExactly(jobs.d, jobs.e);
        assertThat(board(jobs.factory1, null, JobStatus.REJECTED, 0, 10)).containsExactly(jobs.c);
        assertThat(board(null, jobs.member2, JobStatus.REJECTED, 0, 10)).containsExactly(jobs.d, jobs.c);

        JobPage first = queries.query(new FindJobs(jobs.factory1, null, null, 0, 2), JobPage.class)
                .join();
        assertThat(first.items()).extracting(JobSummaryView::jobId).containsExactly(jobs.c, jobs.b);
        assertThat(first.totalItems()).isEqualTo(3);
        assertThat(first.totalPages()).isEqualTo(2);
        assertThat(board(jobs.factory1, null, null, 1, 2)).containsExactly(jobs.a);
        assertThat(first.items().get(1))
                .extracting(JobSummaryView::status, JobSummaryView::reschedulingNeeded, JobSummaryView::plannedStart)
                .containsExactly(JobStatus.SCHEDULED, true, day(6));
    }

    @Test
    void jobDetailFollowsTheLifecycleWithAllocationsOutputAndReworkNotes() {
        Jobs jobs = jobs();
        feed.awaitCaughtUp(JOB_BOARD);

        JobView a = job(jobs.a).orElseThrow();
        assertThat(a.status()).isEqualTo(JobStatus.COMPLETED);
        assertThat(a.factoryId()).isEqualTo(jobs.factory1);
        assertThat(a.memberId()).isEqualTo(jobs.member1);
        assertThat(a)
                .extracting(
                        JobView::machineType,
                        JobView::product,
                        JobView::quantity,
                        JobView::machineHours,
                        JobView::earliestStart,
                        JobView::deadline)
                .containsExactly(PRESS, "virgin coconut oil", 200, 8, day(3), day(14));
        // rescheduled: the machine time moved to press-2 and the flag was cleared
        assertThat(a.allocations()).containsExactly(new Allocation("press-2", day(5), 8));
        assertThat(a.plannedStart()).isEqualTo(day(5));
        assertThat(a.plannedEnd()).isEqualTo(day(5));
        assertThat(a.reschedulingNeeded()).isFalse();
        assertThat(a.goodUnits()).isEqualTo(12);
        assertThat(a.rejectedUnits()).isZero();
        assertThat(a.reworkNotes()).isEqualTo("seal leaks");
        assertThat(a.rejection()).isNull();
        assertThat(a.requestedBy()).isEqualTo("member-user");
        assertThat(a.requestedAt()).isEqualTo(jobs.requestedA);
        assertThat(a.updatedAt()).isEqualTo(jobs.completedA);

        JobView e = job(jobs.e).orElseThrow();
        assertThat(e.status()).isEqualTo(JobStatus.CANCELLED);
        assertThat(e.reason()).isEqualTo("member withdrew");

        assertThat(job(new JobId("job-" + UUID.randomUUID()))).isEmpty();
    }

    @Test
    void refusedAndRejectedRequestsShowTheRejectionAndReason() {
        Jobs jobs = jobs();
        feed.awaitCaughtUp(JOB_BOARD);

        JobView refused = job(jobs.c).orElseThrow();
        assertThat(refused)
                .extracting(JobView::status, JobView::rejection, JobView::reason, JobView::product)
                .containsExactly(
                        JobStatus.REJECTED,
                        ReservationRejection.NOT_QUALIFIED,
                        "no qualification for COCONUT_OIL_PRESS",
                        "virgin coconut oil");
        JobView rejected = job(jobs.d).orElseThrow();
        assertThat(rejected)
                .extracting(JobView::status, JobView::rejection, JobView::reason)
                .containsExactly(JobStatus.REJECTED, ReservationRejection.NO_CAPACITY, "only 6 of 8 hours free");
    }

    @Test
    void aMachineInMaintenanceFlagsItsJobsUntilTheyAreRescheduled() {
        Jobs jobs = jobs();
        feed.awaitCaughtUp(JOB_BOARD);

        JobView flagged = job(jobs.b).orElseThrow();
        assertThat(flagged.status()).isEqualTo(JobStatus.SCHEDULED);
        assertThat(flagged.reschedulingNeeded()).isTrue();
        assertThat(flagged.allocations()).containsExactly(new Allocation("press-1", day(6), 6));

        jobs.jobB.publish(
                at(40),
                new ProductionJobRescheduled(
                        new JobId(jobs.b), List.of(new Allocation("press-2", day(7), 6)), day(7), day(7)));
        feed.awaitCaughtUp(JOB_BOARD);

        JobView moved = job(jobs.b).orElseThrow();
        assertThat(moved.reschedulingNeeded()).isFalse();
        assertThat(moved.status()).isEqualTo(JobStatus.SCHEDULED);
        assertThat(moved.allocations()).containsExactly(new Allocation("press-2", day(7), 6));
    }

    // --- replay and redelivery ---

    @Test
    void replayRebuildsEachGroupsTablesRowForRow() {
        calendarFactory();
        jobs();
        Aggregate factory = factory();
        factory.publish(at(1), proposed(new FactoryId(factory.id()), "Rumah Produksi Replay", "Jambi"));
        factory.publish(at(2), new MachineInstalled(new FactoryId(factory.id()), "press-1", PRESS, 8, "staff-1"));

        for (String group : List.of(REGISTRY, CALENDAR, JOB_BOARD)) {
            feed.awaitCaughtUp(group);
            Map<String, List<Map<String, Object>>> before = tables.snapshot(group);
            assertThat(before.values()).allSatisfy(rows -> assertThat(rows).isNotEmpty());

            StreamingEventProcessor processor = feed.processor(group);
            feed.stop(processor);
            processor.resetTokens();
            processor.start();
            feed.awaitCaughtUp(group);

            assertThat(tables.snapshot(group)).as(group).isEqualTo(before);
        }
    }

    @Test
    void redeliveredEventsDoNotCountTwice() {
        CalendarFactory calendarFactory = calendarFactory();
        Jobs jobs = jobs();
        Aggregate factory = factory();
        factory.publish(at(1), proposed(new FactoryId(factory.id()), "Rumah Produksi Ulang", "Riau"));
        long first = feed.globalIndexOf(calendarFactory.firstEventId);

        for (String group : List.of(REGISTRY, CALENDAR, JOB_BOARD)) {
            feed.awaitCaughtUp(group);
            Map<String, List<Map<String, Object>>> before = tables.snapshot(group);

            // every event from the calendar factory's first one on is handled a second time
            StreamingEventProcessor processor = feed.processor(group);
            feed.stop(processor);
            feed.rewind(group, first - 1);
            processor.start();
            feed.awaitCaughtUp(group);

            assertThat(tables.snapshot(group)).as(group).isEqualTo(before);
        }
        CapacityCalendarView calendar =
                calendar(calendarFactory.factoryId, day(4), day(4), PRESS).orElseThrow();
        assertThat(days(calendar, "press-1")).containsExactly(new CapacityDayView(day(4), 8, 5, 3, true));
        assertThat(job(jobs.a).orElseThrow().allocations()).hasSize(1);
    }

    // --- scenarios ---

    /** A factory whose machine-time ledger is known by hand (see the calendar and utilisation tests). */
    private CalendarFactory calendarFactory() {
        Aggregate factory = factory();
        FactoryId id = new FactoryId(factory.id());
        String first = factory.publish(at(1), proposed(id, "Rumah Produksi Kalender", "Sulawesi Utara"));
        // installed at 09:00 in Jakarta on 3 and 5 March: their first calendar days
        factory.publish(jakartaMorning(3), new MachineInstalled(id, "press-1", PRESS, 8, "staff-1"));
        factory.publish(jakartaMorning(5), new MachineInstalled(id, "dryer-1", DRYER, 10, "staff-1"));
        JobId j1 = JobId.newId();
        JobId j2 = JobId.newId();
        JobId j3 = JobId.newId();
        JobId j4 = JobId.newId();
        MemberId member = MemberId.newId();
        factory.publish(
                at(6),
                new MachineTimeReserved(
                        id,
                        j1,
                        member,
                        PRESS,
                        11,
                        day(3),
                        day(14),
                        List.of(new Allocation("press-1", day(3), 8), new Allocation("press-1", day(4), 3))));
        factory.publish(
                at(7),
                new MachineTimeReserved(
                        id, j2, member, PRESS, 2, day(3), day(14), List.of(new Allocation("press-1", day(4), 2))));
        factory.publish(
                at(7),
                new MachineTimeReserved(
                        id, j2, member, DRYER, 4, day(3), day(14), List.of(new Allocation("dryer-1", day(5), 4))));
        factory.publish(
                at(8), new MachineTimeReleased(id, j2, List.of(new Allocation("press-1", day(4), 2)), "cancelled"));
        // the same job gets time on the same machine-day twice (moved there when rebooked): both count
        factory.publish(
                at(9),
                new MachineTimeReserved(
                        id, j3, member, PRESS, 1, day(3), day(14), List.of(new Allocation("press-1", day(4), 1))));
        factory.publish(
                at(10),
                new MachineTimeReserved(
                        id, j3, member, PRESS, 1, day(3), day(14), List.of(new Allocation("press-1", day(4), 1))));
        factory.publish(
                at(11),
                new MachineTimeReserved(
                        id, j4, member, DRYER, 5, day(3), day(14), List.of(new Allocation("dryer-1", day(9), 5))));
        factory.publish(at(12), new MachineMaintenanceStarted(id, "press-1", "oil leak", day(6), List.of(), "staff-1"));
        factory.publish(at(13), new MachineMaintenanceEnded(id, "press-1", day(8), "staff-1"));
        factory.publish(
                at(14), new MachineMaintenanceStarted(id, "dryer-1", "heater broken", day(9), List.of(j4), "staff-1"));
        return new CalendarFactory(id, first);
    }

    private record CalendarFactory(FactoryId factoryId, String firstEventId) {}

    /**
     * Five jobs on two factories: a (completed after rework, rescheduled once), b (scheduled, flagged),
     * c (refused: not qualified), d (rejected: no capacity) and e (cancelled); d and e share a request instant.
     */
    private Jobs jobs() {
        String run = UUID.randomUUID().toString();
        FactoryId factory1 = new FactoryId("jobs-" + run + "-1");
        FactoryId factory2 = new FactoryId("jobs-" + run + "-2");
        MemberId member1 = MemberId.newId();
        MemberId member2 = MemberId.newId();
        Aggregate flags = feed.aggregate("Factory", factory1.value());

        JobId a = new JobId("job-" + run + "-a");
        Aggregate jobA = feed.aggregate("ProductionJob", a.value());
        Instant requestedA = at(20);
        jobA.publish(requestedA, requested(a, member1, factory1));
        jobA.publish(
                at(21),
                new ProductionJobScheduled(
                        a,
                        List.of(new Allocation("press-1", day(4), 4), new Allocation("press-1", day(3), 4)),
                        day(3),
                        day(4)));
        flags.publish(
                at(22),
                new ReservationFlaggedForRescheduling(
                        factory1, a, "press-1", List.of(new Allocation("press-1", day(4), 4))));
        jobA.publish(
                at(23), new ProductionJobRescheduled(a, List.of(new Allocation("press-2", day(5), 8)), day(5), day(5)));
        jobA.publish(at(24), new ProductionJobStarted(a, "staff-1"));
        jobA.publish(at(25), new JobOutputRecorded(a, 10, 2, "staff-1"));
        jobA.publish(at(26), new ProductionJobSentToRework(a, "seal leaks", "officer-a"));
        jobA.publish(at(27), new JobOutputRecorded(a, 12, 0, "staff-1"));
        Instant completedA = at(28);
        jobA.publish(completedA, new ProductionJobCompleted(a, 12, 0, "all good", "officer-a"));

        JobId b = new JobId("job-" + run + "-b");
        Aggregate jobB = feed.aggregate("ProductionJob", b.value());
        jobB.publish(at(30), requested(b, member1, factory1));
        jobB.publish(
                at(31), new ProductionJobScheduled(b, List.of(new Allocation("press-1", day(6), 6)), day(6), day(6)));
        flags.publish(
                at(32),
                new ReservationFlaggedForRescheduling(
                        factory1, b, "press-1", List.of(new Allocation("press-1", day(6), 6))));

        JobId c = new JobId("job-" + run + "-c");
        feed.aggregate("ProductionJob", c.value())
                .publish(
                        at(33),
                        new ProductionJobRequestRefused(
                                c,
                                member2,
                                factory1,
                                PRESS,
                                "virgin coconut oil",
                                200,
                                8,
                                day(3),
                                day(14),
                                "member-user",
                                ReservationRejection.NOT_QUALIFIED,
                                "no qualification for COCONUT_OIL_PRESS"));

        JobId d = new JobId("job-" + run + "-d");
        Aggregate jobD = feed.aggregate("ProductionJob", d.value());
        jobD.publish(at(34), requested(d, member2, factory2));
        jobD.publish(at(35), new ProductionJobRejected(d, ReservationRejection.NO_CAPACITY, "only 6 of 8 hours free"));

        JobId e = new JobId("job-" + run + "-e");
        Aggregate jobE = feed.aggregate("ProductionJob", e.value());
        jobE.publish(at(34), requested(e, member1, factory2));
        jobE.publish(
                at(35), new ProductionJobScheduled(e, List.of(new Allocation("press-1", day(8), 8)), day(8), day(8)));
        jobE.publish(
                at(36), new ProductionJobCancelled(e, factory2, JobStatus.SCHEDULED, "member withdrew", "member-user"));

        return new Jobs(
                factory1.value(),
                factory2.value(),
                member1.value(),
                member2.value(),
                a.value(),
                b.value(),
                c.value(),
                d.value(),
                e.value(),
                jobB,
                requestedA,
                completedA);
    }

    private record Jobs(
            String factory1,
            String factory2,
            String member1,
            String member2,
            String a,
            String b,
            String c,
            String d,
            String e,
            Aggregate jobB,
            Instant requestedA,
            Instant completedA) {}

    private static ProductionJobRequested requested(JobId jobId, MemberId memberId, FactoryId factoryId) {
        return new ProductionJobRequested(
                jobId, memberId, factoryId, PRESS, "virgin coconut oil", 200, 8, day(3), day(14), "member-user");
    }

    private FactoryId proposedFactoryIn(String province, String name, String commodity, String commodityCode) {
        Aggregate factory = factory();
        FactoryId id = new FactoryId(factory.id());
        factory.publish(
                at(1),
                new FactoryProposed(
                        id,
                        name,
                        province,
                        "Minahasa",
                        commodity,
                        commodityCode,
                        "Koperasi Maju",
                        plan(),
                        day(20),
                        id.staffGroup(),
                        "officer-a"));
        return id;
    }

    /** Continues the event stream of a factory proposed with one event. */
    private Aggregate resumed(FactoryId factoryId, long nextSequence) {
        return feed.aggregate("Factory", factoryId.value(), nextSequence);
    }

    private static FactoryProposed proposed(FactoryId id, String name, String province) {
        return new FactoryProposed(
                id,
                name,
                province,
                "Minahasa",
                "coconut",
                "COCONUT",
                "Koperasi Maju",
                plan(),
                day(20),
                id.staffGroup(),
                "officer-a");
    }

    private static List<MachinePlan> plan() {
        return List.of(
                new MachinePlan("press-1", PRESS, 8),
                new MachinePlan("press-2", PRESS, 6),
                new MachinePlan("dryer-1", DRYER, 10));
    }

    // --- queries ---

    private Optional<FactoryView> factory(FactoryId id) {
        return queries.query(new FindFactory(id), ResponseTypes.optionalInstanceOf(FactoryView.class))
                .join();
    }

    private Optional<CapacityCalendarView> calendar(FactoryId id, LocalDate from, LocalDate to, String type) {
        return queries.query(
                        new FindCapacityCalendar(id, from, to, type),
                        ResponseTypes.optionalInstanceOf(CapacityCalendarView.class))
                .join();
    }

    private Optional<UtilisationView> utilisation(FactoryId id, LocalDate from, LocalDate to) {
        return queries.query(new FindUtilisation(id, from, to), ResponseTypes.optionalInstanceOf(UtilisationView.class))
                .join();
    }

    private Optional<JobView> job(String jobId) {
        return job(new JobId(jobId));
    }

    private Optional<JobView> job(JobId jobId) {
        return queries.query(new FindJob(jobId), ResponseTypes.optionalInstanceOf(JobView.class))
                .join();
    }

    private List<String> board(String factoryId, String memberId, JobStatus status, int page, int size) {
        return queries
                .query(new FindJobs(factoryId, memberId, status, page, size), JobPage.class)
                .join()
                .items()
                .stream()
                .map(JobSummaryView::jobId)
                .toList();
    }

    private static List<CapacityDayView> days(CapacityCalendarView view, String machineId) {
        return view.machines().stream()
                .filter(m -> m.machineId().equals(machineId))
                .findFirst()
                .orElseThrow()
                .days();
    }

    // --- event store and processors ---

    private Aggregate factory() {
        return feed.aggregate("Factory", FactoryId.newId().value());
    }

    /** A day of March 2025. */
    private static LocalDate day(int dayOfMarch) {
        return LocalDate.of(2025, 3, dayOfMarch);
    }

    /** An instant on 1 March 2025, {@code minute} minutes after midnight UTC: the order of events. */
    private static Instant at(int minute) {
        return Instant.parse("2025-03-01T00:00:00Z").plusSeconds(60L * minute);
    }

    /** 09:00 in Jakarta (UTC+7) on a day of March 2025. */
    private static Instant jakartaMorning(int dayOfMarch) {
        return Instant.parse("2025-03-01T02:00:00Z").plus(Duration.ofDays(dayOfMarch - 1));
    }
}
