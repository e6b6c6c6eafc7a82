package org.factorysharing.query.programme;

import java.time.Instant;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.factorysharing.api.factory.FactoryEvent.FactoryCommissioned;
import org.factorysharing.api.factory.FactoryEvent.FactoryDecommissioned;
import org.factorysharing.api.factory.FactoryEvent.FactoryProposed;
import org.factorysharing.api.factory.FactoryEvent.FactoryResumed;
import org.factorysharing.api.factory.FactoryEvent.FactorySuspended;
import org.factorysharing.api.factory.FactoryId;
import org.factorysharing.api.factory.FactoryStatus;
import org.factorysharing.api.programme.ApprovalStage;
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
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Feeds the programme dashboard: waves, their factories, recommendations and proposals with their approval
 * timelines. A wave's events are handled in order (sequenced per aggregate); factory names and statuses come from
 * the factories' own events into their own table and are joined at query time, so neither stream waits for the
 * other. Writes are upserts, absolute values or keyed by the wave event's sequence number: handling an event
 * again leaves the same rows.
 */
@Component
@ProcessingGroup(ProgrammeDashboardProjection.PROCESSING_GROUP)
class ProgrammeDashboardProjection {

    static final String PROCESSING_GROUP = "programme-dashboard";

    static final String OPEN = "OPEN";
    static final String APPROVED = "APPROVED";
    static final String REJECTED = "REJECTED";
    static final String DECLINED = "DECLINED";
    static final String OVERTAKEN = "OVERTAKEN";

    private final JdbcTemplate jdbc;

    ProgrammeDashboardProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    // --- waves ---

    @EventHandler
    void on(WavePlanned event, @Timestamp Instant at) {
        jdbc.update(
                """
                INSERT INTO programme_wave (wave_id, name, year, kind, status, target_factories, pilot_months,
                    min_utilisation, min_members_served, min_jobs_completed, min_output_units, min_quality_pass_rate,
                    previous_wave_id, planned_by, planned_at, extensions)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0)
                ON CONFLICT (wave_id) DO NOTHING""",
                event.waveId().value(),
                event.name(),
                event.year(),
                event.kind().name(),
                WaveStatus.PLANNED.name(),
                event.targetFactories(),
                event.pilotMonths(),
                event.thresholds().minUtilisation(),
                event.thresholds().minMembersServed(),
                event.thresholds().minJobsCompleted(),
                event.thresholds().minOutputUnits(),
                event.thresholds().minQualityPassRate(),
                event.previousWaveId() == null ? null : event.previousWaveId().value(),
                event.plannedBy(),
                sql(at));
    }

    @EventHandler
    void on(FactoryEnrolled event, @Timestamp Instant at) {
        jdbc.update(
                """
                INSERT INTO programme_wave_factory (wave_id, factory_id, region_id, commodity_code, potential_score,
                    potential_source, beyond_target, enrolled_by, enrolled_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (wave_id, factory_id) DO NOTHING""",
                event.waveId().value(),
                event.factoryId().value(),
                event.regionId(),
                event.commodityCode(),
                event.potentialScore(),
                event.potentialSource(),
                event.beyondTarget(),
                event.enrolledBy(),
                sql(at));
    }

    @EventHandler
    void on(FactoryCommissionedInWave event) {
        jdbc.update(
                """
                UPDATE programme_wave_factory SET commissioned_at = coalesce(commissioned_at, ?)
                WHERE wave_id = ? AND factory_id = ?""",
                sql(event.commissionedAt()),
                event.waveId().value(),
                event.factoryId().value());
    }

    @EventHandler
    void on(WaveStarted event) {
        jdbc.update(
                "UPDATE programme_wave SET status = ?, started_at = ?, pilot_ends_at = ? WHERE wave_id = ?",
                WaveStatus.RUNNING.name(),
                sql(event.startedAt()),
                sql(event.pilotEndsAt()),
                event.waveId().value());
    }

