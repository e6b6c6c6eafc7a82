package org.factorysharing.query.region;

import java.util.List;
import java.util.Optional;
import org.axonframework.queryhandling.QueryHandler;
import org.factorysharing.api.region.RegionQueries.FindRegion;
import org.factorysharing.api.region.RegionQueries.FindRegions;
import org.factorysharing.api.region.RegionQueries.PotentialView;
import org.factorysharing.api.region.RegionQueries.RegionPage;
import org.factorysharing.api.region.RegionQueries.RegionSummaryView;
import org.factorysharing.api.region.RegionQueries.RegionView;
import org.factorysharing.api.shared.Codes;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Answers region queries; with a commodity, regions are ranked by their potential for it. */
@Component
class RegionQueryHandler {

    private final NamedParameterJdbcTemplate jdbc;

    RegionQueryHandler(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @QueryHandler
    @Transactional(readOnly = true)
    public RegionPage handle(FindRegions query) {
        MapSqlParameterSource params = new MapSqlParameterSource()
                .addValue("province", query.provinceCode() == null ? null : Codes.of(query.provinceCode()))
                .addValue("commodity", query.commodityCode() == null ? null : Codes.of(query.commodityCode()))
                .addValue("limit", query.size())
                .addValue("offset", (long) query.page() * query.size());
        // with a commodity: that commodity's score; without: the region's best commodity (ties by code)
        String from = """
                FROM region_reference r
                JOIN LATERAL (SELECT p.commodity_code, p.score FROM region_potential p
                              WHERE p.region_id = r.region_id
                                AND (CAST(:commodity AS VARCHAR) IS NULL OR p.commodity_code = :commodity)
                              ORDER BY p.score DESC, p.commodity_code LIMIT 1) best ON TRUE
                WHERE (CAST(:province AS VARCHAR) IS NULL OR r.province_code = :province)""";
        long total = jdbc.queryForObject("SELECT count(*) " + from, params, Long.class);
        String order =
                query.commodityCode() == null ? "r.province, r.regency" : "best.score DESC, r.province, r.regency";
        List<RegionSummaryView> items = jdbc.query(
                """
                SELECT r.region_id, r.province, r.regency, best.commodity_code, best.score %s
                ORDER BY %s LIMIT :limit OFFSET :offset""".formatted(from, order),
                params,
                (row, i) -> new RegionSummaryView(
                        row.getString("region_id"),
                        row.getString("province"),
                        row.getString("regency"),
                        row.getString("commodity_code"),
                        row.getInt("score")));
        return new RegionPage(
                items, query.page(), query.size(), total, (int) ((total + query.size() - 1) / query.size()));
    }

    @QueryHandler
    @Transactional(readOnly = true)
    public Optional<RegionView> handle(FindRegion query) {
        MapSqlParameterSource id =
                new MapSqlParameterSource("id", query.regionId().value());
        List<RegionView> regions = jdbc.query(
                "SELECT region_id, province, regency, data_source FROM region_reference WHERE region_id = :id",
                id,
                (row, i) -> new RegionView(
                        row.getString("region_id"),
                        row.getString("province"),
                        row.getString("regency"),
                        row.getString("data_source"),
                        potentials(query)));
        return regions.stream().findFirst();
    }

    private List<PotentialView> potentials(FindRegion query) {
        return jdbc.query(
                """
                SELECT commodity_code, score, source_note, updated_by, updated_at FROM region_potential
                WHERE region_id = :id ORDER BY score DESC, commodity_code""",
                new MapSqlParameterSource("id", query.regionId().value()),
                (row, i) -> new PotentialView(
                        row.getString("commodity_code"),
                        row.getInt("score"),
                        row.getString("source_note"),
                        row.getString("updated_by"),
                        row.getTimestamp("updated_at").toInstant()));
    }
}
