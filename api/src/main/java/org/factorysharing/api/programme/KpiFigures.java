package org.factorysharing.api.programme;

/**
 * KPIs of a factory or a wave over a period, computed from the events.
 *
 * @param commissionedFactories factories counted (1 for a commissioned factory, 0 before)
 * @param bookedHours           machine-hours booked on days of the period
 * @param availableHours        machine-hours the commissioned machines offered on days of the period
 * @param utilisation           bookedHours / availableHours, 0 when nothing was available
 * @param membersServed         distinct members with a job completed in the period
 * @param jobsCompleted         jobs that passed quality inspection in the period
 * @param outputUnits           good units of those jobs
 * @param inspections           quality inspections (passed and sent to rework)
 * @param qualityPassRate       passed inspections / inspections, 0 when there was none
 */
public record KpiFigures(
        int commissionedFactories,
        long bookedHours,
        long availableHours,
        double utilisation,
        int membersServed,
        int jobsCompleted,
        long outputUnits,
        int inspections,
        double qualityPassRate) {

    public static final KpiFigures NONE = new KpiFigures(0, 0, 0, 0.0, 0, 0, 0, 0, 0.0);
}
