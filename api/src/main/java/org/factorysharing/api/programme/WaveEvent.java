package org.factorysharing.api.programme;

import java.time.Instant;
import java.time.LocalDate;
import org.axonframework.serialization.Revision;
import org.factorysharing.api.factory.FactoryId;

/** Everything that can happen to a programme wave; sealed so a switch is checked. */
public sealed interface WaveEvent {

    WaveId waveId();

    @Revision("1")
    record WavePlanned(
            WaveId waveId,
            String name,
            int year,
            WaveKind kind,
            int targetFactories,
            int pilotMonths,
            KpiThresholds thresholds,
            WaveId previousWaveId,
            String plannedBy)
            implements WaveEvent {}

    /** Records the region's potential score for the factory's commodity at the time of enrolment. */
    @Revision("1")
    record FactoryEnrolled(
            WaveId waveId,
            FactoryId factoryId,
            String regionId,
            String commodityCode,
            int potentialScore,
            String potentialSource,
            boolean beyondTarget,
            String enrolledBy)
            implements WaveEvent {}

    @Revision("1")
    record FactoryCommissionedInWave(WaveId waveId, FactoryId factoryId, Instant commissionedAt) implements WaveEvent {}

    /** The first factory was commissioned: the pilot period runs from {@code startedAt} to {@code pilotEndsAt}. */
    @Revision("1")
    record WaveStarted(WaveId waveId, Instant startedAt, Instant pilotEndsAt) implements WaveEvent {}

    /** See {@link WaveCommands.RecordRecommendation}; {@code evaluationNo} counts the wave's evaluations. */
    @Revision("1")
    record ScaleUpRecommended(
            WaveId waveId,
            int evaluationNo,
            Recommendation recommendation,
            String reason,
            KpiFigures kpis,
            KpiThresholds thresholds,
            int extensions,
            DecisionReference decision,
            long kpiEventPosition,
            LocalDate periodFrom,
            LocalDate periodTo)
            implements WaveEvent {}

    @Revision("1")
    record ScaleUpProposed(
            WaveId waveId,
            int proposalNo,
            int evaluationNo,
            Recommendation outcome,
            Recommendation recommended,
            int proposedTarget,
            int extensionMonths,
            String justification,
            String proposedBy)
            implements WaveEvent {}

    @Revision("1")
    record ProposalStageApproved(WaveId waveId, int proposalNo, ApprovalStage stage, String approvedBy, String comment)
            implements WaveEvent {}

    @Revision("1")
    record ProposalStageEscalated(WaveId waveId, int proposalNo, ApprovalStage stage, String escalatedTo)
            implements WaveEvent {}

    /** The proposal ends at {@code stage} with the reason; the wave is REJECTED. */
    @Revision("1")
    record ProposalRejected(WaveId waveId, int proposalNo, ApprovalStage stage, String reason, String rejectedBy)
            implements WaveEvent {}

    /** Final approval of a SCALE_UP proposal: the next wave is planned with {@code approvedTarget}. */
    @Revision("1")
    record ScaleUpApproved(WaveId waveId, int proposalNo, int approvedTarget, String approvedBy) implements WaveEvent {}

    /** Final approval of an EXTEND_PILOT proposal: a new pilot period runs until {@code pilotEndsAt}. */
    @Revision("1")
    record PilotExtended(WaveId waveId, int proposalNo, Instant pilotEndsAt, int extensions, String approvedBy)
            implements WaveEvent {}

    /** Final approval of a STOP proposal. */
    @Revision("1")
    record WaveStopped(WaveId waveId, int proposalNo, String approvedBy) implements WaveEvent {}

    /** Someone asked to evaluate the running pilot before its period ends; {@code requestNo} counts the requests. */
    @Revision("1")
    record EarlyEvaluationRequested(WaveId waveId, int requestNo, String reason, String requestedBy)
            implements WaveEvent {}

    /** A supervisor approved the request: the pilot period ends at {@code pilotEndsAt} and the wave is evaluated. */
    @Revision("1")
    record EarlyEvaluationApproved(WaveId waveId, int requestNo, String comment, String approvedBy, Instant pilotEndsAt)
            implements WaveEvent {}

    /** A supervisor declined the request with the reason; the pilot runs until the end of its period. */
    @Revision("1")
    record EarlyEvaluationDeclined(WaveId waveId, int requestNo, String reason, String declinedBy)
            implements WaveEvent {}
}
