package org.factorysharing.api.factory;

/** A machine is PLANNED in the proposal, OPERATIONAL once installed, and may go IN_MAINTENANCE and back. */
public enum MachineStatus {
    PLANNED,
    OPERATIONAL,
    IN_MAINTENANCE
}
