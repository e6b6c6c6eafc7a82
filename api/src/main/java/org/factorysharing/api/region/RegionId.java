package org.factorysharing.api.region;

import java.util.Objects;
import org.factorysharing.api.shared.Codes;

/** A region (regency in a province), identified by its codes: {@code SULAWESI_UTARA/MINAHASA}. */
public record RegionId(String value) {

    public RegionId {
        Objects.requireNonNull(value, "region id");
    }

    public static RegionId of(String province, String regency) {
        return new RegionId(Codes.of(province) + "/" + Codes.of(regency));
    }

    @Override
    public String toString() {
        return value;
    }
}
