package org.factorysharing.api.member;

import java.util.Objects;
import java.util.UUID;

/** Identity of a member (UMKM) aggregate; also the business key of its onboarding process. */
public record MemberId(String value) {

    public MemberId {
        Objects.requireNonNull(value, "member id");
    }

    public static MemberId newId() {
        return new MemberId(UUID.randomUUID().toString());
    }

    @Override
    public String toString() {
        return value;
    }
}
