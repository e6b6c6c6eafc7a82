package org.factorysharing.api.programme;

/**
 * What success means for a wave, set when it is planned: each KPI of the wave must reach its threshold.
 * Rates are fractions (0.6 = 60%).
 */
public record KpiThresholds(
        double minUtilisation,
        int minMembersServed,
        int minJobsCompleted,
        long minOutputUnits,
        double minQualityPassRate) {}
