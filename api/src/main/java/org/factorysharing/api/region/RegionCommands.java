package org.factorysharing.api.region;

import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Commands of the regions reference list. */
public final class RegionCommands {

    private RegionCommands() {}

    /** A region from the reference data file shipped with the server ({@code dataSource} names file and version). */
    public record ImportRegion(
            @TargetAggregateIdentifier RegionId regionId,
            String province,
            String regency,
            List<CommodityPotential> potentials,
            String dataSource) {}

    /** An officer sets (adds or changes) the potential of a commodity (free text, normalised to a code). */
    public record SetCommodityPotential(
            @TargetAggregateIdentifier RegionId regionId,
            String commodity,
            int score,
            String sourceNote,
            String setBy) {}

    public record RemoveCommodityPotential(
            @TargetAggregateIdentifier RegionId regionId, String commodityCode, String reason, String removedBy) {}
}
