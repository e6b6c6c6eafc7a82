package org.factorysharing.workflows.programme;

/** Names of the pilot rollout process of a wave (pilot_rollout.bpmn), shared by code and tests. */
public final class PilotRolloutProcess {

    public static final String KEY = "pilot_rollout";

    // messages, all correlated by business key = wave id
    public static final String MESSAGE_WAVE_STARTED = "wave_started";
    public static final String MESSAGE_PILOT_EXTENDED = "pilot_extended";
    public static final String MESSAGE_FACTORY_ENROLLED = "factory_enrolled";
    public static final String MESSAGE_FACTORY_COMMISSIONED = "factory_commissioned";
    /** A supervisor approved an early evaluation: the pilot period ends now (sets {@link #PILOT_ENDS_AT}). */
    public static final String MESSAGE_EARLY_EVALUATION_APPROVED = "early_evaluation_approved";

    // variables from the plan
    public static final String WAVE_ID = "waveId";
    public static final String WAVE_NAME = "waveName";
    public static final String YEAR = "year";
    public static final String KIND = "kind";
    public static final String TARGET_FACTORIES = "targetFactories";
    public static final String PILOT_MONTHS = "pilotMonths";
    public static final String MIN_UTILISATION = "minUtilisation";
    public static final String MIN_MEMBERS_SERVED = "minMembersServed";
    public static final String MIN_JOBS_COMPLETED = "minJobsCompleted";
    public static final String MIN_OUTPUT_UNITS = "minOutputUnits";
    public static final String MIN_QUALITY_PASS_RATE = "minQualityPassRate";

    // variables kept up to date from the wave's events
    public static final String ENROLLED_FACTORIES = "enrolledFactories";
    public static final String COMMISSIONED_FACTORIES = "commissionedFactories";
    /**
     * End of the current pilot period, a Date: from WaveStarted, then from each PilotExtended, or the moment an early
     * evaluation was approved (EarlyEvaluationApproved).
     */
    public static final String PILOT_ENDS_AT = "pilotEndsAt";
    /** Approved extensions so far (PilotExtended.extensions), an input of the decision. */
    public static final String EXTENSIONS = "extensions";
    /** The factory of one enrolment or commissioning (local to its event subprocess instance). */
    public static final String FACTORY_ID = "factoryId";

    // variables of an evaluation
    public static final String EVALUATIONS = "evaluations";
    public static final String RECOMMENDATION = "recommendation";
    public static final String RECOMMENDATION_REASON = "recommendationReason";
    public static final String KPI_SUMMARY = "kpiSummary";
    public static final String DECISION_DEFINITION_ID = "decisionDefinitionId";
    public static final String DECISION_VERSION = "decisionVersion";
    public static final String KPI_EVENT_POSITION = "kpiEventPosition";

    // variables of a proposal (the form of user_propose_outcome, then the aggregate's number)
    public static final String OUTCOME = "outcome";
    public static final String PROPOSED_TARGET = "proposedTarget";
    public static final String EXTENSION_MONTHS = "extensionMonths";
    public static final String JUSTIFICATION = "justification";
    public static final String PROPOSED_BY = "proposedBy";
    /** The aggregate's number of the proposal: 1, 2, 3... per wave. */
    public static final String PROPOSAL_NO = "proposalNo";

    // variables after the approval (out of scale_up_approval) and the scale-up
    public static final String APPROVAL_RESULT = ScaleUpApprovalProcess.APPROVAL_RESULT;
    public static final String FINAL_APPROVAL_BY = ScaleUpApprovalProcess.FINAL_APPROVAL_BY;
    public static final String REJECTED_STAGE = ScaleUpApprovalProcess.REJECTED_STAGE;
    public static final String REJECTION_REASON = ScaleUpApprovalProcess.REJECTION_REASON;
    public static final String NEXT_WAVE_ID = "nextWaveId";

    // elements
    public static final String START = "start_wave_planned";
    public static final String RECEIVE_WAVE_STARTED = "receive_wave_started";
    public static final String XOR_JOIN_PILOT_PERIOD = "xor_join_pilot_period";
    public static final String SUBPROCESS_PILOT_PERIOD = "subprocess_pilot_period";
    public static final String START_PILOT_PERIOD = "start_pilot_period";
    public static final String TIMER_PILOT_PERIOD = "timer_pilot_period";
    public static final String END_PILOT_PERIOD_OVER = "end_pilot_period_over";
    public static final String BOUNDARY_EARLY_EVALUATION_APPROVED = "boundary_early_evaluation_approved";
    public static final String XOR_JOIN_EVALUATION = "xor_join_evaluation";
    public static final String SERVICE_EVALUATE_WAVE = "service_evaluate_wave";
    public static final String USER_PROPOSE_OUTCOME = "user_propose_outcome";
    public static final String SERVICE_PROPOSE_OUTCOME = "service_propose_outcome";
    public static final String CALL_SCALE_UP_APPROVAL = "call_scale_up_approval";
    public static final String XOR_APPROVAL_RESULT = "xor_approval_result";
    public static final String END_REJECTED = "end_rejected";
    public static final String XOR_OUTCOME = "xor_outcome";
    public static final String SERVICE_PLAN_NEXT_WAVE = "service_plan_next_wave";
    public static final String END_SCALED_UP = "end_scaled_up";
    public static final String RECEIVE_PILOT_EXTENDED = "receive_pilot_extended";
    public static final String END_STOPPED = "end_stopped";
    public static final String SUBPROCESS_FACTORY_ENROLLED = "subprocess_factory_enrolled";
    public static final String START_FACTORY_ENROLLED = "start_factory_enrolled";
    public static final String SERVICE_COUNT_ENROLLED = "service_count_enrolled";
    public static final String END_ENROLLED_COUNTED = "end_enrolled_counted";
    public static final String SUBPROCESS_FACTORY_COMMISSIONED = "subprocess_factory_commissioned";
    public static final String START_FACTORY_COMMISSIONED = "start_factory_commissioned";
    public static final String SERVICE_COUNT_COMMISSIONED = "service_count_commissioned";
    public static final String END_COMMISSIONED_COUNTED = "end_commissioned_counted";

    private PilotRolloutProcess() {}
}
