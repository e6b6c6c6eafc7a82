package org.factorysharing.query.programme;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.factorysharing.api.factory.Allocation;
import org.factorysharing.api.factory.FactoryEvent.FactoryCommissioned;
import org.factorysharing.api.factory.FactoryEvent.FactoryProposed;
import org.factorysharing.api.factory.FactoryEvent.MachineInstalled;
import org.factorysharing.api.factory.FactoryEvent.MachineTimeReserved;
import org.factorysharing.api.factory.FactoryId;
import org.factorysharing.api.factory.MachinePlan;
import org.factorysharing.api.job.JobEvent.ProductionJobCompleted;
import org.factorysharing.api.job.JobEvent.ProductionJobRequested;
import org.factorysharing.api.job.JobId;
import org.factorysharing.api.member.MemberId;
import org.factorysharing.api.programme.KpiFigures;
import org.factorysharing.api.programme.KpiThresholds;
import org.factorysharing.api.programme.ProgrammeQueries.EarlyEvaluationView;
import org.factorysharing.api.programme.ProgrammeQueries.FindWave;
import org.factorysharing.api.programme.ProgrammeQueries.FindWaveKpis;
import org.factorysharing.api.programme.ProgrammeQueries.MonthlyKpiView;
import org.factorysharing.api.programme.ProgrammeQueries.WaveKpisView;
import org.factorysharing.api.programme.ProgrammeQueries.WaveView;
import org.factorysharing.api.programme.Recommendation;
import org.factorysharing.api.programme.WaveEvent.EarlyEvaluationApproved;
import org.factorysharing.api.programme.WaveEvent.EarlyEvaluationDeclined;
import org.factorysharing.api.programme.WaveEvent.EarlyEvaluationRequested;
import org.factorysharing.api.programme.WaveEvent.FactoryCommissionedInWave;
import org.factorysharing.api.programme.WaveEvent.FactoryEnrolled;
import org.factorysharing.api.programme.WaveEvent.ScaleUpRecommended;
import org.factorysharing.api.programme.WaveEvent.WavePlanned;
import org.factorysharing.api.programme.WaveEvent.WaveStarted;
import org.factorysharing.api.programme.WaveId;
import org.factorysharing.api.programme.WaveKind;
import org.factorysharing.api.shared.ProgrammeTime;
import org.factorysharing.query.QueryTest;
import org.factorysharing.testing.EventFeed;
import org.factorysharing.testing.EventFeed.Aggregate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Early evaluation in the programme read models: the requests with their decisions on the dashboard, the pilot period
 * ending on the day of the approval in the KPIs, and KPIs over a period that ends on a day the evaluation names.
 */
@QueryTest
class EarlyEvaluationReadModelTest {

    private static final String KPI = "programme-kpi";
    private static final String DASHBOARD = "programme-dashboard";
    private static final String PRESS = "COCONUT_OIL_PRESS";
    private static final KpiThresholds THRESHOLDS = new KpiThresholds(0.5, 10, 20, 1000, 0.9);

    @Autowired
    EventFeed feed;

    @Autowired
    QueryGateway queries;

    /** Hand-made events of aggregates that do not exist: the workflow bridges must not run processes for them. */
    @BeforeEach
    void pauseWorkflowBridges() {
        feed.pauseWorkflowBridges();
    }

    @AfterEach
    void resumeWorkflowBridgesAfterTheseFacts() {
        feed.resumeWorkflowBridgesAtHead();
    }

