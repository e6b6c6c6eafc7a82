package org.factorysharing.workflows.programme;

/** Names of the scale_up_eligibility decision table (scale_up_eligibility.dmn): its inputs and outputs. */
public final class ScaleUpEligibilityDecision {

    public static final String KEY = "scale_up_eligibility";

    // inputs: the wave's KPIs over the pilot period...
    public static final String COMMISSIONED_FACTORIES = "commissionedFactories";
    public static final String UTILISATION = "utilisation";
    public static final String MEMBERS_SERVED = "membersServed";
    public static final String JOBS_COMPLETED = "jobsCompleted";
    public static final String OUTPUT_UNITS = "outputUnits";
    public static final String QUALITY_PASS_RATE = "qualityPassRate";
    // ...the wave's thresholds (a KPI equal to its threshold meets it)...
    public static final String MIN_UTILISATION = PilotRolloutProcess.MIN_UTILISATION;
    public static final String MIN_MEMBERS_SERVED = PilotRolloutProcess.MIN_MEMBERS_SERVED;
    public static final String MIN_JOBS_COMPLETED = PilotRolloutProcess.MIN_JOBS_COMPLETED;
    public static final String MIN_OUTPUT_UNITS = PilotRolloutProcess.MIN_OUTPUT_UNITS;
    public static final String MIN_QUALITY_PASS_RATE = PilotRolloutProcess.MIN_QUALITY_PASS_RATE;
    // ...and the pilot extensions approved so far
    public static final String EXTENSIONS = PilotRolloutProcess.EXTENSIONS;

    // outputs
    /** SCALE_UP, EXTEND_PILOT or STOP (names of {@link org.factorysharing.api.programme.Recommendation}). */
    public static final String RECOMMENDATION = "recommendation";

    public static final String REASON = "reason";

    private ScaleUpEligibilityDecision() {}
}
