package org.factorysharing.command.programme;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;
import static org.factorysharing.command.shared.Require.text;
import static org.factorysharing.command.shared.Require.that;
import static org.factorysharing.command.shared.Require.violation;

import java.time.Instant;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;
import org.factorysharing.api.factory.FactoryId;
import org.factorysharing.api.programme.ApprovalStage;
import org.factorysharing.api.programme.KpiThresholds;
import org.factorysharing.api.programme.Recommendation;
import org.factorysharing.api.programme.WaveCommands.ApproveEarlyEvaluation;
import org.factorysharing.api.programme.WaveCommands.ApproveProposalStage;
import org.factorysharing.api.programme.WaveCommands.DeclineEarlyEvaluation;
import org.factorysharing.api.programme.WaveCommands.PlanWave;
import org.factorysharing.api.programme.WaveCommands.ProposeScaleUp;
import org.factorysharing.api.programme.WaveCommands.RecordFactoryCommissioned;
import org.factorysharing.api.programme.WaveCommands.RecordRecommendation;
import org.factorysharing.api.programme.WaveCommands.RecordStageEscalated;
import org.factorysharing.api.programme.WaveCommands.RejectProposal;
import org.factorysharing.api.programme.WaveCommands.RequestEarlyEvaluation;
import org.factorysharing.api.programme.WaveEvent.EarlyEvaluationApproved;
import org.factorysharing.api.programme.WaveEvent.EarlyEvaluationDeclined;
import org.factorysharing.api.programme.WaveEvent.EarlyEvaluationRequested;
import org.factorysharing.api.programme.WaveEvent.FactoryCommissionedInWave;
import org.factorysharing.api.programme.WaveEvent.FactoryEnrolled;
import org.factorysharing.api.programme.WaveEvent.PilotExtended;
import org.factorysharing.api.programme.WaveEvent.ProposalRejected;
import org.factorysharing.api.programme.WaveEvent.ProposalStageApproved;
import org.factorysharing.api.programme.WaveEvent.ProposalStageEscalated;
import org.factorysharing.api.programme.WaveEvent.ScaleUpApproved;
import org.factorysharing.api.programme.WaveEvent.ScaleUpProposed;
import org.factorysharing.api.programme.WaveEvent.ScaleUpRecommended;
import org.factorysharing.api.programme.WaveEvent.WavePlanned;
import org.factorysharing.api.programme.WaveEvent.WaveStarted;
import org.factorysharing.api.programme.WaveEvent.WaveStopped;
import org.factorysharing.api.programme.WaveId;
import org.factorysharing.api.programme.WaveStatus;
import org.factorysharing.api.region.CommodityPotential;
import org.factorysharing.api.region.RegionId;
import org.factorysharing.api.shared.ActorMetaData;
import org.factorysharing.api.shared.BusinessRuleViolation;
import org.factorysharing.api.shared.Groups;
import org.factorysharing.api.shared.InvalidField;
import org.factorysharing.api.shared.NotPermitted;
import org.factorysharing.api.shared.ProgrammeTime;
import org.factorysharing.command.shared.Acting;
import org.factorysharing.command.shared.Require;

/**
 * A programme wave: its factories, its pilot period, the evaluations of its KPIs and the scale-up proposals
 * with their chain of approvals under four-eyes. Enrolment is handled by {@link WaveEnrolments}, which looks
 * up the factory and its region first.
 */
@Aggregate
class Wave {

    static final int MAX_PILOT_MONTHS = 60;
    static final int MAX_EXTENSION_MONTHS = 24;

    @AggregateIdentifier
    private WaveId waveId;

    private WaveStatus status;
    private int targetFactories;
    private int pilotMonths;
    private final Set<String> enrolled = new HashSet<>();
    private final Set<String> commissioned = new HashSet<>();
    private Instant startedAt;
    private int extensions;
    private int evaluations;
    private Recommendation latestRecommendation;
    /** The latest proposal (open while the status is SCALE_UP_PROPOSED); 0 before the first. */
    private int proposalNo;

    private Recommendation proposedOutcome;
    private int proposedTarget;
    private int extensionMonths;
    private String proposedBy;
    /** The stage waiting for a decision; null once the proposal is decided. */
    private ApprovalStage currentStage;
    /** Who approved each stage of the latest proposal. */
    private final Map<ApprovalStage, String> approvals = new EnumMap<>(ApprovalStage.class);

