package org.factorysharing.api.programme;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** Queries of the programme dashboard and KPI read models, and their answers. */
public final class ProgrammeQueries {

    private ProgrammeQueries() {}

    /** All waves, newest year first. */
    public record FindWaves() {}

    public record FindWave(WaveId waveId) {}

    /**
     * The wave's KPIs over its pilot period so far ({@code from} the start day {@code to} the end of the pilot
     * period), with the event-store position the figures include everything up to. With {@code until}, the period
     * ends on that day instead (the day an evaluation names, e.g. an early evaluation's).
     */
    public record FindWaveKpis(WaveId waveId, LocalDate until) {

        public FindWaveKpis(WaveId waveId) {
            this(waveId, null);
        }
    }

    /** {@code running}: commissioned factories neither suspended nor decommissioned. */
    public record WaveSummaryView(
            String waveId,
            String name,
            int year,
            WaveKind kind,
            WaveStatus status,
            int targetFactories,
            int enrolledFactories,
            int commissionedFactories,
            int runningFactories,
            int pilotMonths,
            Instant startedAt,
            Instant pilotEndsAt,
            int extensions) {}

    public record WaveView(
            WaveSummaryView summary,
            KpiThresholds thresholds,
            String previousWaveId,
            String nextWaveId,
            String plannedBy,
            List<WaveFactoryView> factories,
            WaveKpisView kpis,
            List<RecommendationView> recommendations,
            List<ProposalView> proposals,
            List<EarlyEvaluationView> earlyEvaluations) {}

    public record WaveFactoryView(
            String factoryId,
            String name,
            String regionId,
            String commodityCode,
            int potentialScore,
            String factoryStatus,
            boolean beyondTarget,
            String enrolledBy,
            Instant enrolledAt,
            Instant commissionedAt,
            KpiFigures kpis) {}

    /** KPIs of a wave over {@code from..to} (both null before it started), per month too. */
    public record WaveKpisView(
            String waveId,
            LocalDate from,
            LocalDate to,
            KpiFigures kpis,
            List<MonthlyKpiView> months,
            long eventPosition) {}

    /** {@code month} as {@code 2022-07}. */
    public record MonthlyKpiView(String month, KpiFigures kpis) {}

    public record RecommendationView(
            int evaluationNo,
            Recommendation recommendation,
            String reason,
            KpiFigures kpis,
            KpiThresholds thresholds,
            int extensions,
            DecisionReference decision,
            long kpiEventPosition,
            LocalDate periodFrom,
            LocalDate periodTo,
            Instant at) {}

    /** {@code status}: OPEN, APPROVED or REJECTED; {@code timeline} in order. */
    public record ProposalView(
            int proposalNo,
            int evaluationNo,
            Recommendation outcome,
            Recommendation recommended,
            int proposedTarget,
            int extensionMonths,
            String justification,
            String proposedBy,
            Instant proposedAt,
            String status,
            List<ApprovalStepView> timeline) {}

    /** One entry of a proposal's timeline: PROPOSED, APPROVED, ESCALATED, REJECTED (who, when, what, why). */
    public record ApprovalStepView(String action, ApprovalStage stage, String by, Instant at, String comment) {}

    /**
     * A request to evaluate the running pilot early: {@code status} OPEN (waiting for a supervisor), APPROVED (the
     * pilot period ended then), DECLINED, or OVERTAKEN (the pilot period ended before anyone decided).
     */
    public record EarlyEvaluationView(
            int requestNo,
            String reason,
            String requestedBy,
            Instant requestedAt,
            String status,
            String decidedBy,
            Instant decidedAt,
            String decisionComment) {}
}
