package org.factorysharing.query.region;

import java.time.Instant;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.Timestamp;
import org.factorysharing.api.region.RegionEvent.CommodityPotentialRemoved;
import org.factorysharing.api.region.RegionEvent.CommodityPotentialSet;
import org.factorysharing.api.region.RegionEvent.RegionImported;
import org.factorysharing.api.shared.Codes;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Feeds the regions reference list. Upserts and deletes by key: handling an event twice leaves the same rows. */
@Component
@ProcessingGroup(RegionProjection.PROCESSING_GROUP)
class RegionProjection {

    static final String PROCESSING_GROUP = "region-potential";

    private final JdbcTemplate jdbc;

    RegionProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(RegionImported event, @Timestamp Instant at) {
        jdbc.update(
                """
                INSERT INTO region_reference (region_id, province, province_code, regency, data_source)
                VALUES (?, ?, ?, ?, ?)
                ON CONFLICT (region_id) DO UPDATE SET province = EXCLUDED.province,
                    province_code = EXCLUDED.province_code, regency = EXCLUDED.regency,
                    data_source = EXCLUDED.data_source""",
                event.regionId().value(),
                event.province(),
                Codes.of(event.province()),
                event.regency(),
                event.dataSource());
        event.potentials()
                .forEach(p -> upsertPotential(
                        event.regionId().value(), p.commodityCode(), p.score(), p.sourceNote(), null, at));
    }

    @EventHandler
    void on(CommodityPotentialSet event, @Timestamp Instant at) {
        upsertPotential(
                event.regionId().value(), event.commodityCode(), event.score(), event.sourceNote(), event.setBy(), at);
    }

    @EventHandler
    void on(CommodityPotentialRemoved event) {
        jdbc.update(
                "DELETE FROM region_potential WHERE region_id = ? AND commodity_code = ?",
                event.regionId().value(),
                event.commodityCode());
    }

    @ResetHandler
    void reset() {
        jdbc.update("DELETE FROM region_potential");
        jdbc.update("DELETE FROM region_reference");
    }

    private void upsertPotential(
            String regionId, String commodityCode, int score, String sourceNote, String updatedBy, Instant at) {
        jdbc.update("""
                INSERT INTO region_potential (region_id, commodity_code, score, source_note, updated_by, updated_at)
                VALUES (?, ?, ?, ?, ?, ?)
                ON CONFLICT (region_id, commodity_code) DO UPDATE SET score = EXCLUDED.score,
                    source_note = EXCLUDED.source_note, updated_by = EXCLUDED.updated_by,
                    updated_at = EXCLUDED.updated_at""", regionId, commodityCode, score, sourceNote, updatedBy, java.sql.Timestamp.from(at));
    }
}
