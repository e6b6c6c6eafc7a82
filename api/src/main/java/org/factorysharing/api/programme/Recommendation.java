package org.factorysharing.api.programme;

/** Outcome of the scale_up_eligibility decision table, and of the proposal an officer makes from it. */
public enum Recommendation {
    SCALE_UP,
    EXTEND_PILOT,
    STOP
}
