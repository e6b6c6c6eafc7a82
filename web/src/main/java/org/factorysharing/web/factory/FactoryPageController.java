package org.factorysharing.web.factory;

import jakarta.validation.Valid;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.factorysharing.api.factory.FactoryCommands.AssignFactoryStaff;
import org.factorysharing.api.factory.FactoryCommands.ProposeFactory;
import org.factorysharing.api.factory.FactoryCommands.RemoveFactoryStaff;
import org.factorysharing.api.factory.FactoryId;
import org.factorysharing.api.factory.FactoryQueries.CapacityCalendarView;
import org.factorysharing.api.factory.FactoryQueries.FactoryPage;
import org.factorysharing.api.factory.FactoryQueries.FactoryStaffView;
import org.factorysharing.api.factory.FactoryQueries.FactoryTimelineView;
import org.factorysharing.api.factory.FactoryQueries.FactoryView;
import org.factorysharing.api.factory.FactoryQueries.FindCapacityCalendar;
import org.factorysharing.api.factory.FactoryQueries.FindFactories;
import org.factorysharing.api.factory.FactoryQueries.FindFactory;
import org.factorysharing.api.factory.FactoryQueries.FindFactoryStaff;
import org.factorysharing.api.factory.FactoryQueries.FindFactoryTimeline;
import org.factorysharing.api.factory.FactoryQueries.FindMonthlyUtilisation;
import org.factorysharing.api.factory.FactoryQueries.FindRegistryFacets;
import org.factorysharing.api.factory.FactoryQueries.FindUtilisation;
import org.factorysharing.api.factory.FactoryQueries.MachineUtilisationView;
import org.factorysharing.api.factory.FactoryQueries.MonthUtilisationView;
import org.factorysharing.api.factory.FactoryQueries.MonthlyUtilisationView;
import org.factorysharing.api.factory.FactoryQueries.RegistryFacetsView;
import org.factorysharing.api.factory.FactoryQueries.UtilisationView;
import org.factorysharing.api.factory.FactoryStatus;
import org.factorysharing.api.factory.MachinePlan;
import org.factorysharing.api.region.RegionId;
import org.factorysharing.api.region.RegionQueries.FindRegion;
import org.factorysharing.api.region.RegionQueries.FindRegions;
import org.factorysharing.api.region.RegionQueries.PotentialView;
import org.factorysharing.api.region.RegionQueries.RegionPage;
import org.factorysharing.api.region.RegionQueries.RegionSummaryView;
import org.factorysharing.api.region.RegionQueries.RegionView;
import org.factorysharing.api.shared.Codes;
import org.factorysharing.api.shared.Groups;
import org.factorysharing.api.shared.IdentityQueries.FindUser;
import org.factorysharing.api.shared.IdentityQueries.UserView;
import org.factorysharing.api.shared.NotFound;
import org.factorysharing.api.shared.ProgrammeTime;
import org.factorysharing.api.shared.TextRules;
import org.factorysharing.api.task.TaskQueries.FindMyTasks;
import org.factorysharing.api.task.TaskQueries.TaskAssignment;
import org.factorysharing.api.task.TaskQueries.TaskPage;
import org.factorysharing.web.factory.ProposeFactoryForm.MachineRow;
import org.factorysharing.web.security.CurrentUser;
import org.factorysharing.web.shared.Fmt;
import org.factorysharing.web.shared.chart.BarChart;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The officers' factory pages: the registry, a proposal, a factory with its machines, staff, open tasks and timeline,
 * and its capacity as a heat map with utilisation charts. Every change goes through the same commands as the factory
 * API (ProposeFactory, AssignFactoryStaff, RemoveFactoryStaff), so the command side decides as it does there.
 */
@Controller
@RequestMapping("/factories")
class FactoryPageController {

    static final int PAGE_SIZE = 20;
    /** Days of the heat map: four weeks from a Monday. */
    static final int HEAT_MAP_DAYS = 28;
    /** Months of the utilisation chart: three before the period's month, it, and two after. */
    static final int MONTHS_BEFORE = 3;

    static final int MONTHS_AFTER = 2;
    /** The region reference list is a few hundred regencies at most. */
    static final int REGIONS = 1000;

