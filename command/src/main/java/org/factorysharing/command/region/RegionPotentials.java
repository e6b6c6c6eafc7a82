package org.factorysharing.command.region;

import java.util.Optional;
import org.factorysharing.api.region.CommodityPotential;
import org.factorysharing.api.region.RegionId;

/** A region's potential for a commodity, as the Region aggregate holds it now. */
@FunctionalInterface
public interface RegionPotentials {

    /** Empty when the region is unknown or has no potential recorded for the commodity. */
    Optional<CommodityPotential> potentialOf(RegionId regionId, String commodityCode);
}