    private final Set<ApprovalStage> escalated = EnumSet.noneOf(ApprovalStage.class);

    /** Early-evaluation requests so far; the latest is open while {@link #earlyRequestOpen}. */
    private int earlyRequests;

    private boolean earlyRequestOpen;
    private String earlyRequestedBy;
    /** Who approved the open request (the evaluation then follows at once); null while nobody decided. */
    private String earlyApprovedBy;

    Wave() {
        // for Axon: rebuilt from its events
    }

    @CommandHandler
    Wave(PlanWave cmd) {
        String name = text(cmd.name(), "name");
        int latestYear = ProgrammeTime.latest(Require.today()).getYear();
        if (cmd.year() < ProgrammeTime.EARLIEST.getYear() || cmd.year() > latestYear) {
            throw new InvalidField(
                    "year", "must lie between " + ProgrammeTime.EARLIEST.getYear() + " and " + latestYear);
        }
        that(cmd.kind() != null, "kind is required");
        that(cmd.targetFactories() >= 1, "targetFactories must be at least 1");
        that(
                cmd.pilotMonths() >= 1 && cmd.pilotMonths() <= MAX_PILOT_MONTHS,
                "pilotMonths must be between 1 and " + MAX_PILOT_MONTHS);
        requireValid(cmd.thresholds());
        that(!cmd.waveId().equals(cmd.previousWaveId()), "previousWaveId must be another wave");
        apply(new WavePlanned(
                cmd.waveId(),
                name,
                cmd.year(),
                cmd.kind(),
                cmd.targetFactories(),
                cmd.pilotMonths(),
                cmd.thresholds(),
                cmd.previousWaveId(),
                text(cmd.plannedBy(), "plannedBy")));
    }

    private static void requireValid(KpiThresholds thresholds) {
        that(thresholds != null, "thresholds are required");
        requireRate(thresholds.minUtilisation(), "thresholds.minUtilisation");
        requireRate(thresholds.minQualityPassRate(), "thresholds.minQualityPassRate");
        that(thresholds.minMembersServed() >= 0, "thresholds.minMembersServed must not be negative");
        that(thresholds.minJobsCompleted() >= 0, "thresholds.minJobsCompleted must not be negative");
        that(thresholds.minOutputUnits() >= 0, "thresholds.minOutputUnits must not be negative");
    }

    private static void requireRate(double rate, String field) {
        that(rate >= 0.0 && rate <= 1.0, field + " must be a fraction between 0 and 1"); // false for NaN too
    }

    WaveStatus status() {
        return status;
    }

    // --- enrolment (called by WaveEnrolments, which looked up the factory, its region and its claim) ---

    boolean hasEnrolled(FactoryId factoryId) {
        return enrolled.contains(factoryId.value());
    }

    /** Whether one more factory may join, asked before the factory is claimed for this wave. */
    void requireOpenForEnrolment(boolean bySupervisor) {
        if (status != WaveStatus.PLANNED && !status.piloting()) {
            throw violation(
                    "wave.enrolment-closed",
                    "factories join a wave while it is planned or piloting;" + " this wave is " + status);
        }
        if (enrolled.size() >= targetFactories && !bySupervisor) {
            throw violation(
                    "wave.beyond-target",
                    "the wave has reached its target of " + targetFactories
                            + " factories; only a supervisor may enrol more");
        }
    }

    /**
     * Enrols the factory with the region's potential for its commodity; a factory that is already commissioned
     * counts as commissioned in the wave {@code now} (and may start it).
     */
    void enrol(
            FactoryId factoryId,
            RegionId regionId,
            String commodityCode,
            CommodityPotential potential,
            boolean alreadyCommissioned,
            String enrolledBy,
            boolean bySupervisor,
            Instant now) {
        if (hasEnrolled(factoryId)) {
            return;
        }
        requireOpenForEnrolment(bySupervisor);
        apply(new FactoryEnrolled(
                waveId,
                factoryId,
                regionId.value(),
                commodityCode,
                potential.score(),
                potential.sourceNote(),
                enrolled.size() >= targetFactories,
                text(enrolledBy, "enrolledBy")));
        if (alreadyCommissioned) {
            recordCommissioned(factoryId, now);
        }
    }

