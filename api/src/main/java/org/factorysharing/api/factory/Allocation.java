package org.factorysharing.api.factory;

import java.time.LocalDate;

/** Machine time held for a job: whole machine-hours on one machine on one day (programme calendar). */
public record Allocation(String machineId, LocalDate day, int hours) {}
