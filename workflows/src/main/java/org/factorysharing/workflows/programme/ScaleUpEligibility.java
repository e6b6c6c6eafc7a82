package org.factorysharing.workflows.programme;

import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.factorysharing.api.programme.DecisionReference;
import org.factorysharing.api.programme.KpiFigures;
import org.factorysharing.api.programme.KpiThresholds;
import org.factorysharing.api.programme.Recommendation;
import org.springframework.stereotype.Component;

/**
 * Evaluates the latest deployed version of scale_up_eligibility, and names exactly that version in the answer:
 * a version deployed later (a changed threshold rule) is used from the next evaluation on, without a restart,
 * and every recommendation says which version made it.
 */
@Component
public class ScaleUpEligibility {

    /** The table's answer and the definition that gave it. */
    public record Outcome(Recommendation recommendation, String reason, DecisionReference decision) {
    }

    private final RepositoryService repository;
    private final DecisionService decisions;

    ScaleUpEligibility(RepositoryService repository, DecisionService decisions) {
        this.repository = repository;
        this.decisions = decisions;
    }

    public Outcome evaluate(KpiFigures kpis, KpiThresholds thresholds, int extensions) {
        DecisionDefinition latest = repository.createDecisionDefinitionQuery()
                .decisionDefinitionKey(ScaleUpEligibilityDecision.KEY)
                .latestVersion()
                .singleResult();
        if (latest == null) {
            throw new IllegalStateException("decision " + ScaleUpEligibilityDecision.KEY + " is not deployed");
        }
        // by id, not by key: the version looked up above is the one evaluated and recorded, even if another
        // version is deployed in between
        DmnDecisionResultEntries result = decisions.evaluateDecisionById(latest.getId())
                .variables(inputs(kpis, thresholds, extensions))
                .evaluate()
                .getSingleResult();
        if (result == null) {
            throw new IllegalStateException("decision " + latest.getId() + " matched no rule");
        }
        return new Outcome(Recommendation.valueOf(result.getEntry(ScaleUpEligibilityDecision.RECOMMENDATION)),
                result.getEntry(ScaleUpEligibilityDecision.REASON),
                new DecisionReference(latest.getKey(), latest.getId(), latest.getVersion()));
    }

    /** The decision's input variables, as an auditor needs them to evaluate a recorded recommendation again. */
    public static Map<String, Object> inputs(KpiFigures kpis, KpiThresholds thresholds, int extensions) {
        Map<String, Object> inputs = new HashMap<>();
        inputs.put(ScaleUpEligibilityDecision.COMMISSIONED_FACTORIES, kpis.commissionedFactories());
        inputs.put(ScaleUpEligibilityDecision.UTILISATION, kpis.utilisation());
        inputs.put(ScaleUpEligibilityDecision.MEMBERS_SERVED, kpis.membersServed());
        inputs.put(ScaleUpEligibilityDecision.JOBS_COMPLETED, kpis.jobsCompleted());
        inputs.put(ScaleUpEligibilityDecision.OUTPUT_UNITS, kpis.outputUnits());
        inputs.put(ScaleUpEligibilityDecision.QUALITY_PASS_RATE, kpis.qualityPassRate());
        WaveVariables.putThresholds(inputs, thresholds);
        inputs.put(ScaleUpEligibilityDecision.EXTENSIONS, extensions);
        return inputs;
    }
}