    @CommandHandler
    void handle(RecordFactoryCommissioned cmd) {
        that(cmd.factoryId() != null && cmd.commissionedAt() != null, "factoryId and commissionedAt are required");
        if (!hasEnrolled(cmd.factoryId())) {
            throw violation(
                    "wave.factory-not-enrolled", "factory " + cmd.factoryId() + " is not enrolled in this wave");
        }
        recordCommissioned(cmd.factoryId(), cmd.commissionedAt());
    }

    private void recordCommissioned(FactoryId factoryId, Instant commissionedAt) {
        if (commissioned.contains(factoryId.value())) {
            return; // reported again (enrolled as commissioned, then the event handler's report): nothing new
        }
        apply(new FactoryCommissionedInWave(waveId, factoryId, commissionedAt));
        if (startedAt == null) {
            apply(new WaveStarted(waveId, commissionedAt, monthsAfter(commissionedAt, pilotMonths)));
        }
    }

    /** Months on the programme calendar: 31 January + 1 month is 28/29 February in Jakarta. */
    private static Instant monthsAfter(Instant instant, int months) {
        return instant.atZone(ProgrammeTime.ZONE).plusMonths(months).toInstant();
    }

    // --- evaluation ---

    @CommandHandler
    void handle(RecordRecommendation cmd) {
        that(cmd.recommendation() != null, "recommendation is required");
        that(cmd.kpis() != null && cmd.thresholds() != null, "kpis and thresholds are required");
        that(cmd.decision() != null, "decision is required");
        that(
                cmd.periodFrom() != null
                        && cmd.periodTo() != null
                        && !cmd.periodTo().isBefore(cmd.periodFrom()),
                "periodFrom and periodTo are required, periodTo not before periodFrom");
        if (!status.piloting()) {
            throw violation(
                    "wave.not-piloting",
                    "a wave is evaluated at the end of a pilot period;" + " this wave is " + status);
        }
        apply(new ScaleUpRecommended(
                waveId,
                evaluations + 1,
                cmd.recommendation(),
                cmd.reason(),
                cmd.kpis(),
                cmd.thresholds(),
                cmd.extensions(),
                cmd.decision(),
                cmd.kpiEventPosition(),
                cmd.periodFrom(),
                cmd.periodTo()));
    }

    @CommandHandler
    void handle(ProposeScaleUp cmd) {
        that(cmd.outcome() != null, "outcome is required");
        String by = text(cmd.proposedBy(), "proposedBy");
        String justification = optional(cmd.justification());
        int target = cmd.outcome() == Recommendation.SCALE_UP ? cmd.proposedTarget() : 0;
        int months = cmd.outcome() == Recommendation.EXTEND_PILOT ? cmd.extensionMonths() : 0;
        if (cmd.outcome() == Recommendation.SCALE_UP) {
            that(target >= 1, "proposedTarget must be at least 1 for a scale-up");
        }
        if (cmd.outcome() == Recommendation.EXTEND_PILOT) {
            that(
                    months >= 1 && months <= MAX_EXTENSION_MONTHS,
                    "extensionMonths must be between 1 and " + MAX_EXTENSION_MONTHS + " for an extension");
        }
        if (status != WaveStatus.EVALUATING) {
            throw violation(
                    "wave.not-evaluating", "an outcome is proposed from a recommendation;" + " this wave is " + status);
        }
        if (cmd.outcome() != latestRecommendation && justification == null) {
            throw violation(
                    "wave.justification-required",
                    "proposing " + cmd.outcome() + " where " + latestRecommendation
                            + " was recommended needs a justification");
        }
        apply(new ScaleUpProposed(
                waveId,
                proposalNo + 1,
                evaluations,
                cmd.outcome(),
                latestRecommendation,
                target,
                months,
                justification,
                by));
    }

    // --- early evaluation: an officer asks, another person (a supervisor) decides ---

    @CommandHandler
    void handle(
            RequestEarlyEvaluation cmd,
            @MetaDataValue(ActorMetaData.USER_ID) String userId,
            @MetaDataValue(ActorMetaData.GROUPS) List<String> groups) {
        Acting acting = Acting.of(userId, groups);
        if (acting.userId() == null
                || !acting.groups().contains(Groups.OFFICERS)
                        && !acting.groups().contains(Groups.SUPERVISORS)) {
            throw new NotPermitted("only officers and supervisors may ask for an early evaluation of a pilot");
        }
        String reason = required(cmd.reason(), "reason");
        if (!status.piloting()) {
            throw violation(
                    "wave.not-running",
                    "an early evaluation is asked for while the pilot runs; this wave is " + status);
        }
        if (earlyRequestOpen) {
            throw violation(
                    "wave.early-evaluation-open",
                    "request " + earlyRequests + " for an early evaluation is still open; one at a time");
        }
        apply(new EarlyEvaluationRequested(waveId, earlyRequests + 1, reason, acting.userId()));
    }

