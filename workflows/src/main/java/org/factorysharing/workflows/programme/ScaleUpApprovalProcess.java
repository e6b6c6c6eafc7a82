package org.factorysharing.workflows.programme;

import static org.factorysharing.api.shared.Groups.EXECUTIVES;
import static org.factorysharing.api.shared.Groups.OFFICERS;
import static org.factorysharing.api.shared.Groups.PLANNERS;

import java.util.List;
import org.factorysharing.api.programme.ApprovalStage;

/** Names of the scale-up approval process (scale_up_approval.bpmn), shared by code and tests. */
public final class ScaleUpApprovalProcess {

    public static final String KEY = "scale_up_approval";

    // variables passed in by pilot_rollout (see PilotRolloutProcess for their meaning)
    public static final String WAVE_ID = PilotRolloutProcess.WAVE_ID;
    public static final String WAVE_NAME = PilotRolloutProcess.WAVE_NAME;
    public static final String PROPOSAL_NO = PilotRolloutProcess.PROPOSAL_NO;
    public static final String PROPOSED_BY = PilotRolloutProcess.PROPOSED_BY;
    public static final String OUTCOME = PilotRolloutProcess.OUTCOME;
    public static final String RECOMMENDATION = PilotRolloutProcess.RECOMMENDATION;
    public static final String RECOMMENDATION_REASON = PilotRolloutProcess.RECOMMENDATION_REASON;
    public static final String PROPOSED_TARGET = PilotRolloutProcess.PROPOSED_TARGET;
    public static final String EXTENSION_MONTHS = PilotRolloutProcess.EXTENSION_MONTHS;
    public static final String JUSTIFICATION = PilotRolloutProcess.JUSTIFICATION;

    // the form of every stage (cleared when a stage's task is created)
    public static final String DECISION = "decision";
    public static final String COMMENT = "comment";
    public static final String APPROVE = "APPROVE";
    public static final String REJECT = "REJECT";
    /** The current stage went past its due date (cleared when the next stage's task is created). */
    public static final String ESCALATED = "escalated";

    // results, passed out to pilot_rollout
    /** {@link #APPROVED} after the final approval, {@link #REJECTED} when a stage rejected. */
    public static final String APPROVAL_RESULT = "approvalResult";

    public static final String APPROVED = "APPROVED";
    public static final String REJECTED = "REJECTED";
    public static final String REJECTED_STAGE = "rejectedStage";
    public static final String REJECTION_REASON = "rejectionReason";
    public static final String REGIONAL_REVIEW_BY = "regionalReviewBy";
    public static final String PLANNING_REVIEW_BY = "planningReviewBy";
    public static final String FINAL_APPROVAL_BY = "finalApprovalBy";

    // how long each stage may take (ISO-8601 periods, set as variables at the start)
    public static final String REGIONAL_REVIEW_PERIOD = "regionalReviewPeriod";
    public static final String PLANNING_REVIEW_PERIOD = "planningReviewPeriod";
    public static final String FINAL_APPROVAL_PERIOD = "finalApprovalPeriod";

    // elements
    public static final String START = "start_scale_up_proposed";
    public static final String USER_REGIONAL_REVIEW = "user_regional_review";
    public static final String TIMER_REGIONAL_REVIEW_OVERDUE = "timer_regional_review_overdue";
    public static final String SERVICE_ESCALATE_REGIONAL_REVIEW = "service_escalate_regional_review";
    public static final String END_REGIONAL_REVIEW_ESCALATED = "end_regional_review_escalated";
    public static final String XOR_REGIONAL_REVIEW = "xor_regional_review";
    public static final String USER_PLANNING_REVIEW = "user_planning_review";
    public static final String TIMER_PLANNING_REVIEW_OVERDUE = "timer_planning_review_overdue";
    public static final String SERVICE_ESCALATE_PLANNING_REVIEW = "service_escalate_planning_review";
    public static final String END_PLANNING_REVIEW_ESCALATED = "end_planning_review_escalated";
    public static final String XOR_PLANNING_REVIEW = "xor_planning_review";
    public static final String USER_FINAL_APPROVAL = "user_final_approval";
    public static final String TIMER_FINAL_APPROVAL_OVERDUE = "timer_final_approval_overdue";
    public static final String SERVICE_ESCALATE_FINAL_APPROVAL = "service_escalate_final_approval";
    public static final String END_FINAL_APPROVAL_ESCALATED = "end_final_approval_escalated";
    public static final String XOR_FINAL_APPROVAL = "xor_final_approval";
    public static final String END_APPROVED = "end_approved";
    public static final String END_REJECTED = "end_rejected";

    /** One approval stage: its task, who works on it, how long it may take, and where its actor is kept. */
    public record Stage(
            ApprovalStage stage,
            String userTask,
            String group,
            String periodVariable,
            String period,
            String decidedByVariable,
            String escalationService) {}

    public static final Stage REGIONAL_REVIEW = new Stage(
            ApprovalStage.REGIONAL_REVIEW,
            USER_REGIONAL_REVIEW,
            OFFICERS,
            REGIONAL_REVIEW_PERIOD,
            "P5D",
            REGIONAL_REVIEW_BY,
            SERVICE_ESCALATE_REGIONAL_REVIEW);
    public static final Stage PLANNING_REVIEW = new Stage(
            ApprovalStage.PLANNING_REVIEW,
            USER_PLANNING_REVIEW,
            PLANNERS,
            PLANNING_REVIEW_PERIOD,
            "P10D",
            PLANNING_REVIEW_BY,
            SERVICE_ESCALATE_PLANNING_REVIEW);
    public static final Stage FINAL_APPROVAL = new Stage(
            ApprovalStage.FINAL_APPROVAL,
            USER_FINAL_APPROVAL,
            EXECUTIVES,
            FINAL_APPROVAL_PERIOD,
            "P10D",
            FINAL_APPROVAL_BY,
            SERVICE_ESCALATE_FINAL_APPROVAL);
    /** In the order a proposal passes them. */
    public static final List<Stage> STAGES = List.of(REGIONAL_REVIEW, PLANNING_REVIEW, FINAL_APPROVAL);

    /** The stage of a user task or escalation service task of this process. */
    public static Stage stageOf(String elementId) {
        return STAGES.stream()
                .filter(stage -> stage.userTask().equals(elementId)
                        || stage.escalationService().equals(elementId))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("no approval stage has element " + elementId));
    }

    private ScaleUpApprovalProcess() {}
}
