package org.factorysharing.query.programme;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.axonframework.queryhandling.QueryHandler;
import org.factorysharing.api.programme.ApprovalStage;
import org.factorysharing.api.programme.DecisionReference;
import org.factorysharing.api.programme.KpiFigures;
import org.factorysharing.api.programme.KpiThresholds;
import org.factorysharing.api.programme.ProgrammeQueries.ApprovalStepView;
import org.factorysharing.api.programme.ProgrammeQueries.EarlyEvaluationView;
import org.factorysharing.api.programme.ProgrammeQueries.FindWave;
import org.factorysharing.api.programme.ProgrammeQueries.FindWaveKpis;
import org.factorysharing.api.programme.ProgrammeQueries.FindWaves;
import org.factorysharing.api.programme.ProgrammeQueries.ProposalView;
import org.factorysharing.api.programme.ProgrammeQueries.RecommendationView;
import org.factorysharing.api.programme.ProgrammeQueries.WaveFactoryView;
import org.factorysharing.api.programme.ProgrammeQueries.WaveKpisView;
import org.factorysharing.api.programme.ProgrammeQueries.WaveSummaryView;
import org.factorysharing.api.programme.ProgrammeQueries.WaveView;
import org.factorysharing.api.programme.Recommendation;
import org.factorysharing.api.programme.WaveKind;
import org.factorysharing.api.programme.WaveStatus;
import org.factorysharing.query.programme.KpiCalculator.Facts;
import org.factorysharing.query.programme.ProgrammeKpiReader.KpiWave;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Answers the programme dashboard and KPI queries. The dashboard tables give the waves, factories, recommendations
 * and proposals; the KPI figures (of the wave and of each factory) come from the KPI tables over the wave's period
 * as the KPI projection knows it. Each query reads one repeatable-read snapshot, so the position it reports matches
 * the figures. An unknown wave is answered with an empty Optional.
 */
@Component
class ProgrammeQueryHandler {

    /** A wave row with its factory counts; running: commissioned and neither suspended nor decommissioned. */
    private static final String SUMMARY = """
            SELECT w.*,
                   (SELECT count(*) FROM programme_wave_factory f WHERE f.wave_id = w.wave_id) AS enrolled,
                   (SELECT count(*) FROM programme_wave_factory f
                    WHERE f.wave_id = w.wave_id AND f.commissioned_at IS NOT NULL) AS commissioned,
                   (SELECT count(*) FROM programme_wave_factory f
                    LEFT JOIN programme_factory p ON p.factory_id = f.factory_id
                    WHERE f.wave_id = w.wave_id AND f.commissioned_at IS NOT NULL
                      AND coalesce(p.status, '') NOT IN ('SUSPENDED', 'DECOMMISSIONED')) AS running
            FROM programme_wave w
            """;

    private final NamedParameterJdbcTemplate jdbc;
    private final ProgrammeKpiReader kpis;

    ProgrammeQueryHandler(NamedParameterJdbcTemplate jdbc, ProgrammeKpiReader kpis) {
        this.jdbc = jdbc;
        this.kpis = kpis;
    }

    /** Newest year first, then by name. */
    @QueryHandler
    @Transactional(readOnly = true)
    public List<WaveSummaryView> handle(FindWaves query) {
        return jdbc.query(
                SUMMARY + " ORDER BY w.year DESC, w.name, w.wave_id",
                new MapSqlParameterSource(),
                (row, i) -> summary(row));
    }

    @QueryHandler
    @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
    public Optional<WaveKpisView> handle(FindWaveKpis query) {
        String waveId = query.waveId().value();
        // the position first: whatever is read after it includes at least the events up to it
        long position = kpis.position();
        Optional<KpiWave> wave = kpis.wave(waveId);
        if (wave.isEmpty() && !knownOnDashboard(waveId)) {
            return Optional.empty();
        }
        KpiWave kpiWave = wave.orElseGet(() -> KpiWave.unstarted(waveId)).until(query.until());
        return Optional.of(
                kpis.kpis(kpiWave, kpis.facts(kpiWave.factoryIds(), kpiWave.from(), kpiWave.to()), position));
    }

