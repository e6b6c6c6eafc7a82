package org.factorysharing.workflows.programme;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.engine.repository.Deployment;
import org.factorysharing.api.programme.KpiFigures;
import org.factorysharing.api.programme.KpiThresholds;
import org.factorysharing.api.programme.Recommendation;
import org.factorysharing.workflows.WorkflowTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ClassPathResource;

/**
 * Every rule of scale_up_eligibility as deployed by the server (the engine's own DMN engine and FEEL), through
 * the lookup the rollout uses: each threshold is met exactly at its value and missed just below it.
 */
@WorkflowTest
class ScaleUpEligibilityDecisionTest {

    private static final KpiThresholds THRESHOLDS = new KpiThresholds(0.6, 10, 20, 500, 0.9);
    /** Every KPI exactly at its threshold. */
    private static final KpiFigures AT_THRESHOLDS = kpis(1, 0.6, 10, 20, 500, 0.9);

    private static final String NO_FACTORY = "No factory of the wave was commissioned";
    private static final String ALL_MET = "Every KPI threshold was met";
    private static final String QUALITY_AFTER_EXTENSION = "Quality stayed below its threshold after an extension";
    private static final String TWO_EXTENSIONS = "Thresholds still not met after two extensions";
    private static final String NOT_YET = "Some KPI thresholds are not met yet";

    @Autowired
    ScaleUpEligibility eligibility;

    @Autowired
    RepositoryService repository;

    @ParameterizedTest(name = "{0} extension(s)")
    @CsvSource({"0", "1", "2", "3"})
    void everyKpiAtItsThresholdMeetsIt(int extensions) {
        assertOutcome(AT_THRESHOLDS, extensions, Recommendation.SCALE_UP, ALL_MET);
    }

    @Test
    void kpisAboveTheirThresholdsMeetThem() {
        assertOutcome(kpis(3, 0.75, 40, 90, 2_000, 1.0), 0, Recommendation.SCALE_UP, ALL_MET);
    }

    @ParameterizedTest(name = "{0} extension(s)")
    @CsvSource({"0", "1", "2"})
    void aWaveWithoutACommissionedFactoryStopsEvenWithEveryThresholdMet(int extensions) {
        assertOutcome(kpis(0, 0.6, 10, 20, 500, 0.9), extensions, Recommendation.STOP, NO_FACTORY);
        assertOutcome(kpis(0, 0, 0, 0, 0, 0), extensions, Recommendation.STOP, NO_FACTORY);
    }

    @ParameterizedTest(name = "{0} just below its threshold")
    @CsvSource({
        "utilisation,        0.5999, 10, 20, 500, 0.9",
        "members served,     0.6,     9, 20, 500, 0.9",
        "jobs completed,     0.6,    10, 19, 500, 0.9",
        "output units,       0.6,    10, 20, 499, 0.9",
        "quality pass rate,  0.6,    10, 20, 500, 0.8999"
    })
    void oneKpiJustBelowItsThresholdExtendsThePilotAndAfterTwoExtensionsStops(
            String kpi, double utilisation, int members, int jobs, long output, double quality) {
        KpiFigures figures = kpis(1, utilisation, members, jobs, output, quality);
        boolean qualityMissed = quality < THRESHOLDS.minQualityPassRate();

        assertOutcome(figures, 0, Recommendation.EXTEND_PILOT, NOT_YET);
        if (qualityMissed) {
            assertOutcome(figures, 1, Recommendation.STOP, QUALITY_AFTER_EXTENSION);
            assertOutcome(figures, 2, Recommendation.STOP, QUALITY_AFTER_EXTENSION);
        } else {
            assertOutcome(figures, 1, Recommendation.EXTEND_PILOT, NOT_YET);
            assertOutcome(figures, 2, Recommendation.STOP, TWO_EXTENSIONS);
        }
    }