    static final String MACHINE_ID = "[A-Za-z0-9][A-Za-z0-9_.-]{0,63}";
    static final String MACHINE_TYPE = "[A-Z][A-Z0-9_]{1,63}";

    private final CommandGateway commands;
    private final QueryGateway queries;
    private final MessageSource messages;
    private final Fmt fmt;

    FactoryPageController(CommandGateway commands, QueryGateway queries, MessageSource messages, Fmt fmt) {
        this.commands = commands;
        this.queries = queries;
        this.messages = messages;
        this.fmt = fmt;
    }

    // --- the registry ---

    @GetMapping
    String list(
            @RequestParam(required = false) FactoryStatus status,
            @RequestParam(required = false) String province,
            @RequestParam(required = false) String commodity,
            @RequestParam(defaultValue = "0") int page,
            Model model) {
        String provinceFilter = filter(province);
        String commodityFilter = filter(commodity);
        int pageNo = Math.max(0, Math.min(page, 1_000_000));
        FactoryPage factories = queries.query(
                        new FindFactories(status, provinceFilter, commodityFilter, pageNo, PAGE_SIZE),
                        FactoryPage.class)
                .join();
        RegistryFacetsView facets = queries.query(new FindRegistryFacets(), RegistryFacetsView.class)
                .join();
        model.addAttribute("factories", factories);
        model.addAttribute("facets", facets);
        model.addAttribute("statuses", FactoryStatus.values());
        model.addAttribute("status", status);
        model.addAttribute("province", provinceFilter);
        model.addAttribute("commodity", commodityFilter);
        model.addAttribute("base", listAddress(status, provinceFilter, commodityFilter));
        return "factory/list";
    }

    private static String listAddress(FactoryStatus status, String province, String commodity) {
        StringBuilder address = new StringBuilder("/factories?");
        if (status != null) {
            address.append("status=").append(status).append('&');
        }
        if (province != null) {
            address.append("province=")
                    .append(java.net.URLEncoder.encode(province, java.nio.charset.StandardCharsets.UTF_8))
                    .append('&');
        }
        if (commodity != null) {
            address.append("commodity=")
                    .append(java.net.URLEncoder.encode(commodity, java.nio.charset.StandardCharsets.UTF_8))
                    .append('&');
        }
        return address.substring(0, address.length() - 1);
    }

    /** A filter value as typed or chosen; a blank, oversized or control-character value filters nothing. */
    private static String filter(String value) {
        if (value == null || value.isBlank() || value.length() > 100 || !value.matches(TextRules.PLAIN)) {
            return null;
        }
        return value.strip();
    }

    // --- proposing a factory ---

    @GetMapping("/new")
    String proposeForm(@ModelAttribute("form") ProposeFactoryForm form, BindingResult binding, Model model) {
        return proposePage(form, model);
    }

    /** The commodity field for the chosen region (htmx swaps it in when the region changes). */
    @GetMapping("/new/commodities")
    String commodities(@RequestParam(required = false) String regionId, Model model) {
        model.addAttribute("commodities", commoditiesOf(regionId));
        model.addAttribute("selectedCommodity", null);
        return "factory/commodity-field";
    }

    @PostMapping
    String propose(
            @Valid @ModelAttribute("form") ProposeFactoryForm form,
            BindingResult binding,
            Authentication authentication,
            Model model,
            RedirectAttributes redirect) {
        Optional<RegionView> region =
                form.getRegionId() == null || form.getRegionId().isBlank()
                        ? Optional.empty()
                        : region(form.getRegionId());
        if (!binding.hasFieldErrors("regionId") && region.isEmpty()) {
            binding.rejectValue("regionId", "factory.error.region");
        }
        if (region.isPresent()
                && !binding.hasFieldErrors("commodity")
                && region.get().potentials().stream()
                        .noneMatch(p -> p.commodityCode().equals(form.getCommodity()))) {
            binding.rejectValue("commodity", "factory.error.commodity");
        }
        checkDueDay(form, binding);
        List<MachinePlan> plans = plannedMachines(form, binding);
        if (binding.hasErrors()) {
            return proposePage(form, model);
        }
        FactoryId factoryId = FactoryId.newId();
        try {
            commands.sendAndWait(new ProposeFactory(
                    factoryId,
                    form.getName().strip(),
                    region.get().province(),
                    region.get().regency(),
                    Commodities.nameOf(form.getCommodity()),
                    form.getOperator().strip(),
                    plans,
                    form.getInstallationDueOn(),
                    authentication.getName()));
        } catch (RuntimeException failure) {
            if (DomainRefusals.show(failure, binding, field -> field)) {
                return proposePage(form, model);
            }
            throw failure;
        }
        redirect.addFlashAttribute("flash", "factory.flash.proposed");
        redirect.addFlashAttribute("justChanged", factoryId.value());
        return "redirect:/factories/" + factoryId.value();
    }

