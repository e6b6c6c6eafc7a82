package org.factorysharing.api.region;

import java.util.List;
import org.axonframework.serialization.Revision;

/** Everything that can happen to a region of the reference list; sealed so a switch over them is checked. */
public sealed interface RegionEvent {

    RegionId regionId();

    @Revision("1")
    record RegionImported(
            RegionId regionId, String province, String regency, List<CommodityPotential> potentials, String dataSource)
            implements RegionEvent {}

    @Revision("1")
    record CommodityPotentialSet(RegionId regionId, String commodityCode, int score, String sourceNote, String setBy)
            implements RegionEvent {}

    @Revision("1")
    record CommodityPotentialRemoved(RegionId regionId, String commodityCode, String reason, String removedBy)
            implements RegionEvent {}
}
