package org.factorysharing.api.programme;

import java.time.Instant;

/** The versions of the scale_up_eligibility decision table, and auditors' re-evaluation of a recommendation. */
public final class DecisionQueries {

    private DecisionQueries() {}

    /** Deployed versions of scale_up_eligibility, newest first. */
    public record FindDecisionVersions() {}

    /** A deployed version of the table. */
    public record DecisionVersionView(
            String decisionKey, String decisionDefinitionId, int version, String deployment, Instant deployedAt) {}

    /**
     * Evaluate a recorded recommendation again, from its event, with the decision version and inputs it recorded;
     * nothing when the wave has no such evaluation. Writes nothing, not even decision history.
     */
    public record ReEvaluateRecommendation(WaveId waveId, int evaluationNo) {}

    /** The recorded recommendation next to the same version's answer today; {@code matches} should always hold. */
    public record ReEvaluationView(
            String waveId,
            int evaluationNo,
            DecisionReference decision,
            long kpiEventPosition,
            KpiFigures kpis,
            KpiThresholds thresholds,
            int extensions,
            Recommendation recordedRecommendation,
            String recordedReason,
            Recommendation reEvaluatedRecommendation,
            String reEvaluatedReason,
            boolean matches) {}
}