    @CommandHandler
    void handle(
            ApproveEarlyEvaluation cmd,
            @MetaDataValue(ActorMetaData.USER_ID) String userId,
            @MetaDataValue(ActorMetaData.GROUPS) List<String> groups) {
        String by = earlyDecider(Acting.of(userId, groups));
        if (earlyRequestOpen && cmd.requestNo() == earlyRequests && by.equals(earlyApprovedBy)) {
            return; // the same approval again (a retried request): nothing new
        }
        requireOpenEarlyRequest(cmd.requestNo(), by);
        apply(new EarlyEvaluationApproved(waveId, earlyRequests, optional(cmd.comment()), by, Require.now()));
    }

    @CommandHandler
    void handle(
            DeclineEarlyEvaluation cmd,
            @MetaDataValue(ActorMetaData.USER_ID) String userId,
            @MetaDataValue(ActorMetaData.GROUPS) List<String> groups) {
        String by = earlyDecider(Acting.of(userId, groups));
        String reason = required(cmd.reason(), "reason");
        requireOpenEarlyRequest(cmd.requestNo(), by);
        apply(new EarlyEvaluationDeclined(waveId, earlyRequests, reason, by));
    }

    private static String earlyDecider(Acting acting) {
        if (acting.userId() == null || !acting.groups().contains(Groups.SUPERVISORS)) {
            throw new NotPermitted("only supervisors decide on an early evaluation of a pilot");
        }
        return acting.userId();
    }

    private void requireOpenEarlyRequest(int requestNo, String by) {
        if (!earlyRequestOpen || requestNo != earlyRequests) {
            throw violation(
                    "wave.no-open-early-evaluation",
                    "request " + requestNo + " for an early evaluation is not open"
                            + (earlyRequestOpen ? " (request " + earlyRequests + " is)" : ""));
        }
        if (earlyApprovedBy != null) {
            throw violation(
                    "wave.early-evaluation-decided",
                    "request " + requestNo + " was approved by " + earlyApprovedBy + "; the wave is being evaluated");
        }
        if (by.equals(earlyRequestedBy)) {
            throw new NotPermitted("four-eyes: " + by + " asked for this early evaluation and may not decide on it");
        }
    }

    private static String required(String text, String field) {
        if (text == null || text.isBlank()) {
            throw new InvalidField(field, "is required");
        }
        return text.strip();
    }

    // --- approvals ---

    @CommandHandler
    void handle(ApproveProposalStage cmd) {
        String by = text(cmd.approvedBy(), "approvedBy");
        that(cmd.stage() != null, "stage is required");
        if (cmd.proposalNo() == proposalNo && by.equals(approvals.get(cmd.stage()))) {
            return; // the same approval again (a retried request): nothing new
        }
        requireOpen(cmd.proposalNo(), cmd.stage());
        requireFourEyes(by);
        apply(new ProposalStageApproved(waveId, proposalNo, cmd.stage(), by, optional(cmd.comment())));
        if (cmd.stage() == ApprovalStage.FINAL_APPROVAL) {
            switch (proposedOutcome) {
                case SCALE_UP -> apply(new ScaleUpApproved(waveId, proposalNo, proposedTarget, by));
                case EXTEND_PILOT ->
                    apply(new PilotExtended(
                            waveId, proposalNo, monthsAfter(Require.now(), extensionMonths), extensions + 1, by));
                case STOP -> apply(new WaveStopped(waveId, proposalNo, by));
            }
        }
    }

    @CommandHandler
    void handle(RejectProposal cmd) {
        String by = text(cmd.rejectedBy(), "rejectedBy");
        String reason = text(cmd.reason(), "reason");
        that(cmd.stage() != null, "stage is required");
        requireOpen(cmd.proposalNo(), cmd.stage());
        requireFourEyes(by);
        apply(new ProposalRejected(waveId, proposalNo, cmd.stage(), reason, by));
    }

