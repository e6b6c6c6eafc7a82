package org.factorysharing.command.region;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;
import static org.factorysharing.command.shared.Require.text;
import static org.factorysharing.command.shared.Require.that;
import static org.factorysharing.command.shared.Require.violation;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;
import org.factorysharing.api.region.CommodityPotential;
import org.factorysharing.api.region.RegionCommands.ImportRegion;
import org.factorysharing.api.region.RegionCommands.RemoveCommodityPotential;
import org.factorysharing.api.region.RegionCommands.SetCommodityPotential;
import org.factorysharing.api.region.RegionEvent.CommodityPotentialRemoved;
import org.factorysharing.api.region.RegionEvent.CommodityPotentialSet;
import org.factorysharing.api.region.RegionEvent.RegionImported;
import org.factorysharing.api.region.RegionId;
import org.factorysharing.api.shared.Codes;

/** A region of the reference list and its commodity potentials, as imported and then edited by officers. */
@Aggregate
class Region {

    static final int MAX_SCORE = 100;

    @AggregateIdentifier
    private RegionId regionId;
    /** commodity code -> potential as it stands. */
    private final Map<String, CommodityPotential> potentials = new HashMap<>();

    Region() {
        // for Axon: rebuilt from its events
    }

    @CommandHandler
    Region(ImportRegion cmd) {
        String province = text(cmd.province(), "province");
        String regency = text(cmd.regency(), "regency");
        that(
                RegionId.of(province, regency).equals(cmd.regionId()),
                "regionId must be the codes of province and regency");
        Set<String> codes = new HashSet<>();
        List<CommodityPotential> potentials = new ArrayList<>();
        for (CommodityPotential potential :
                cmd.potentials() == null ? List.<CommodityPotential>of() : cmd.potentials()) {
            CommodityPotential valid = valid(potential.commodityCode(), potential.score(), potential.sourceNote());
            that(codes.add(valid.commodityCode()), "commodity " + valid.commodityCode() + " appears twice");
            potentials.add(valid);
        }
        apply(new RegionImported(
                cmd.regionId(), province, regency, List.copyOf(potentials), text(cmd.dataSource(), "dataSource")));
    }

    @CommandHandler
    void handle(SetCommodityPotential cmd) {
        CommodityPotential potential = valid(cmd.commodity(), cmd.score(), cmd.sourceNote());
        if (potential.equals(potentials.get(potential.commodityCode()))) {
            return; // the same figure again changes nothing
        }
        apply(new CommodityPotentialSet(
                regionId,
                potential.commodityCode(),
                potential.score(),
                potential.sourceNote(),
                text(cmd.setBy(), "setBy")));
    }

    @CommandHandler
    void handle(RemoveCommodityPotential cmd) {
        String code = Codes.of(text(cmd.commodityCode(), "commodityCode"));
        String reason = text(cmd.reason(), "reason");
        if (!potentials.containsKey(code)) {
            throw violation("region.no-potential", "the region has no potential recorded for " + code);
        }
        apply(new CommodityPotentialRemoved(regionId, code, reason, text(cmd.removedBy(), "removedBy")));
    }

    Optional<CommodityPotential> potentialOf(String commodityCode) {
        return Optional.ofNullable(potentials.get(commodityCode));
    }

    private static CommodityPotential valid(String commodity, int score, String sourceNote) {
        String code = Codes.of(text(commodity, "commodity"));
        that(!code.isEmpty(), "commodity must contain letters or digits");
        that(score >= 0 && score <= MAX_SCORE, "score must be between 0 and " + MAX_SCORE);
        return new CommodityPotential(code, score, text(sourceNote, "sourceNote"));
    }

    @EventSourcingHandler
    void on(RegionImported event) {
        regionId = event.regionId();
        event.potentials().forEach(p -> potentials.put(p.commodityCode(), p));
    }

    @EventSourcingHandler
    void on(CommodityPotentialSet event) {
        potentials.put(
                event.commodityCode(),
                new CommodityPotential(event.commodityCode(), event.score(), event.sourceNote()));
    }

    @EventSourcingHandler
    void on(CommodityPotentialRemoved event) {
        potentials.remove(event.commodityCode());
    }
}
