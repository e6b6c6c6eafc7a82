package org.factorysharing.api.programme;

/**
 * Lifecycle of a wave: {@code PLANNED -> RUNNING -> EVALUATING -> SCALE_UP_PROPOSED -> APPROVED | REJECTED |
 * EXTENDED | STOPPED}; an EXTENDED wave runs a new pilot period and is evaluated again.
 */
public enum WaveStatus {
    PLANNED,
    RUNNING,
    EVALUATING,
    SCALE_UP_PROPOSED,
    /** The scale-up was approved; the next wave is planned with the approved target. */
    APPROVED,
    /** A stage turned the proposal down; the rollout of this wave ends there. */
    REJECTED,
    /** The pilot period was extended and restarted. */
    EXTENDED,
    /** Stopping the programme for this wave was approved. */
    STOPPED;

    /** A wave whose pilot period is running (the first one or an extension). */
    public boolean piloting() {
        return this == RUNNING || this == EXTENDED;
    }

    public boolean ended() {
        return this == APPROVED || this == REJECTED || this == STOPPED;
    }
}