    @QueryHandler
    @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
    public Optional<WaveView> handle(FindWave query) {
        String waveId = query.waveId().value();
        long position = kpis.position();
        MapSqlParameterSource id = new MapSqlParameterSource("waveId", waveId);
        List<WaveRow> rows = jdbc.query(
                SUMMARY + " WHERE w.wave_id = :waveId",
                id,
                (row, i) -> new WaveRow(
                        summary(row),
                        new KpiThresholds(
                                row.getDouble("min_utilisation"),
                                row.getInt("min_members_served"),
                                row.getInt("min_jobs_completed"),
                                row.getLong("min_output_units"),
                                row.getDouble("min_quality_pass_rate")),
                        row.getString("previous_wave_id"),
                        row.getString("planned_by")));
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        WaveRow wave = rows.get(0);
        KpiWave kpiWave = kpis.wave(waveId).orElseGet(() -> KpiWave.unstarted(waveId));
        List<FactoryRow> factories = factories(id);
        // the facts of the wave's factories as the KPI projection knows them and of those the dashboard lists
        Set<String> factoryIds = new LinkedHashSet<>(kpiWave.factoryIds());
        factories.forEach(f -> factoryIds.add(f.factoryId()));
        Facts facts = kpis.facts(factoryIds, kpiWave.from(), kpiWave.to());
        WaveKpisView waveKpis = kpis.kpis(kpiWave, facts.of(Set.copyOf(kpiWave.factoryIds())), position);
        List<WaveFactoryView> factoryViews = factories.stream()
                .map(f -> f.view(KpiCalculator.figures(facts.of(Set.of(f.factoryId())), kpiWave.from(), kpiWave.to())))
                .toList();
        String nextWaveId =
                jdbc.queryForList("""
                SELECT wave_id FROM programme_wave WHERE previous_wave_id = :waveId
                ORDER BY planned_at, wave_id LIMIT 1""", id, String.class).stream().findFirst().orElse(null);
        return Optional.of(new WaveView(
                wave.summary(),
                wave.thresholds(),
                wave.previousWaveId(),
                nextWaveId,
                wave.plannedBy(),
                factoryViews,
                waveKpis,
                recommendations(id),
                proposals(id),
                earlyEvaluations(id)));
    }

    private List<EarlyEvaluationView> earlyEvaluations(MapSqlParameterSource id) {
        return jdbc.query(
                "SELECT * FROM programme_early_evaluation WHERE wave_id = :waveId ORDER BY request_no",
                id,
                (row, i) -> new EarlyEvaluationView(
                        row.getInt("request_no"),
                        row.getString("reason"),
                        row.getString("requested_by"),
                        instant(row, "requested_at"),
                        row.getString("status"),
                        row.getString("decided_by"),
                        instant(row, "decided_at"),
                        row.getString("decision_comment")));
    }

    private boolean knownOnDashboard(String waveId) {
        return Boolean.TRUE.equals(jdbc.queryForObject(
                "SELECT EXISTS (SELECT 1 FROM programme_wave WHERE wave_id = :waveId)",
                new MapSqlParameterSource("waveId", waveId),
                Boolean.class));
    }

    private record WaveRow(
            WaveSummaryView summary, KpiThresholds thresholds, String previousWaveId, String plannedBy) {}

    private record FactoryRow(
            String factoryId,
            String name,
            String regionId,
            String commodityCode,
            int potentialScore,
            String factoryStatus,
            boolean beyondTarget,
            String enrolledBy,
            Instant enrolledAt,
            Instant commissionedAt) {

        WaveFactoryView view(KpiFigures figures) {
            return new WaveFactoryView(
                    factoryId,
                    name,
                    regionId,
                    commodityCode,
                    potentialScore,
                    factoryStatus,
                    beyondTarget,
                    enrolledBy,
                    enrolledAt,
                    commissionedAt,
                    figures);
        }
    }

    private static WaveSummaryView summary(ResultSet row) throws SQLException {
        return new WaveSummaryView(
                row.getString("wave_id"),
                row.getString("name"),
                row.getInt("year"),
                WaveKind.valueOf(row.getString("kind")),
                WaveStatus.valueOf(row.getString("status")),
                row.getInt("target_factories"),
                row.getInt("enrolled"),
                row.getInt("commissioned"),
                row.getInt("running"),
                row.getInt("pilot_months"),
                instant(row, "started_at"),
                instant(row, "pilot_ends_at"),
                row.getInt("extensions"));
    }

