package org.factorysharing.api.programme;

/**
 * Exactly which decision table decided: its key, the engine's definition id and the deployed version, so
 * that an auditor can evaluate that same version again with the recorded inputs.
 */
public record DecisionReference(String decisionKey, String decisionDefinitionId, int version) {}
