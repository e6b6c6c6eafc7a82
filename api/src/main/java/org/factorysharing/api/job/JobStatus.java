package org.factorysharing.api.job;

/**
 * Production job lifecycle: REQUESTED -> SCHEDULED -> IN_PROGRESS -> QUALITY_CHECK -> COMPLETED, or
 * QUALITY_CHECK -> REWORK -> QUALITY_CHECK; CANCELLED from any open state; REJECTED when the request is
 * turned down (not eligible, factory not operational, no capacity).
 */
public enum JobStatus {
    REQUESTED,
    SCHEDULED,
    IN_PROGRESS,
    QUALITY_CHECK,
    REWORK,
    COMPLETED,
    CANCELLED,
    REJECTED;

    /** Completed, cancelled and rejected jobs take no further commands. */
    public boolean isClosed() {
        return this == COMPLETED || this == CANCELLED || this == REJECTED;
    }
}