    @EventHandler
    void on(ScaleUpRecommended event, @Timestamp Instant at) {
        jdbc.update(
                """
                INSERT INTO programme_recommendation (wave_id, evaluation_no, recommendation, reason,
                    commissioned_factories, booked_hours, available_hours, utilisation, members_served,
                    jobs_completed, output_units, inspections, quality_pass_rate, min_utilisation,
                    min_members_served, min_jobs_completed, min_output_units, min_quality_pass_rate, extensions,
                    decision_key, decision_definition_id, decision_version, kpi_event_position, period_from,
                    period_to, recommended_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (wave_id, evaluation_no) DO NOTHING""",
                event.waveId().value(),
                event.evaluationNo(),
                event.recommendation().name(),
                event.reason(),
                event.kpis().commissionedFactories(),
                event.kpis().bookedHours(),
                event.kpis().availableHours(),
                event.kpis().utilisation(),
                event.kpis().membersServed(),
                event.kpis().jobsCompleted(),
                event.kpis().outputUnits(),
                event.kpis().inspections(),
                event.kpis().qualityPassRate(),
                event.thresholds().minUtilisation(),
                event.thresholds().minMembersServed(),
                event.thresholds().minJobsCompleted(),
                event.thresholds().minOutputUnits(),
                event.thresholds().minQualityPassRate(),
                event.extensions(),
                event.decision() == null ? null : event.decision().decisionKey(),
                event.decision() == null ? null : event.decision().decisionDefinitionId(),
                event.decision() == null ? null : event.decision().version(),
                event.kpiEventPosition(),
                event.periodFrom(),
                event.periodTo(),
                sql(at));
        status(event.waveId(), WaveStatus.EVALUATING);
        // a request nobody decided before the evaluation is overtaken by it
        jdbc.update(
                "UPDATE programme_early_evaluation SET status = ? WHERE wave_id = ? AND status = ?",
                OVERTAKEN,
                event.waveId().value(),
                OPEN);
    }

    // --- early evaluation ---

    @EventHandler
    void on(EarlyEvaluationRequested event, @Timestamp Instant at) {
        jdbc.update("""
                INSERT INTO programme_early_evaluation (wave_id, request_no, reason, requested_by, requested_at, status)
                VALUES (?, ?, ?, ?, ?, ?)
                ON CONFLICT (wave_id, request_no) DO NOTHING""", event.waveId().value(), event.requestNo(), event.reason(), event.requestedBy(), sql(at), OPEN);
    }

    /** The pilot period ends now: the wave's summary shows the new end. */
    @EventHandler
    void on(EarlyEvaluationApproved event, @Timestamp Instant at) {
        earlyDecision(event.waveId(), event.requestNo(), APPROVED, event.approvedBy(), at, event.comment());
        jdbc.update(
                "UPDATE programme_wave SET pilot_ends_at = ? WHERE wave_id = ?",
                sql(event.pilotEndsAt()),
                event.waveId().value());
    }

    @EventHandler
    void on(EarlyEvaluationDeclined event, @Timestamp Instant at) {
        earlyDecision(event.waveId(), event.requestNo(), DECLINED, event.declinedBy(), at, event.reason());
    }

    private void earlyDecision(WaveId waveId, int requestNo, String status, String by, Instant at, String comment) {
        jdbc.update("""
                UPDATE programme_early_evaluation SET status = ?, decided_by = ?, decided_at = ?, decision_comment = ?
                WHERE wave_id = ? AND request_no = ?""", status, by, sql(at), comment, waveId.value(), requestNo);
    }

    // --- proposals and their timeline ---

    @EventHandler
    void on(ScaleUpProposed event, @Timestamp Instant at, @SequenceNumber long seq) {
        jdbc.update(
                """
                INSERT INTO programme_proposal (wave_id, proposal_no, evaluation_no, outcome, recommended,
                    proposed_target, extension_months, justification, proposed_by, proposed_at, status)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (wave_id, proposal_no) DO NOTHING""",
                event.waveId().value(),
                event.proposalNo(),
                event.evaluationNo(),
                event.outcome().name(),
                event.recommended() == null ? null : event.recommended().name(),
                event.proposedTarget(),
                event.extensionMonths(),
                event.justification(),
                event.proposedBy(),
                sql(at),
                OPEN);
        step(event.waveId(), seq, event.proposalNo(), "PROPOSED", null, event.proposedBy(), at, event.justification());
        status(event.waveId(), WaveStatus.SCALE_UP_PROPOSED);
    }

    @EventHandler
    void on(ProposalStageApproved event, @Timestamp Instant at, @SequenceNumber long seq) {
        step(
                event.waveId(),
                seq,
                event.proposalNo(),
                "APPROVED",
                event.stage(),
                event.approvedBy(),
                at,
                event.comment());
        if (event.stage() == ApprovalStage.FINAL_APPROVAL) {
            proposalStatus(event.waveId(), event.proposalNo(), APPROVED);
        }
    }

