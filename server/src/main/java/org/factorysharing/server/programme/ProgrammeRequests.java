package org.factorysharing.server.programme;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Year;
import org.factorysharing.api.programme.ApprovalStage;
import org.factorysharing.api.programme.KpiThresholds;
import org.factorysharing.api.programme.ProgrammeTaskCommands.StageDecision;
import org.factorysharing.api.programme.Recommendation;
import org.factorysharing.api.programme.WaveKind;
import org.factorysharing.server.web.PlainText;
import org.factorysharing.server.web.ProgrammeYear;

/** Request bodies of the programme API; Bean Validation names each bad field in the 400 answer. */
final class ProgrammeRequests {

    private ProgrammeRequests() {}

    record PlanWaveRequest(
            @NotBlank @PlainText @Size(max = 200) String name,
            @NotNull @ProgrammeYear Integer year,
            @NotNull WaveKind kind,
            @NotNull @Min(1) @Max(10_000) Integer targetFactories,
            @NotNull @Min(1) @Max(60) Integer pilotMonths,
            @NotNull @Valid ThresholdsRequest thresholds) {
        /** An example for the API documentation; a test checks that it is valid. */
        static final PlanWaveRequest EXAMPLE = new PlanWaveRequest(
                "Gelombang perluasan " + (Year.now().getValue() + 1),
                Year.now().getValue() + 1,
                WaveKind.SCALE_UP,
                6,
                12,
                ThresholdsRequest.EXAMPLE);
    }

    /** Rates are fractions: 0.6 means 60%. */
    record ThresholdsRequest(
            @NotNull @DecimalMin("0.0") @DecimalMax("1.0") Double minUtilisation,
            @NotNull @Min(0) @Max(1_000_000) Integer minMembersServed,
            @NotNull @Min(0) @Max(1_000_000) Integer minJobsCompleted,
            @NotNull @Min(0) @Max(1_000_000_000) Long minOutputUnits,
            @NotNull @DecimalMin("0.0") @DecimalMax("1.0") Double minQualityPassRate) {
        /** An example for the API documentation; a test checks that it is valid. */
        static final ThresholdsRequest EXAMPLE = new ThresholdsRequest(0.6, 40, 120, 50_000L, 0.9);

        KpiThresholds toThresholds() {
            return new KpiThresholds(
                    minUtilisation, minMembersServed, minJobsCompleted, minOutputUnits, minQualityPassRate);
        }
    }

    record EnrolFactoryRequest(
            @NotNull @Pattern(regexp = "[A-Za-z0-9-]{1,64}") String factoryId) {
        /** An example for the API documentation; a test checks that it is valid. */
        static final EnrolFactoryRequest EXAMPLE = new EnrolFactoryRequest("7d2e9f10-3a4b-4c5d-8e6f-a1b2c3d4e5f6");
    }

    /**
     * The officer's proposal from the latest recommendation: {@code proposedTarget} is the next wave's target
     * (SCALE_UP), {@code extensionMonths} the new pilot period (EXTEND_PILOT); a different outcome than the
     * recommended one needs a justification.
     */
    record ProposalRequest(
            @NotNull Recommendation outcome,
            @Min(1) @Max(10_000) Integer proposedTarget,
            @Min(1) @Max(24) Integer extensionMonths,
            @PlainText @Size(max = 2000) String justification) {
        /** An example for the API documentation; a test checks that it is valid. */
        static final ProposalRequest EXAMPLE = new ProposalRequest(Recommendation.SCALE_UP, 6, null, null);
    }

    /** The decision on the stage named (it must be the stage open now); a rejection needs a comment. */
    record ApprovalRequest(
            @NotNull ApprovalStage stage,
            @NotNull StageDecision decision,
            @PlainText @Size(max = 2000) String comment) {
        /** An example for the API documentation; a test checks that it is valid. */
        static final ApprovalRequest EXAMPLE = new ApprovalRequest(
                ApprovalStage.REGIONAL_REVIEW, StageDecision.APPROVE, "KPI terpenuhi di lima pabrik");
    }

    /** A supervisor's answer to a request for an early evaluation: the comment is the reason of a decline. */
    record EarlyEvaluationDecisionRequest(
            @NotNull EarlyEvaluationDecision decision,
            @PlainText @Size(max = 1000) String comment) {
        /** An example for the API documentation; a test checks that it is valid. */
        static final EarlyEvaluationDecisionRequest EXAMPLE =
                new EarlyEvaluationDecisionRequest(EarlyEvaluationDecision.APPROVE, null);
    }

    enum EarlyEvaluationDecision {
        APPROVE,
        DECLINE
    }
}
