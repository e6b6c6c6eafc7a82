package org.factorysharing.command.region;

import java.util.Optional;
import org.axonframework.modelling.command.Repository;
import org.factorysharing.api.region.CommodityPotential;
import org.factorysharing.api.region.RegionEvent.RegionImported;
import org.factorysharing.api.region.RegionId;
import org.factorysharing.command.shared.KnownAggregates;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;

/** Reads the potential on the Region aggregate itself (not the region-potential read model). */
@Component
class AggregateRegionPotentials implements RegionPotentials {

    private final Repository<Region> regions;
    private final KnownAggregates known;

    AggregateRegionPotentials(@Qualifier("regionRepository") Repository<Region> regions, KnownAggregates known) {
        this.regions = regions;
        this.known = known;
    }

    @Override
    public Optional<CommodityPotential> potentialOf(RegionId regionId, String commodityCode) {
        if (!known.startsWith(regionId.value(), RegionImported.class)) {
            return Optional.empty(); // a region not in the reference list has no potential for anything
        }
        return regions.load(regionId.value()).invoke(region -> region.potentialOf(commodityCode));
    }
}
