package org.factorysharing.web.programme;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.queryhandling.QueryGateway;
import org.factorysharing.api.factory.FactoryId;
import org.factorysharing.api.factory.FactoryQueries.FactoryPage;
import org.factorysharing.api.factory.FactoryQueries.FactorySummaryView;
import org.factorysharing.api.factory.FactoryQueries.FindFactories;
import org.factorysharing.api.factory.FactoryStatus;
import org.factorysharing.api.programme.ProgrammeQueries.WaveFactoryView;
import org.factorysharing.api.programme.ProgrammeQueries.WaveView;
import org.factorysharing.api.programme.WaveCommands.EnrolFactory;
import org.factorysharing.api.programme.WaveId;
import org.factorysharing.api.region.RegionId;
import org.factorysharing.api.region.RegionQueries.FindRegions;
import org.factorysharing.api.region.RegionQueries.RegionPage;
import org.factorysharing.api.region.RegionQueries.RegionSummaryView;
import org.factorysharing.api.shared.BusinessRuleViolation;
import org.factorysharing.api.shared.Codes;
import org.factorysharing.api.shared.Groups;
import org.factorysharing.web.security.CurrentUser;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Enrolling factories in a wave: for a commodity, the regions ranked by their potential for it (the regions read
 * model), each with the factories there that may join; factories whose region has no potential recorded for their
 * commodity are listed apart with the reason (the wave would refuse them: rule wave.no-potential). Enrolling sends
 * the API's command; beyond the target only a supervisor may enrol.
 */
@Controller
class EnrolmentController {

    /** Enough for the programme's factories of one commodity; the page says when there are more. */
    static final int MAX_FACTORIES = 200;

    static final int MAX_REGIONS = 200;

    private final CommandGateway commands;
    private final QueryGateway queries;
    private final WaveController waves;

    EnrolmentController(CommandGateway commands, QueryGateway queries, WaveController waves) {
        this.commands = commands;
        this.queries = queries;
        this.waves = waves;
    }

    /** A factory whose region has no potential for its commodity, and the page of that region. */
    record WithoutPotential(FactorySummaryView factory, String regionPath) {}

    /** A region ranked for the commodity, with the candidate factories in it (possibly none). */
    record RankedRegion(
            String regionId, String province, String regency, int score, List<FactorySummaryView> factories) {}

    @GetMapping("/programme/waves/{waveId:" + WaveController.WAVE_ID + "}/enrolment")
    String page(
            @PathVariable String waveId,
            @RequestParam(required = false) String commodity,
            Model model,
            Authentication authentication) {
        WaveView wave = waves.find(waveId);
        Set<String> inWave =
                wave.factories().stream().map(WaveFactoryView::factoryId).collect(Collectors.toSet());
        FactoryPage all = queries.query(new FindFactories(null, null, null, 0, MAX_FACTORIES), FactoryPage.class)
                .join();
        TreeSet<String> commodities = new TreeSet<>();
        all.items().stream()
                .filter(f -> f.status() != FactoryStatus.DECOMMISSIONED && !inWave.contains(f.factoryId()))
                .forEach(f -> commodities.add(f.commodityCode()));
        String chosen = commodity == null || commodity.isBlank() || commodity.length() > 120
                ? (commodities.isEmpty() ? null : commodities.first())
                : Codes.of(commodity);
        if (chosen != null && chosen.isEmpty()) {
            chosen = null; // nothing but punctuation typed: no commodity
        }
        if (chosen != null) {
            commodities.add(chosen);
        }
        // the factories of the chosen commodity that may join (not decommissioned, not in this wave already)
        FactoryPage ofCommodity = chosen == null
                ? all
                : queries.query(new FindFactories(null, null, chosen, 0, MAX_FACTORIES), FactoryPage.class)
                        .join();
        List<FactorySummaryView> candidates = ofCommodity.items().stream()
                .filter(f -> f.status() != FactoryStatus.DECOMMISSIONED && !inWave.contains(f.factoryId()))
                .toList();

        List<RankedRegion> ranked = new ArrayList<>();
        List<WithoutPotential> withoutPotential = new ArrayList<>();
        if (chosen != null) {
            RegionPage regions = queries.query(new FindRegions(null, chosen, 0, MAX_REGIONS), RegionPage.class)
                    .join();
            Map<String, List<FactorySummaryView>> byRegion = new LinkedHashMap<>();
            for (FactorySummaryView factory : candidates) {
                if (chosen.equals(factory.commodityCode())) {
                    byRegion.computeIfAbsent(regionOf(factory), r -> new ArrayList<>())
                            .add(factory);
                }
            }
            for (RegionSummaryView region : regions.items()) {
                ranked.add(new RankedRegion(
                        region.regionId(),
                        region.province(),
                        region.regency(),
                        region.score(),
                        byRegion.getOrDefault(region.regionId(), List.of())));
                byRegion.remove(region.regionId());
            }
            ranked.sort(Comparator.comparingInt(RankedRegion::score).reversed());
            byRegion.forEach((regionId, factories) -> factories.forEach(
                    factory -> withoutPotential.add(new WithoutPotential(factory, "/regions/" + regionId))));
        }
        model.addAttribute("wave", wave);
        model.addAttribute("commodities", commodities);
        model.addAttribute("commodity", chosen);
        model.addAttribute("ranked", ranked);
        model.addAttribute("withoutPotential", withoutPotential);
        model.addAttribute(
                "moreFactories", ofCommodity.totalItems() > ofCommodity.items().size());
        model.addAttribute(
                "beyondTarget",
                wave.summary().enrolledFactories() >= wave.summary().targetFactories());
        model.addAttribute("supervisor", CurrentUser.of(authentication).isIn(Groups.SUPERVISORS));
        return "programme/enrolment";
    }

    @PostMapping("/programme/waves/{waveId:" + WaveController.WAVE_ID + "}/factories")
    String enrol(
            @PathVariable String waveId,
            @RequestParam String factoryId,
            @RequestParam(required = false) String commodity,
            Authentication authentication,
            RedirectAttributes redirect) {
        if (!factoryId.matches("[A-Za-z0-9-]{1,64}")) {
            throw new org.factorysharing.api.shared.NotFound("factory " + factoryId);
        }
        try {
            commands.sendAndWait(new EnrolFactory(
                    new WaveId(waveId),
                    new FactoryId(factoryId),
                    authentication.getName(),
                    CurrentUser.of(authentication).isIn(Groups.SUPERVISORS)));
            redirect.addFlashAttribute("notice", "programme.enrol.done");
        } catch (RuntimeException refused) {
            BusinessRuleViolation rule = Refusals.rule(refused).orElseThrow(() -> refused);
            redirect.addFlashAttribute("refusalCode", rule.code());
            redirect.addFlashAttribute("refusalText", rule.rule());
        }
        redirect.addAttribute("commodity", commodity == null ? "" : commodity);
        return "redirect:/programme/waves/" + waveId + "/enrolment";
    }

    private static String regionOf(FactorySummaryView factory) {
        return RegionId.of(factory.province(), factory.regency()).value();
    }
}