    private String proposePage(ProposeFactoryForm form, Model model) {
        while (form.getMachines().size() < ProposeFactoryForm.MACHINE_ROWS) {
            form.getMachines().add(new MachineRow());
        }
        model.addAttribute("regions", regionsByProvince());
        model.addAttribute("commodities", commoditiesOf(form.getRegionId()));
        model.addAttribute("selectedCommodity", form.getCommodity());
        model.addAttribute("today", ProgrammeDays.today());
        model.addAttribute("latest", ProgrammeTime.latest(ProgrammeDays.today()));
        return "factory/propose";
    }

    private void checkDueDay(ProposeFactoryForm form, BindingResult binding) {
        LocalDate due = form.getInstallationDueOn();
        if (due == null || binding.hasFieldErrors("installationDueOn")) {
            return;
        }
        LocalDate today = ProgrammeDays.today();
        if (!ProgrammeDays.usable(due)) {
            binding.rejectValue(
                    "installationDueOn",
                    "factory.error.date-range",
                    new Object[] {fmt.date(ProgrammeTime.EARLIEST), fmt.date(ProgrammeTime.latest(today))},
                    null);
        } else if (!due.isAfter(today)) {
            binding.rejectValue("installationDueOn", "factory.error.due-after-today");
        }
    }

    /** The rows filled in, each checked; the machine type may be typed in any case ("coconut oil press"). */
    private static List<MachinePlan> plannedMachines(ProposeFactoryForm form, BindingResult binding) {
        List<MachinePlan> plans = new ArrayList<>();
        List<MachineRow> rows = form.getMachines();
        if (rows.size() > ProposeFactoryForm.MACHINE_ROWS) {
            binding.reject("factory.error.machine-rows");
            return plans;
        }
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < rows.size(); i++) {
            MachineRow row = rows.get(i);
            String path = "machines[" + i + "].";
            if (row == null || row.isEmpty()) {
                continue;
            }
            boolean ok = true;
            String id = row.getMachineId() == null ? "" : row.getMachineId().strip();
            if (!id.matches(MACHINE_ID)) {
                binding.rejectValue(path + "machineId", "factory.error.machine-id");
                ok = false;
            } else if (!ids.add(id)) {
                binding.rejectValue(path + "machineId", "factory.error.machine-id-twice");
                ok = false;
            }
            String type = row.getMachineType() == null ? "" : Codes.of(row.getMachineType());
            if (!type.matches(MACHINE_TYPE)) {
                binding.rejectValue(path + "machineType", "factory.error.machine-type");
                ok = false;
            } else {
                row.setMachineType(type);
            }
            Integer capacity = row.getCapacityHoursPerDay();
            if (binding.hasFieldErrors(path + "capacityHoursPerDay")) {
                ok = false;
            } else if (capacity == null || capacity < 1 || capacity > 24) {
                binding.rejectValue(path + "capacityHoursPerDay", "factory.error.capacity");
                ok = false;
            }
            if (ok) {
                plans.add(new MachinePlan(id, type, capacity));
            }
        }
        if (plans.isEmpty() && !binding.hasFieldErrors("machines*")) {
            binding.rejectValue("machines[0].machineId", "factory.error.no-machines");
        }
        return plans;
    }

    private Optional<RegionView> region(String regionId) {
        if (regionId.length() > 200 || !regionId.matches(TextRules.PLAIN)) {
            return Optional.empty();
        }
        return queries.query(new FindRegion(new RegionId(regionId)), ResponseTypes.optionalInstanceOf(RegionView.class))
                .join();
    }

    /** Regions grouped by province, each province's regencies in order. */
    private Map<String, List<RegionSummaryView>> regionsByProvince() {
        RegionPage page = queries.query(new FindRegions(null, null, 0, REGIONS), RegionPage.class)
                .join();
        Map<String, List<RegionSummaryView>> byProvince = new LinkedHashMap<>();
        page.items()
                .forEach(region -> byProvince
                        .computeIfAbsent(region.province(), p -> new ArrayList<>())
                        .add(region));
        return byProvince;
    }

    /** The commodities the region has a potential for, best first (code -> score). */
    private List<PotentialView> commoditiesOf(String regionId) {
        if (regionId == null || regionId.isBlank()) {
            return List.of();
        }
        return region(regionId).map(RegionView::potentials).orElse(List.of());
    }

    // --- one factory ---

    @GetMapping("/{factoryId}")
    String detail(@PathVariable String factoryId, Authentication authentication, Model model) {
        if (!model.containsAttribute("staffForm")) {
            model.addAttribute("staffForm", new StaffForm());
        }
        return detailPage(factoryId, CurrentUser.of(authentication), model);
    }

    private String detailPage(String factoryId, CurrentUser user, Model model) {
        boolean justChanged = factoryId.equals(model.getAttribute("justChanged"));
        Optional<FactoryView> factory =
                justChanged ? ReadModels.await(() -> factory(factoryId), f -> true) : factory(factoryId);
        if (factory.isEmpty()) {
            if (justChanged) {
                model.addAttribute("factoryId", factoryId);
                return "factory/pending";
            }
            throw new NotFound("factory " + factoryId);
        }
        model.addAttribute("factory", factory.get());
        boolean managesStaff = user.isIn(Groups.OFFICERS) || user.isIn(Groups.ADMINS);
        model.addAttribute("managesStaff", managesStaff);
        if (managesStaff) {
            model.addAttribute(
                    "staff",
                    queries.query(
                                    new FindFactoryStaff(new FactoryId(factoryId)),
                                    ResponseTypes.optionalInstanceOf(FactoryStaffView.class))
                            .join()
                            .map(FactoryStaffView::staff)
                            .orElse(List.of()));
        }
        model.addAttribute(
                "tasks",
                queries.query(
                                new FindMyTasks(
                                        user.id(),
                                        user.groups(),
                                        null,
                                        null,
                                        factoryId,
                                        null,
                                        null,
                                        TaskAssignment.ANY,
                                        null,
                                        null,
                                        0,
                                        50),
                                TaskPage.class)
                        .join()
                        .items());
        model.addAttribute(
                "timeline",
                queries.query(
                                new FindFactoryTimeline(new FactoryId(factoryId)),
                                ResponseTypes.optionalInstanceOf(FactoryTimelineView.class))
                        .join()
                        .map(FactoryTimelineView::entries)
                        .orElse(List.of()));
        return "factory/detail";
    }

    @PostMapping("/{factoryId}/staff")
    String assignStaff(
            @PathVariable String factoryId,
            @Valid @ModelAttribute("staffForm") StaffForm form,
            BindingResult binding,
            Authentication authentication,
            Model model,
            RedirectAttributes redirect) {
        CurrentUser user = CurrentUser.of(authentication);
        if (!binding.hasFieldErrors("userId")
                && queries.query(
                                new FindUser(form.getUserId().strip()),
                                ResponseTypes.optionalInstanceOf(UserView.class))
                        .join()
                        .isEmpty()) {
            binding.rejectValue("userId", "factory.error.user");
        }
        if (binding.hasErrors()) {
            return detailPage(factoryId, user, model);
        }
        try {
            commands.sendAndWait(new AssignFactoryStaff(
                    new FactoryId(factoryId), form.getUserId().strip(), blankToNull(form.getReason()), user.id()));
        } catch (RuntimeException failure) {
            if (DomainRefusals.show(failure, binding, field -> "userId".equals(field) ? field : null)) {
                return detailPage(factoryId, user, model);
            }
            throw failure;
        }
        redirect.addFlashAttribute("flash", "factory.flash.staffAssigned");
        return "redirect:/factories/" + factoryId + "#staff";
    }

    @PostMapping("/{factoryId}/staff/{userId}/removal")
    String removeStaff(
            @PathVariable String factoryId,
            @PathVariable String userId,
            Authentication authentication,
            RedirectAttributes redirect) {
        commands.sendAndWait(new RemoveFactoryStaff(new FactoryId(factoryId), userId, null, authentication.getName()));
        redirect.addFlashAttribute("flash", "factory.flash.staffRemoved");
        return "redirect:/factories/" + factoryId + "#staff";
    }

    // --- capacity and utilisation ---

    @GetMapping("/{factoryId}/capacity")
    String capacity(@PathVariable String factoryId, @RequestParam(required = false) String from, Model model) {
        FactoryView factory = factory(factoryId).orElseThrow(() -> new NotFound("factory " + factoryId));
        LocalDate chosen = ProgrammeDays.today();
        if (from != null && !from.isBlank()) {
            Optional<LocalDate> day = parse(from);
            if (day.isPresent() && ProgrammeDays.usable(day.get())) {
                chosen = day.get();
            } else {
                model.addAttribute("fromError", true);
            }
        }
        LocalDate start = ProgrammeDays.weekOf(chosen);
        LocalDate end = start.plusDays(HEAT_MAP_DAYS - 1);
        FactoryId id = new FactoryId(factoryId);
        CapacityCalendarView calendar = queries.query(
                        new FindCapacityCalendar(id, start, end, null),
                        ResponseTypes.optionalInstanceOf(CapacityCalendarView.class))
                .join()
                .orElseThrow(() -> new NotFound("factory " + factoryId));
        UtilisationView utilisation = queries.query(
                        new FindUtilisation(id, start, end), ResponseTypes.optionalInstanceOf(UtilisationView.class))
                .join()
                .orElseThrow(() -> new NotFound("factory " + factoryId));
        YearMonth month = YearMonth.from(start);
        MonthlyUtilisationView months = queries.query(
                        new FindMonthlyUtilisation(
                                id,
                                month.minusMonths(MONTHS_BEFORE).atDay(1),
                                month.plusMonths(MONTHS_AFTER).atEndOfMonth()),
                        ResponseTypes.optionalInstanceOf(MonthlyUtilisationView.class))
                .join()
                .orElseThrow(() -> new NotFound("factory " + factoryId));
        model.addAttribute("factory", factory);
        model.addAttribute("earliest", ProgrammeTime.EARLIEST);
        model.addAttribute("latest", ProgrammeTime.latest(ProgrammeDays.today()));
        model.addAttribute("from", start);
        model.addAttribute("to", end);
        model.addAttribute("previous", start.minusDays(HEAT_MAP_DAYS));
        model.addAttribute("next", start.plusDays(HEAT_MAP_DAYS));
        model.addAttribute("heatMap", HeatMap.of(calendar, start, end));
        model.addAttribute("levels", HeatMap.Level.legend());
        model.addAttribute("utilisation", utilisation);
        model.addAttribute("machineChart", machineChart(utilisation, start, end));
        model.addAttribute("monthChart", monthChart(months));
        return "factory/capacity";
    }

    private BarChart machineChart(UtilisationView utilisation, LocalDate start, LocalDate end) {
        List<BarChart.Bar> bars = new ArrayList<>();
        for (MachineUtilisationView machine : utilisation.machines()) {
            bars.add(new BarChart.Bar(machine.machineId(), machine.utilisation(), fmt.percent(machine.utilisation())));
        }
        return BarChart.of(text("factory.chart.machines", fmt.date(start), fmt.date(end)), bars, null, null, 1.0);
    }

    private BarChart monthChart(MonthlyUtilisationView months) {
        Locale locale = LocaleContextHolder.getLocale();
        DateTimeFormatter name = DateTimeFormatter.ofPattern("MMM yyyy", locale);
        List<BarChart.Bar> bars = new ArrayList<>();
        for (MonthUtilisationView month : months.months()) {
            bars.add(new BarChart.Bar(
                    YearMonth.parse(month.month()).format(name),
                    month.utilisation(),
                    fmt.percent(month.utilisation())));
        }
        return BarChart.of(text("factory.chart.months"), bars, null, null, 1.0);
    }

    private String text(String key, Object... args) {
        return messages.getMessage(key, args, LocaleContextHolder.getLocale());
    }

    private static Optional<LocalDate> parse(String day) {
        try {
            return Optional.of(LocalDate.parse(day.strip()));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    private Optional<FactoryView> factory(String factoryId) {
        return queries.query(
                        new FindFactory(new FactoryId(factoryId)), ResponseTypes.optionalInstanceOf(FactoryView.class))
                .join();
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