    @Test
    void qualityBelowItsThresholdIsGivenOneExtensionOnly() {
        KpiFigures poorQuality = kpis(2, 0.8, 30, 40, 900, 0.5);

        assertOutcome(poorQuality, 0, Recommendation.EXTEND_PILOT, NOT_YET);
        assertOutcome(poorQuality, 1, Recommendation.STOP, QUALITY_AFTER_EXTENSION);
    }

    @Test
    void everyKpiBelowItsThresholdExtendsTwiceThenStops() {
        KpiFigures nothing = kpis(1, 0, 0, 0, 0, 0);

        assertOutcome(nothing, 0, Recommendation.EXTEND_PILOT, NOT_YET);
        // quality is among them: the rule on quality after an extension comes first
        assertOutcome(nothing, 1, Recommendation.STOP, QUALITY_AFTER_EXTENSION);
        assertOutcome(kpis(1, 0, 0, 0, 0, 0.95), 1, Recommendation.EXTEND_PILOT, NOT_YET);
        assertOutcome(kpis(1, 0, 0, 0, 0, 0.95), 2, Recommendation.STOP, TWO_EXTENSIONS);
    }

    @Test
    void theLatestDeployedVersionDecidesAndIsNamedWithoutARestart() throws IOException {
        ScaleUpEligibility.Outcome before = eligibility.evaluate(AT_THRESHOLDS, THRESHOLDS, 0);
        DecisionDefinition deployed = repository
                .createDecisionDefinitionQuery()
                .decisionDefinitionKey(ScaleUpEligibilityDecision.KEY)
                .latestVersion()
                .singleResult();
        assertThat(before.decision().decisionKey()).isEqualTo(ScaleUpEligibilityDecision.KEY);
        assertThat(before.decision().decisionDefinitionId()).isEqualTo(deployed.getId());
        assertThat(before.decision().version()).isEqualTo(deployed.getVersion());

        // a stricter table: utilisation must now exceed its threshold
        String stricter = new String(
                        new ClassPathResource("dmn/scale_up_eligibility.dmn")
                                .getInputStream()
                                .readAllBytes(),
                        StandardCharsets.UTF_8)
                .replace("utilisation &gt;= minUtilisation", "utilisation &gt; minUtilisation");
        Deployment deployment = repository
                .createDeployment()
                .name("stricter scale-up eligibility")
                .addString("scale_up_eligibility.dmn", stricter)
                .deploy();
        try {
            ScaleUpEligibility.Outcome after = eligibility.evaluate(AT_THRESHOLDS, THRESHOLDS, 0);

            assertThat(after.recommendation()).isEqualTo(Recommendation.EXTEND_PILOT);
            assertThat(after.decision().version()).isEqualTo(deployed.getVersion() + 1);
            assertThat(after.decision().decisionDefinitionId())
                    .isNotEqualTo(deployed.getId())
                    .isEqualTo(repository
                            .createDecisionDefinitionQuery()
                            .deploymentId(deployment.getId())
                            .singleResult()
                            .getId());
        } finally {
            repository.deleteDeployment(deployment.getId(), true);
        }
        assertThat(eligibility.evaluate(AT_THRESHOLDS, THRESHOLDS, 0)).isEqualTo(before);
    }

    private void assertOutcome(KpiFigures kpis, int extensions, Recommendation recommendation, String reason) {
        ScaleUpEligibility.Outcome outcome = eligibility.evaluate(kpis, THRESHOLDS, extensions);
        assertThat(outcome.recommendation())
                .as("recommendation for %s, %d extension(s)", kpis, extensions)
                .isEqualTo(recommendation);
        assertThat(outcome.reason()).isEqualTo(reason);
    }

    private static KpiFigures kpis(
            int commissioned, double utilisation, int members, int jobs, long output, double quality) {
        return new KpiFigures(commissioned, 0, 0, utilisation, members, jobs, output, 0, quality);
    }
}
