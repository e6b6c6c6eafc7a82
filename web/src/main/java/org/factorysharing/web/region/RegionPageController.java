package org.factorysharing.web.region;

import jakarta.validation.Valid;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.factorysharing.api.region.RegionCommands.RemoveCommodityPotential;
import org.factorysharing.api.region.RegionCommands.SetCommodityPotential;
import org.factorysharing.api.region.RegionId;
import org.factorysharing.api.region.RegionQueries.FindRegion;
import org.factorysharing.api.region.RegionQueries.FindRegions;
import org.factorysharing.api.region.RegionQueries.RegionPage;
import org.factorysharing.api.region.RegionQueries.RegionView;
import org.factorysharing.api.shared.BusinessRuleViolation;
import org.factorysharing.api.shared.Codes;
import org.factorysharing.api.shared.NotFound;
import org.factorysharing.web.security.CurrentUser;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The regions reference list: provinces and regencies with their commodity potentials, filtered by province and
 * ranked by a commodity's potential; officers and admins set or remove a potential (the regions API's commands).
 */
@Controller
class RegionPageController {

    static final int PAGE_SIZE = 20;
    private static final String CODE = "[A-Z0-9_]{1,120}";

    private final CommandGateway commands;
    private final QueryGateway queries;

    RegionPageController(CommandGateway commands, QueryGateway queries) {
        this.commands = commands;
        this.queries = queries;
    }

    @GetMapping("/regions")
    String list(
            @RequestParam(required = false) String province,
            @RequestParam(required = false) String commodity,
            @RequestParam(defaultValue = "0") int page,
            Model model) {
        String provinceCode = code(province);
        String commodityCode = code(commodity);
        int from = Math.max(0, Math.min(page, 100_000));
        RegionPage regions = queries.query(
                        new FindRegions(provinceCode, commodityCode, from, PAGE_SIZE), RegionPage.class)
                .join();
        model.addAttribute("regions", regions);
        model.addAttribute("province", province == null ? "" : province.strip());
        model.addAttribute("commodity", commodity == null ? "" : commodity.strip());
        model.addAttribute("commodityCode", commodityCode);
        return "region/list";
    }

    @GetMapping("/regions/{province:" + CODE + "}/{regency:" + CODE + "}")
    String region(
            @PathVariable String province, @PathVariable String regency, Model model, Authentication authentication) {
        model.addAttribute("potential", new PotentialForm());
        return page(province, regency, model, authentication);
    }

    @PostMapping("/regions/{province:" + CODE + "}/{regency:" + CODE + "}/potentials")
    String setPotential(
            @PathVariable String province,
            @PathVariable String regency,
            @Valid @ModelAttribute("potential") PotentialForm form,
            BindingResult errors,
            Model model,
            Authentication authentication,
            RedirectAttributes redirect) {
        if (!errors.hasFieldErrors("commodity") && Codes.of(form.getCommodity()).isEmpty()) {
            errors.rejectValue("commodity", "region.potential.commodity.letters");
        }
        if (errors.hasErrors()) {
            return page(province, regency, model, authentication);
        }
        find(province, regency);
        commands.sendAndWait(new SetCommodityPotential(
                regionId(province, regency),
                form.getCommodity(),
                form.getScore(),
                form.getSourceNote(),
                authentication.getName()));
        redirect.addFlashAttribute("notice", "region.potential.saved");
        return "redirect:/regions/" + province + "/" + regency;
    }

    @PostMapping("/regions/{province:" + CODE + "}/{regency:" + CODE + "}/potentials/{commodity:" + CODE + "}/removal")
    String removePotential(
            @PathVariable String province,
            @PathVariable String regency,
            @PathVariable String commodity,
            @RequestParam(required = false) String reason,
            Authentication authentication,
            RedirectAttributes redirect) {
        find(province, regency);
        if (reason == null || reason.isBlank()) {
            redirect.addFlashAttribute("refusalKey", "region.potential.remove.reason");
        } else {
            try {
                commands.sendAndWait(new RemoveCommodityPotential(
                        regionId(province, regency), commodity, reason.strip(), authentication.getName()));
                redirect.addFlashAttribute("notice", "region.potential.removed");
            } catch (RuntimeException refused) {
                BusinessRuleViolation rule = rule(refused);
                redirect.addFlashAttribute("refusalCode", rule.code());
                redirect.addFlashAttribute("refusalText", rule.rule());
            }
        }
        return "redirect:/regions/" + province + "/" + regency;
    }

    private String page(String province, String regency, Model model, Authentication authentication) {
        model.addAttribute("region", find(province, regency));
        model.addAttribute("province", province);
        model.addAttribute("regency", regency);
        CurrentUser user = CurrentUser.of(authentication);
        model.addAttribute("canEdit", RegionPages.EDITORS.stream().anyMatch(user::isIn));
        return "region/detail";
    }

    private RegionView find(String province, String regency) {
        return queries.query(
                        new FindRegion(regionId(province, regency)), ResponseTypes.optionalInstanceOf(RegionView.class))
                .join()
                .orElseThrow(() -> new NotFound("region " + province + "/" + regency));
    }

    private static BusinessRuleViolation rule(RuntimeException refused) {
        for (Throwable t = refused; t != null; t = t.getCause()) {
            if (t instanceof BusinessRuleViolation violation) {
                return violation;
            }
        }
        throw refused;
    }

    /** Path segments are the codes already (SULAWESI_UTARA / MINAHASA). */
    private static RegionId regionId(String province, String regency) {
        return new RegionId(province + "/" + regency);
    }

    /** A filter as typed ("Sulawesi Utara") as its code, or null when empty. */
    private static String code(String text) {
        if (text == null || text.isBlank() || text.length() > 120) {
            return null;
        }
        String code = Codes.of(text);
        return code.isEmpty() ? null : code;
    }
}
