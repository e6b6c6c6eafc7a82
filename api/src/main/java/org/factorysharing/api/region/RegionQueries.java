package org.factorysharing.api.region;

import java.time.Instant;
import java.util.List;

/** Queries of the regions read model and their answers. */
public final class RegionQueries {

    private RegionQueries() {}

    /**
     * One page of regions; null filters match everything. With a commodity code, only regions with a potential
     * for it, best score first (where a factory for that commodity fits); otherwise by province and regency.
     */
    public record FindRegions(String provinceCode, String commodityCode, int page, int size) {}

    public record FindRegion(RegionId regionId) {}

    /** {@code score} is the potential for the commodity asked for, or the region's best when none was asked. */
    public record RegionSummaryView(
            String regionId, String province, String regency, String commodityCode, int score) {}

    public record RegionPage(List<RegionSummaryView> items, int page, int size, long totalItems, int totalPages) {}

    public record RegionView(
            String regionId, String province, String regency, String dataSource, List<PotentialView> potentials) {}

    public record PotentialView(
            String commodityCode, int score, String sourceNote, String updatedBy, Instant updatedAt) {}
}