    /** In the order they were enrolled. */
    private List<FactoryRow> factories(MapSqlParameterSource id) {
        return jdbc.query(
                """
                SELECT f.*, p.name, p.status AS factory_status FROM programme_wave_factory f
                LEFT JOIN programme_factory p ON p.factory_id = f.factory_id
                WHERE f.wave_id = :waveId ORDER BY f.enrolled_at, f.factory_id""",
                id,
                (row, i) -> new FactoryRow(
                        row.getString("factory_id"),
                        row.getString("name"),
                        row.getString("region_id"),
                        row.getString("commodity_code"),
                        row.getInt("potential_score"),
                        row.getString("factory_status"),
                        row.getBoolean("beyond_target"),
                        row.getString("enrolled_by"),
                        instant(row, "enrolled_at"),
                        instant(row, "commissioned_at")));
    }

    private List<RecommendationView> recommendations(MapSqlParameterSource id) {
        return jdbc.query(
                """
                SELECT * FROM programme_recommendation WHERE wave_id = :waveId ORDER BY evaluation_no""",
                id,
                (row, i) -> new RecommendationView(
                        row.getInt("evaluation_no"),
                        Recommendation.valueOf(row.getString("recommendation")),
                        row.getString("reason"),
                        new KpiFigures(
                                row.getInt("commissioned_factories"),
                                row.getLong("booked_hours"),
                                row.getLong("available_hours"),
                                row.getDouble("utilisation"),
                                row.getInt("members_served"),
                                row.getInt("jobs_completed"),
                                row.getLong("output_units"),
                                row.getInt("inspections"),
                                row.getDouble("quality_pass_rate")),
                        new KpiThresholds(
                                row.getDouble("min_utilisation"),
                                row.getInt("min_members_served"),
                                row.getInt("min_jobs_completed"),
                                row.getLong("min_output_units"),
                                row.getDouble("min_quality_pass_rate")),
                        row.getInt("extensions"),
                        row.getString("decision_key") == null
                                ? null
                                : new DecisionReference(
                                        row.getString("decision_key"),
                                        row.getString("decision_definition_id"),
                                        row.getInt("decision_version")),
                        row.getLong("kpi_event_position"),
                        row.getObject("period_from", LocalDate.class),
                        row.getObject("period_to", LocalDate.class),
                        instant(row, "recommended_at")));
    }

    private List<ProposalView> proposals(MapSqlParameterSource id) {
        return jdbc.query(
                "SELECT * FROM programme_proposal WHERE wave_id = :waveId ORDER BY proposal_no", id, (row, i) -> {
                    int proposalNo = row.getInt("proposal_no");
                    String recommended = row.getString("recommended");
                    return new ProposalView(
                            proposalNo,
                            row.getInt("evaluation_no"),
                            Recommendation.valueOf(row.getString("outcome")),
                            recommended == null ? null : Recommendation.valueOf(recommended),
                            row.getInt("proposed_target"),
                            row.getInt("extension_months"),
                            row.getString("justification"),
                            row.getString("proposed_by"),
                            instant(row, "proposed_at"),
                            row.getString("status"),
                            timeline(id, proposalNo));
                });
    }

    private List<ApprovalStepView> timeline(MapSqlParameterSource id, int proposalNo) {
        MapSqlParameterSource params = new MapSqlParameterSource(id.getValues()).addValue("proposalNo", proposalNo);
        return jdbc.query(
                """
                SELECT action, stage, actor, at, comment FROM programme_approval_step
                WHERE wave_id = :waveId AND proposal_no = :proposalNo ORDER BY event_seq""",
                params,
                (row, i) -> new ApprovalStepView(
                        row.getString("action"),
                        row.getString("stage") == null ? null : ApprovalStage.valueOf(row.getString("stage")),
                        row.getString("actor"),
                        instant(row, "at"),
                        row.getString("comment")));
    }

    private static Instant instant(ResultSet row, String column) throws SQLException {
        Timestamp timestamp = row.getTimestamp(column);
        return timestamp == null ? null : timestamp.toInstant();
    }
}
