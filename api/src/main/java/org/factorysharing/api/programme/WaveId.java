package org.factorysharing.api.programme;

import java.util.Objects;
import java.util.UUID;

/** Identity of a programme wave; also the business key of its pilot_rollout process. */
public record WaveId(String value) {

    public WaveId {
        Objects.requireNonNull(value, "wave id");
    }

    public static WaveId newId() {
        return new WaveId(UUID.randomUUID().toString());
    }

    @Override
    public String toString() {
        return value;
    }
}
