package org.factorysharing.api.factory;

/** A machine to install: its id within the factory, its type code and its capacity in machine-hours per day. */
public record MachinePlan(String machineId, String machineType, int capacityHoursPerDay) {}
