package org.factorysharing.workflows.programme;

import java.io.ByteArrayInputStream;
import java.util.List;
import java.util.Optional;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.axonframework.queryhandling.QueryHandler;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.factorysharing.api.programme.DecisionQueries.DecisionVersionView;
import org.factorysharing.api.programme.DecisionQueries.FindDecisionVersions;
import org.factorysharing.api.programme.DecisionQueries.ReEvaluateRecommendation;
import org.factorysharing.api.programme.DecisionQueries.ReEvaluationView;
import org.factorysharing.api.programme.DecisionReference;
import org.factorysharing.api.programme.KpiFigures;
import org.factorysharing.api.programme.KpiThresholds;
import org.factorysharing.api.programme.ProgrammeTaskCommands.DeployDecisionVersion;
import org.factorysharing.api.programme.WaveEvent.ScaleUpRecommended;
import org.factorysharing.api.shared.ActorMetaData;
import org.factorysharing.api.shared.BusinessRuleViolation;
import org.factorysharing.api.shared.InvalidField;
import org.factorysharing.workflows.programme.ScaleUpEligibility.Outcome;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The versions of the scale_up_eligibility table: officers deploy a new one while the server runs (the next
 * evaluation uses it), and auditors evaluate a recorded recommendation again with the very version and inputs
 * its event recorded.
 */
@Service
class ScaleUpDecisions {

    static final String KEY = ScaleUpEligibilityDecision.KEY;

    private final RepositoryService repository;
    private final ScaleUpEligibility eligibility;
    private final EventStore eventStore;

    ScaleUpDecisions(RepositoryService repository, ScaleUpEligibility eligibility, EventStore eventStore) {
        this.repository = repository;
        this.eligibility = eligibility;
        this.eventStore = eventStore;
    }

    @QueryHandler
    List<DecisionVersionView> versions(FindDecisionVersions query) {
        return versions();
    }

    @CommandHandler
    DecisionVersionView deploy(DeployDecisionVersion command, @MetaDataValue(ActorMetaData.USER_ID) String userId) {
        return deploy(command.dmn(), userId == null ? "system" : userId);
    }

    @QueryHandler
    Optional<ReEvaluationView> reEvaluate(ReEvaluateRecommendation query) {
        return reEvaluate(query.waveId().value(), query.evaluationNo());
    }

    @Transactional(readOnly = true)
    List<DecisionVersionView> versions() {
        return repository
                .createDecisionDefinitionQuery()
                .decisionDefinitionKey(KEY)
                .orderByDecisionDefinitionVersion()
                .desc()
                .list()
                .stream()
                .map(this::view)
                .toList();
    }

    /**
     * Deploys a new version after checking that it is a DMN with a decision {@value #KEY} that answers a
     * known recommendation for a neutral set of KPIs; anything else rolls the deployment back.
     */
    @Transactional
    DecisionVersionView deploy(byte[] xml, String deployedBy) {
        DmnModelInstance model;
        try {
            model = Dmn.readModelFromStream(new ByteArrayInputStream(xml));
        } catch (RuntimeException notDmn) {
            throw new InvalidField("body", "is not a DMN 1.3 document: " + firstLine(notDmn.getMessage()));
        }
        boolean hasDecision = model.getModelElementsByType(Decision.class).stream()
                .anyMatch(decision -> KEY.equals(decision.getId()));
        if (!hasDecision) {
            throw new InvalidField("body", "must contain a decision with id " + KEY);
        }
        Deployment deployment = repository
                .createDeployment()
                .name(KEY + " by " + deployedBy)
                .source("factory-sharing API")
                .addInputStream(KEY + ".dmn", new ByteArrayInputStream(xml))
                .deploy();
        DecisionDefinition definition = repository
                .createDecisionDefinitionQuery()
                .deploymentId(deployment.getId())
                .decisionDefinitionKey(KEY)
                .singleResult();
        KpiThresholds sample = new KpiThresholds(0.5, 1, 1, 1, 0.9);
        try {
            eligibility.evaluateWithoutHistory(definition.getId(), KpiFigures.NONE, sample, 0);
        } catch (RuntimeException unusable) {
            throw new BusinessRuleViolation(
                    "decision.unusable",
                    "the table cannot decide on the wave's KPIs: " + firstLine(unusable.getMessage()));
        }
        return view(definition);
    }

    /** Evaluates the recorded recommendation again, from its event, with the version that decided then. */
    @Transactional(readOnly = true)
    Optional<ReEvaluationView> reEvaluate(String waveId, int evaluationNo) {
        return eventStore
                .readEvents(waveId)
                .asStream()
                .map(message -> message.getPayload())
                .filter(ScaleUpRecommended.class::isInstance)
                .map(ScaleUpRecommended.class::cast)
                .filter(event -> event.evaluationNo() == evaluationNo)
                .findFirst()
                .map(recorded -> reEvaluate(waveId, recorded));
    }

    private ReEvaluationView reEvaluate(String waveId, ScaleUpRecommended recorded) {
        int evaluationNo = recorded.evaluationNo();
        DecisionReference decision = recorded.decision();
        Outcome again = eligibility.evaluateWithoutHistory(
                decision.decisionDefinitionId(), recorded.kpis(), recorded.thresholds(), recorded.extensions());
        boolean same = again.recommendation() == recorded.recommendation()
                && again.reason().equals(recorded.reason());
        return new ReEvaluationView(
                waveId,
                evaluationNo,
                decision,
                recorded.kpiEventPosition(),
                recorded.kpis(),
                recorded.thresholds(),
                recorded.extensions(),
                recorded.recommendation(),
                recorded.reason(),
                again.recommendation(),
                again.reason(),
                same);
    }

    private DecisionVersionView view(DecisionDefinition definition) {
        Deployment deployment = repository
                .createDeploymentQuery()
                .deploymentId(definition.getDeploymentId())
                .singleResult();
        return new DecisionVersionView(
                definition.getKey(),
                definition.getId(),
                definition.getVersion(),
                deployment.getName(),
                deployment.getDeploymentTime().toInstant());
    }

    private static String firstLine(String message) {
        return message == null ? "" : message.lines().findFirst().orElse("");
    }
}
