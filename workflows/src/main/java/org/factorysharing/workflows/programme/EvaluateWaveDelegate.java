package org.factorysharing.workflows.programme;

import static org.factorysharing.workflows.programme.PilotRolloutProcess.*;

import java.time.LocalDate;
import java.util.Date;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.factorysharing.api.programme.KpiFigures;
import org.factorysharing.api.programme.KpiThresholds;
import org.factorysharing.api.programme.ProgrammeQueries.FindWaveKpis;
import org.factorysharing.api.programme.ProgrammeQueries.WaveKpisView;
import org.factorysharing.api.programme.WaveCommands.RecordRecommendation;
import org.factorysharing.api.programme.WaveId;
import org.factorysharing.api.shared.ProgrammeTime;
import org.springframework.stereotype.Component;

/**
 * The pilot period is over (its timer fired, or an early evaluation was approved): evaluates scale_up_eligibility over
 * the wave's KPIs of the period up to {@code pilotEndsAt} and records the recommendation with everything needed to
 * evaluate it again (inputs, decision version, the event position the KPIs include).
 */
@Component("evaluateWaveDelegate")
class EvaluateWaveDelegate implements JavaDelegate {

    private final QueryGateway queries;
    private final CommandGateway commands;
    private final ScaleUpEligibility eligibility;

    EvaluateWaveDelegate(QueryGateway queries, CommandGateway commands, ScaleUpEligibility eligibility) {
        this.queries = queries;
        this.commands = commands;
        this.eligibility = eligibility;
    }

    @Override
    public void execute(DelegateExecution execution) {
        WaveId waveId = new WaveId(execution.getProcessBusinessKey());
        // the period this evaluation covers ends on the day the process names (the timer's, or an early approval's),
        // whether or not the KPI read model has seen the event that moved it yet
        LocalDate until =
                execution.getVariable(PILOT_ENDS_AT) instanceof Date end ? ProgrammeTime.dateOf(end.toInstant()) : null;
        WaveKpisView view = queries.query(
                        new FindWaveKpis(waveId, until), ResponseTypes.optionalInstanceOf(WaveKpisView.class))
                .join()
                .filter(kpis -> kpis.from() != null && kpis.kpis() != null)
                // the read model lags behind the wave's start: fail, so the job is retried later
                .orElseThrow(() -> new IllegalStateException("no KPIs of wave " + waveId + " yet"));
        KpiThresholds thresholds = WaveVariables.thresholds(execution);
        int extensions = WaveVariables.intOrZero(execution, EXTENSIONS);

        ScaleUpEligibility.Outcome outcome = eligibility.evaluate(view.kpis(), thresholds, extensions);
        commands.sendAndWait(new RecordRecommendation(
                waveId,
                outcome.recommendation(),
                outcome.reason(),
                view.kpis(),
                thresholds,
                extensions,
                outcome.decision(),
                view.eventPosition(),
                view.from(),
                view.to()));

        execution.setVariable(EVALUATIONS, WaveVariables.intOrZero(execution, EVALUATIONS) + 1);
        execution.setVariable(RECOMMENDATION, outcome.recommendation().name());
        execution.setVariable(RECOMMENDATION_REASON, outcome.reason());
        execution.setVariable(KPI_SUMMARY, summary(view.kpis(), thresholds));
        execution.setVariable(DECISION_DEFINITION_ID, outcome.decision().decisionDefinitionId());
        execution.setVariable(DECISION_VERSION, outcome.decision().version());
        execution.setVariable(KPI_EVENT_POSITION, view.eventPosition());
    }

    /** One line for the officer's form: each KPI against its threshold. */
    static String summary(KpiFigures kpis, KpiThresholds min) {
        return "commissioned factories %d; utilisation %s (min %s); members served %d (min %d); jobs completed %d (min %d); output units %d (min %d); quality pass rate %s (min %s)"
                .formatted(
                        kpis.commissionedFactories(),
                        percent(kpis.utilisation()),
                        percent(min.minUtilisation()),
                        kpis.membersServed(),
                        min.minMembersServed(),
                        kpis.jobsCompleted(),
                        min.minJobsCompleted(),
                        kpis.outputUnits(),
                        min.minOutputUnits(),
                        percent(kpis.qualityPassRate()),
                        percent(min.minQualityPassRate()));
    }

    private static String percent(double rate) {
        return String.format(java.util.Locale.ROOT, "%.1f%%", rate * 100);
    }
}
