package org.factorysharing.api.programme;

/** A pilot proves the model in a few regions; a scale-up wave rolls it out further once pilots succeeded. */
public enum WaveKind {
    PILOT,
    SCALE_UP
}