    @Test
    void theRequestsAreListedWithTheirDecisionsAndAnApprovalEndsThePilotPeriodThatDay() {
        Pilot pilot = pilot();
        pilot.wave.publish(
                jakarta(2022, 8, 1), new EarlyEvaluationRequested(pilot.waveId, 1, "harvest ended", "officer-a"));
        pilot.wave.publish(
                jakarta(2022, 8, 2), new EarlyEvaluationDeclined(pilot.waveId, 1, "wait a month", "supervisor-a"));
        pilot.wave.publish(
                jakarta(2022, 8, 9), new EarlyEvaluationRequested(pilot.waveId, 2, "the month is over", "officer-b"));
        pilot.wave.publish(
                jakarta(2022, 8, 10),
                new EarlyEvaluationApproved(pilot.waveId, 2, "agreed", "supervisor-a", jakarta(2022, 8, 10)));
        feed.awaitCaughtUp(DASHBOARD);
        feed.awaitCaughtUp(KPI);

        WaveView view = wave(pilot.waveId).orElseThrow();
        assertThat(view.earlyEvaluations())
                .extracting(
                        EarlyEvaluationView::requestNo,
                        EarlyEvaluationView::status,
                        EarlyEvaluationView::reason,
                        EarlyEvaluationView::requestedBy,
                        EarlyEvaluationView::decidedBy,
                        EarlyEvaluationView::decisionComment,
                        EarlyEvaluationView::decidedAt)
                .containsExactly(
                        tuple(
                                1,
                                "DECLINED",
                                "harvest ended",
                                "officer-a",
                                "supervisor-a",
                                "wait a month",
                                jakarta(2022, 8, 2)),
                        tuple(
                                2,
                                "APPROVED",
                                "the month is over",
                                "officer-b",
                                "supervisor-a",
                                "agreed",
                                jakarta(2022, 8, 10)));
        assertThat(view.summary().pilotEndsAt()).isEqualTo(jakarta(2022, 8, 10));

        // the pilot period now ends on 10 August: the job completed on 2 September no longer counts
        WaveKpisView kpis = kpis(new FindWaveKpis(pilot.waveId)).orElseThrow();
        assertThat(kpis.to()).isEqualTo(LocalDate.of(2022, 8, 10));
        assertThat(kpis.kpis())
                .extracting(KpiFigures::jobsCompleted, KpiFigures::outputUnits)
                .containsExactly(1, 100L);
        assertThat(kpis.months()).extracting(MonthlyKpiView::month).containsExactly("2022-07", "2022-08");
    }

    @Test
    void anOpenRequestIsOvertakenByTheEvaluationAtTheEndOfThePilotPeriod() {
        Pilot pilot = pilot();
        pilot.wave.publish(
                jakarta(2022, 9, 1), new EarlyEvaluationRequested(pilot.waveId, 1, "harvest ended", "officer-a"));
        pilot.wave.publish(
                jakarta(2022, 9, 21),
                new ScaleUpRecommended(
                        pilot.waveId,
                        1,
                        Recommendation.EXTEND_PILOT,
                        "below",
                        KpiFigures.NONE,
                        THRESHOLDS,
                        0,
                        null,
                        1,
                        LocalDate.of(2022, 7, 20),
                        LocalDate.of(2022, 9, 20)));
        feed.awaitCaughtUp(DASHBOARD);

        assertThat(wave(pilot.waveId).orElseThrow().earlyEvaluations())
                .singleElement()
                .satisfies(request -> {
                    assertThat(request.status()).isEqualTo("OVERTAKEN");
                    assertThat(request.decidedBy()).isNull();
                });
    }

    @Test
    void theKpisOfAPeriodEndOnTheDayAnEvaluationNames() {
        Pilot pilot = pilot();
        feed.awaitCaughtUp(KPI);

        WaveKpisView whole = kpis(new FindWaveKpis(pilot.waveId)).orElseThrow();
        WaveKpisView july =
                kpis(new FindWaveKpis(pilot.waveId, LocalDate.of(2022, 7, 31))).orElseThrow();

        assertThat(whole.to()).isEqualTo(LocalDate.of(2022, 9, 20));
        assertThat(whole.kpis().jobsCompleted()).isEqualTo(2);
        assertThat(july.from()).isEqualTo(LocalDate.of(2022, 7, 20));
        assertThat(july.to()).isEqualTo(LocalDate.of(2022, 7, 31));
        // 8 h a day from 20 to 31 July = 96 h available, 8 booked on 25 July; one job of 100 units on 27 July
        assertThat(july.kpis())
                .extracting(
                        KpiFigures::availableHours,
                        KpiFigures::bookedHours,
                        KpiFigures::jobsCompleted,
                        KpiFigures::outputUnits)
                .containsExactly(96L, 8L, 1, 100L);
        assertThat(july.months()).extracting(MonthlyKpiView::month).containsExactly("2022-07");
    }

