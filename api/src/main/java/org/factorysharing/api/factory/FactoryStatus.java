package org.factorysharing.api.factory;

/**
 * Factory lifecycle: PROPOSED -> INSTALLING -> INSPECTED -> COMMISSIONED -> (SUSPENDED <-> COMMISSIONED)
 * -> DECOMMISSIONED. A failed inspection leaves the factory INSTALLING until it passes.
 */
public enum FactoryStatus {
    PROPOSED,
    INSTALLING,
    INSPECTED,
    COMMISSIONED,
    SUSPENDED,
    DECOMMISSIONED
}