    /** Nobody acted: the step's {@code by} stays empty and the comment names the group it went to. */
    @EventHandler
    void on(ProposalStageEscalated event, @Timestamp Instant at, @SequenceNumber long seq) {
        step(event.waveId(), seq, event.proposalNo(), "ESCALATED", event.stage(), null, at, event.escalatedTo());
    }

    @EventHandler
    void on(ProposalRejected event, @Timestamp Instant at, @SequenceNumber long seq) {
        step(
                event.waveId(),
                seq,
                event.proposalNo(),
                "REJECTED",
                event.stage(),
                event.rejectedBy(),
                at,
                event.reason());
        proposalStatus(event.waveId(), event.proposalNo(), REJECTED);
        status(event.waveId(), WaveStatus.REJECTED);
    }

    @EventHandler
    void on(ScaleUpApproved event) {
        proposalStatus(event.waveId(), event.proposalNo(), APPROVED);
        status(event.waveId(), WaveStatus.APPROVED);
    }

    @EventHandler
    void on(PilotExtended event) {
        proposalStatus(event.waveId(), event.proposalNo(), APPROVED);
        jdbc.update(
                "UPDATE programme_wave SET status = ?, pilot_ends_at = ?, extensions = ? WHERE wave_id = ?",
                WaveStatus.EXTENDED.name(),
                sql(event.pilotEndsAt()),
                event.extensions(),
                event.waveId().value());
    }

    @EventHandler
    void on(WaveStopped event) {
        proposalStatus(event.waveId(), event.proposalNo(), APPROVED);
        status(event.waveId(), WaveStatus.STOPPED);
    }

    // --- factories: name and status ---

    @EventHandler
    void on(FactoryProposed event) {
        jdbc.update("""
                INSERT INTO programme_factory (factory_id, name, status) VALUES (?, ?, ?)
                ON CONFLICT (factory_id) DO UPDATE SET name = EXCLUDED.name""", event.factoryId().value(), event.name(), FactoryStatus.PROPOSED.name());
    }

    @EventHandler
    void on(FactoryCommissioned event) {
        factoryStatus(event.factoryId(), FactoryStatus.COMMISSIONED);
    }

    @EventHandler
    void on(FactorySuspended event) {
        factoryStatus(event.factoryId(), FactoryStatus.SUSPENDED);
    }

    @EventHandler
    void on(FactoryResumed event) {
        factoryStatus(event.factoryId(), FactoryStatus.COMMISSIONED);
    }

    @EventHandler
    void on(FactoryDecommissioned event) {
        factoryStatus(event.factoryId(), FactoryStatus.DECOMMISSIONED);
    }

    @ResetHandler
    void reset() {
        jdbc.update("DELETE FROM programme_early_evaluation");
        jdbc.update("DELETE FROM programme_approval_step");
        jdbc.update("DELETE FROM programme_proposal");
        jdbc.update("DELETE FROM programme_recommendation");
        jdbc.update("DELETE FROM programme_wave_factory");
        jdbc.update("DELETE FROM programme_wave");
        jdbc.update("DELETE FROM programme_factory");
    }

    private void status(WaveId waveId, WaveStatus status) {
        jdbc.update("UPDATE programme_wave SET status = ? WHERE wave_id = ?", status.name(), waveId.value());
    }

    private void proposalStatus(WaveId waveId, int proposalNo, String status) {
        jdbc.update(
                "UPDATE programme_proposal SET status = ? WHERE wave_id = ? AND proposal_no = ?",
                status,
                waveId.value(),
                proposalNo);
    }

    private void step(
            WaveId waveId,
            long seq,
            int proposalNo,
            String action,
            ApprovalStage stage,
            String by,
            Instant at,
            String comment) {
        jdbc.update(
                """
                INSERT INTO programme_approval_step (wave_id, event_seq, proposal_no, action, stage, actor, at, comment)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (wave_id, event_seq) DO NOTHING""",
                waveId.value(),
                seq,
                proposalNo,
                action,
                stage == null ? null : stage.name(),
                by,
                sql(at),
                comment);
    }

    /** The status only; a factory whose proposal was not seen gets a row without a name. */
    private void factoryStatus(FactoryId factoryId, FactoryStatus status) {
        jdbc.update("""
                INSERT INTO programme_factory (factory_id, status) VALUES (?, ?)
                ON CONFLICT (factory_id) DO UPDATE SET status = EXCLUDED.status""", factoryId.value(), status.name());
    }

    private static java.sql.Timestamp sql(Instant at) {
        return java.sql.Timestamp.from(at);
    }
}
