package org.factorysharing.workflows.programme;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
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
    public record Outcome(Recommendation recommendation, String reason, DecisionReference decision) {}

    private final RepositoryService repository;
    private final DecisionService decisions;
    /** For evaluations that must leave no trace; FEEL as in the process engine (its default since 7.13). */
    private final DmnEngine standalone =
            DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();

    ScaleUpEligibility(RepositoryService repository, DecisionService decisions) {
        this.repository = repository;
        this.decisions = decisions;
    }

    public Outcome evaluate(KpiFigures kpis, KpiThresholds thresholds, int extensions) {
        DecisionDefinition latest = repository
                .createDecisionDefinitionQuery()
                .decisionDefinitionKey(ScaleUpEligibilityDecision.KEY)
                .latestVersion()
                .singleResult();
        if (latest == null) {
            throw new IllegalStateException("decision " + ScaleUpEligibilityDecision.KEY + " is not deployed");
        }
        // by id, not by key: the version looked up above is the one evaluated and recorded, even if another
        // version is deployed in between
        return evaluate(latest, kpis, thresholds, extensions);
    }

    /**
     * Evaluates one given version (by definition id) without writing anything, not even decision history: an
     * auditor's re-evaluation of a recommendation, or the check of a version before it is used. The model is
     * read from the deployment and evaluated on a standalone DMN engine.
     */
    public Outcome evaluateWithoutHistory(
            String decisionDefinitionId, KpiFigures kpis, KpiThresholds thresholds, int extensions) {
        DecisionDefinition definition = repository.getDecisionDefinition(decisionDefinitionId);
        DmnDecision decision;
        try (InputStream model = repository.getDecisionModel(decisionDefinitionId)) {
            decision = standalone.parseDecision(definition.getKey(), model);
        } catch (IOException unreadable) {
            throw new UncheckedIOException(unreadable);
        }
        return outcome(
                definition,
                standalone
                        .evaluateDecision(decision, inputs(kpis, thresholds, extensions))
                        .getSingleResult());
    }

    private Outcome evaluate(DecisionDefinition definition, KpiFigures kpis, KpiThresholds thresholds, int extensions) {
        return outcome(
                definition,
                decisions
                        .evaluateDecisionById(definition.getId())
                        .variables(inputs(kpis, thresholds, extensions))
                        .evaluate()
                        .getSingleResult());
    }

    private static Outcome outcome(DecisionDefinition definition, DmnDecisionResultEntries result) {
        if (result == null) {
            throw new IllegalStateException("decision " + definition.getId() + " matched no rule");
        }
        Object recommendation = result.getEntry(ScaleUpEligibilityDecision.RECOMMENDATION);
        Object reason = result.getEntry(ScaleUpEligibilityDecision.REASON);
        if (recommendation == null || reason == null) {
            throw new IllegalStateException("decision " + definition.getId() + " must answer "
                    + ScaleUpEligibilityDecision.RECOMMENDATION + " and " + ScaleUpEligibilityDecision.REASON);
        }
        if (Arrays.stream(Recommendation.values())
                .noneMatch(known -> known.name().equals(recommendation.toString()))) {
            throw new IllegalStateException("decision " + definition.getId() + " answers " + recommendation
                    + ", not one of " + Arrays.toString(Recommendation.values()));
        }
        return new Outcome(
                Recommendation.valueOf(recommendation.toString()),
                reason.toString(),
                new DecisionReference(definition.getKey(), definition.getId(), definition.getVersion()));
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