    @CommandHandler
    void handle(RecordStageEscalated cmd) {
        String to = text(cmd.escalatedTo(), "escalatedTo");
        that(cmd.stage() != null, "stage is required");
        if (cmd.proposalNo() == proposalNo && escalated.contains(cmd.stage())) {
            return; // a stage is escalated once
        }
        requireOpen(cmd.proposalNo(), cmd.stage());
        apply(new ProposalStageEscalated(waveId, proposalNo, cmd.stage(), to));
    }

    private void requireOpen(int proposal, ApprovalStage stage) {
        if (status != WaveStatus.SCALE_UP_PROPOSED) {
            throw violation("wave.no-open-proposal", "the wave has no open proposal; it is " + status);
        }
        if (proposal != proposalNo) {
            throw violation(
                    "wave.wrong-proposal", "proposal " + proposal + " is not the open one (" + proposalNo + ")");
        }
        if (stage != currentStage) {
            throw violation(
                    "wave.stage-order",
                    "stages are decided in order; proposal " + proposalNo + " waits for " + currentStage + ", not "
                            + stage);
        }
    }

    private void requireFourEyes(String by) {
        if (by.equals(proposedBy)) {
            throw fourEyes(by + " proposed this outcome and may not decide on it");
        }
        if (approvals.containsValue(by)) {
            throw fourEyes(by + " already approved another stage of this proposal");
        }
    }

    private static BusinessRuleViolation fourEyes(String why) {
        return violation("wave.four-eyes", "four-eyes: each stage is decided by someone else; " + why);
    }

    private static String optional(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    // --- state ---

    @EventSourcingHandler
    void on(WavePlanned event) {
        waveId = event.waveId();
        status = WaveStatus.PLANNED;
        targetFactories = event.targetFactories();
        pilotMonths = event.pilotMonths();
    }

    @EventSourcingHandler
    void on(FactoryEnrolled event) {
        enrolled.add(event.factoryId().value());
    }

    @EventSourcingHandler
    void on(FactoryCommissionedInWave event) {
        commissioned.add(event.factoryId().value());
    }

    @EventSourcingHandler
    void on(WaveStarted event) {
        startedAt = event.startedAt();
        status = WaveStatus.RUNNING;
    }

    @EventSourcingHandler
    void on(EarlyEvaluationRequested event) {
        earlyRequests = event.requestNo();
        earlyRequestOpen = true;
        earlyRequestedBy = event.requestedBy();
        earlyApprovedBy = null;
    }

    @EventSourcingHandler
    void on(EarlyEvaluationApproved event) {
        earlyApprovedBy = event.approvedBy();
    }

    @EventSourcingHandler
    void on(EarlyEvaluationDeclined event) {
        earlyRequestOpen = false;
    }

    /** An evaluation closes the open early-evaluation request, approved or not. */
    @EventSourcingHandler
    void on(ScaleUpRecommended event) {
        evaluations = event.evaluationNo();
        latestRecommendation = event.recommendation();
        status = WaveStatus.EVALUATING;
        earlyRequestOpen = false;
        earlyApprovedBy = null;
    }

    @EventSourcingHandler
    void on(ScaleUpProposed event) {
        proposalNo = event.proposalNo();
        proposedOutcome = event.outcome();
        proposedTarget = event.proposedTarget();
        extensionMonths = event.extensionMonths();
        proposedBy = event.proposedBy();
        currentStage = ApprovalStage.values()[0];
        approvals.clear();
        escalated.clear();
        status = WaveStatus.SCALE_UP_PROPOSED;
    }

    @EventSourcingHandler
    void on(ProposalStageApproved event) {
        approvals.put(event.stage(), event.approvedBy());
        currentStage = event.stage().next();
    }

    @EventSourcingHandler
    void on(ProposalStageEscalated event) {
        escalated.add(event.stage());
    }

    @EventSourcingHandler
    void on(ProposalRejected event) {
        currentStage = null;
        status = WaveStatus.REJECTED;
    }

    @EventSourcingHandler
    void on(ScaleUpApproved event) {
        status = WaveStatus.APPROVED;
    }

    @EventSourcingHandler
    void on(PilotExtended event) {
        extensions = event.extensions();
        status = WaveStatus.EXTENDED;
    }

    @EventSourcingHandler
    void on(WaveStopped event) {
        status = WaveStatus.STOPPED;
    }
}