    /**
     * A pilot of one factory (an 8-hour press) from 20 July to 20 September 2022 (Jakarta), with one job completed on
     * 27 July (100 units) and one on 2 September (60 units).
     */
    private Pilot pilot() {
        String run = UUID.randomUUID().toString().substring(0, 8);
        Aggregate factory = feed.aggregate("Factory", "early-" + run);
        Aggregate wave = feed.aggregate("Wave", WaveId.newId().value());
        FactoryId factoryId = new FactoryId(factory.id());
        WaveId waveId = new WaveId(wave.id());

        factory.publish(at(2022, 6, 1), proposed(factoryId));
        factory.publish(at(2022, 6, 2), new MachineInstalled(factoryId, "press-1", PRESS, 8, "staff-1"));
        wave.publish(
                at(2022, 6, 5),
                new WavePlanned(waveId, "Early " + run, 2022, WaveKind.PILOT, 1, 2, THRESHOLDS, null, "planner"));
        wave.publish(
                at(2022, 6, 6),
                new FactoryEnrolled(
                        waveId, factoryId, "SULAWESI_UTARA/MINAHASA", "COCONUT", 92, "sample", false, "officer-a"));
        factory.publish(jakarta(2022, 7, 20), new FactoryCommissioned(factoryId, "officer-b", "officer-a"));
        wave.publish(jakarta(2022, 7, 20), new FactoryCommissionedInWave(waveId, factoryId, jakarta(2022, 7, 20)));
        wave.publish(jakarta(2022, 7, 20), new WaveStarted(waveId, jakarta(2022, 7, 20), jakarta(2022, 9, 20)));
        JobId july = job(factory, factoryId, jakarta(2022, 7, 21), LocalDate.of(2022, 7, 25));
        JobId september = job(factory, factoryId, jakarta(2022, 8, 25), LocalDate.of(2022, 9, 1));
        feed.aggregate("ProductionJob", july.value(), 1)
                .publish(jakarta(2022, 7, 27), new ProductionJobCompleted(july, 100, 0, "ok", "officer-a"));
        feed.aggregate("ProductionJob", september.value(), 1)
                .publish(jakarta(2022, 9, 2), new ProductionJobCompleted(september, 60, 0, "ok", "officer-a"));
        return new Pilot(wave, waveId);
    }

    private record Pilot(Aggregate wave, WaveId waveId) {}

    /** A job of 8 hours on {@code day}, requested and reserved {@code at}. */
    private JobId job(Aggregate factory, FactoryId factoryId, Instant at, LocalDate day) {
        JobId jobId = JobId.newId();
        MemberId member = MemberId.newId();
        feed.aggregate("ProductionJob", jobId.value())
                .publish(
                        at,
                        new ProductionJobRequested(
                                jobId,
                                member,
                                factoryId,
                                PRESS,
                                "virgin coconut oil",
                                100,
                                8,
                                ProgrammeTime.dateOf(at),
                                day.plusDays(10),
                                "member-user"));
        factory.publish(
                at,
                new MachineTimeReserved(
                        factoryId,
                        jobId,
                        member,
                        PRESS,
                        8,
                        ProgrammeTime.dateOf(at),
                        day.plusDays(10),
                        List.of(new Allocation("press-1", day, 8))));
        return jobId;
    }

    private static FactoryProposed proposed(FactoryId id) {
        return new FactoryProposed(
                id,
                "Rumah Produksi " + id,
                "Sulawesi Utara",
                "Minahasa",
                "coconut",
                "COCONUT",
                "Koperasi Maju",
                List.of(new MachinePlan("press-1", PRESS, 8)),
                LocalDate.of(2022, 7, 1),
                id.staffGroup(),
                "officer-a");
    }

    private Optional<WaveKpisView> kpis(FindWaveKpis query) {
        return queries.query(query, ResponseTypes.optionalInstanceOf(WaveKpisView.class))
                .join();
    }

    private Optional<WaveView> wave(WaveId waveId) {
        return queries.query(new FindWave(waveId), ResponseTypes.optionalInstanceOf(WaveView.class))
                .join();
    }

    /** Midnight UTC of a day. */
    private static Instant at(int year, int month, int day) {
        return LocalDate.of(year, month, day).atStartOfDay().toInstant(java.time.ZoneOffset.UTC);
    }

    /** 06:00 in Jakarta on a day. */
    private static Instant jakarta(int year, int month, int day) {
        return LocalDate.of(year, month, day)
                .atTime(LocalTime.of(6, 0))
                .atZone(ProgrammeTime.ZONE)
                .toInstant();
    }
}
