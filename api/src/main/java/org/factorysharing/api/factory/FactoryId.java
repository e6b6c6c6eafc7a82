package org.factorysharing.api.factory;

import java.util.Objects;
import java.util.UUID;

/** Identity of a shared factory (Rumah Produksi Bersama); also the business key of its commissioning process. */
public record FactoryId(String value) {

    public FactoryId {
        Objects.requireNonNull(value, "factory id");
    }

    public static FactoryId newId() {
        return new FactoryId(UUID.randomUUID().toString());
    }

    /** The Camunda group of the factory's own staff, created when the factory is proposed. */
    public String staffGroup() {
        return org.factorysharing.api.shared.Groups.staffOf(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
