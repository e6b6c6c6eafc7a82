package org.factorysharing.api.job;

import java.util.Objects;
import java.util.UUID;

/** Identity of a production job; also the business key of its production_job process. */
public record JobId(String value) {

    public JobId {
        Objects.requireNonNull(value, "job id");
    }

    public static JobId newId() {
        return new JobId(UUID.randomUUID().toString());
    }

    @Override
    public String toString() {
        return value;
    }
}
