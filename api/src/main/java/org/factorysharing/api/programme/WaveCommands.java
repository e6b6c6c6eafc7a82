package org.factorysharing.api.programme;

import java.time.Instant;
import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.factorysharing.api.factory.FactoryId;

/** Commands of the programme feature: waves, their factories, evaluation and the scale-up approvals. */
public final class WaveCommands {

    private WaveCommands() {}

    /**
     * Plan a wave; {@code previousWaveId} is the wave whose approved scale-up led to this one (null for the
     * first pilot).
     */
    public record PlanWave(
            @TargetAggregateIdentifier WaveId waveId,
            String name,
            int year,
            WaveKind kind,
            int targetFactories,
            int pilotMonths,
            KpiThresholds thresholds,
            WaveId previousWaveId,
            String plannedBy) {}

    /**
     * Enrol a proposed or commissioned factory; the region's potential for the factory's commodity is looked up
     * and recorded. Beyond the target only a supervisor may enrol ({@code bySupervisor}).
     */
    public record EnrolFactory(
            @TargetAggregateIdentifier WaveId waveId, FactoryId factoryId, String enrolledBy, boolean bySupervisor) {}

    /** An enrolled factory was commissioned; the first one starts the wave and its pilot period. */
    public record RecordFactoryCommissioned(
            @TargetAggregateIdentifier WaveId waveId, FactoryId factoryId, Instant commissionedAt) {}

    /**
     * The outcome of scale_up_eligibility over the wave's KPIs for the period {@code periodFrom..periodTo},
     * with everything needed to evaluate it again: inputs, thresholds, extensions so far, decision version,
     * and the event-store position up to which the KPI figures were computed.
     */
    public record RecordRecommendation(
            @TargetAggregateIdentifier WaveId waveId,
            Recommendation recommendation,
            String reason,
            KpiFigures kpis,
            KpiThresholds thresholds,
            int extensions,
            DecisionReference decision,
            long kpiEventPosition,
            LocalDate periodFrom,
            LocalDate periodTo) {}

    /**
     * An officer proposes an outcome from the latest recommendation; a different outcome than recommended
     * needs a justification. {@code proposedTarget}: the next wave's target (SCALE_UP);
     * {@code extensionMonths}: the new pilot period (EXTEND_PILOT).
     */
    public record ProposeScaleUp(
            @TargetAggregateIdentifier WaveId waveId,
            Recommendation outcome,
            int proposedTarget,
            int extensionMonths,
            String justification,
            String proposedBy) {}

    /** Approve the current stage of the open proposal (four-eyes: not the proposer, not an approver of another stage). */
    public record ApproveProposalStage(
            @TargetAggregateIdentifier WaveId waveId,
            int proposalNo,
            ApprovalStage stage,
            String approvedBy,
            String comment) {}

    /** Reject the open proposal at its current stage; the reason is required. */
    public record RejectProposal(
            @TargetAggregateIdentifier WaveId waveId,
            int proposalNo,
            ApprovalStage stage,
            String reason,
            String rejectedBy) {}

    /** A stage went past its due date and was escalated to {@code escalatedTo} (a group). */
    public record RecordStageEscalated(
            @TargetAggregateIdentifier WaveId waveId, int proposalNo, ApprovalStage stage, String escalatedTo) {}

    /**
     * Ask to evaluate a running pilot now instead of at the end of its pilot period (officers and supervisors), with
     * the reason; one request is open at a time. The requester comes with the command's metadata.
     */
    public record RequestEarlyEvaluation(
            @TargetAggregateIdentifier WaveId waveId, String reason) {}

    /**
     * A supervisor other than the requester approves the open request {@code requestNo}: the pilot period ends now
     * and the wave is evaluated at once. The supervisor comes with the command's metadata.
     */
    public record ApproveEarlyEvaluation(
            @TargetAggregateIdentifier WaveId waveId, int requestNo, String comment) {}

    /** A supervisor other than the requester declines the open request, with the reason; the pilot runs on. */
    public record DeclineEarlyEvaluation(
            @TargetAggregateIdentifier WaveId waveId, int requestNo, String reason) {}
}
