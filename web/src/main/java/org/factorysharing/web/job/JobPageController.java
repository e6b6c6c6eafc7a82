package org.factorysharing.web.job;

import jakarta.validation.Valid;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.factorysharing.api.factory.FactoryId;
import org.factorysharing.api.factory.FactoryQueries.CapacityCalendarView;
import org.factorysharing.api.factory.FactoryQueries.FactoryPage;
import org.factorysharing.api.factory.FactoryQueries.FactorySummaryView;
import org.factorysharing.api.factory.FactoryQueries.FactoryView;
import org.factorysharing.api.factory.FactoryQueries.FindCapacityCalendar;
import org.factorysharing.api.factory.FactoryQueries.FindFactories;
import org.factorysharing.api.factory.FactoryQueries.FindFactory;
import org.factorysharing.api.factory.FactoryStatus;
import org.factorysharing.api.factory.MachineStatus;
import org.factorysharing.api.job.JobCommands.CancelProductionJob;
import org.factorysharing.api.job.JobCommands.JobRequestOutcome;
import org.factorysharing.api.job.JobCommands.RequestProductionJob;
import org.factorysharing.api.job.JobId;
import org.factorysharing.api.job.JobQueries.FindJob;
import org.factorysharing.api.job.JobQueries.FindJobs;
import org.factorysharing.api.job.JobQueries.JobPage;
import org.factorysharing.api.job.JobQueries.JobView;
import org.factorysharing.api.job.JobStatus;
import org.factorysharing.api.member.MemberId;
import org.factorysharing.api.member.MemberQueries.FindMember;
import org.factorysharing.api.member.MemberQueries.FindMemberOfAccount;
import org.factorysharing.api.member.MemberQueries.MemberAccountView;
import org.factorysharing.api.member.MemberQueries.MemberView;
import org.factorysharing.api.shared.Groups;
import org.factorysharing.api.shared.NotFound;
import org.factorysharing.api.shared.ProgrammeTime;
import org.factorysharing.api.shared.TextRules;
import org.factorysharing.web.factory.DomainRefusals;
import org.factorysharing.web.factory.ProgrammeDays;
import org.factorysharing.web.factory.ReadModels;
import org.factorysharing.web.security.CurrentUser;
import org.factorysharing.web.shared.Fmt;
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
 * Production jobs: a member books machine time seeing the factory's free capacity for the window, follows its jobs
 * (status, scheduled days, why one was rejected) and cancels one after confirming; officers see every job and book
 * for a member; factory staff see their factories' jobs. The same commands as the job API (RequestProductionJob,
 * CancelProductionJob): the command side decides for whom a login may book and whose job it may cancel.
 */
@Controller
@RequestMapping("/jobs")
class JobPageController {

    static final int PAGE_SIZE = 20;
    /** Factories offered for booking and named in lists: the programme has tens, not thousands. */
    static final int FACTORIES = 200;

    static final int MAX_WINDOW_DAYS = 366;

    private final CommandGateway commands;
    private final QueryGateway queries;
    private final Fmt fmt;

    JobPageController(CommandGateway commands, QueryGateway queries, Fmt fmt) {
        this.commands = commands;
        this.queries = queries;
        this.fmt = fmt;
    }

    // --- the list ---

    @GetMapping
    String list(
            @RequestParam(required = false) String factoryId,
            @RequestParam(required = false) String memberId,
            @RequestParam(required = false) JobStatus status,
            @RequestParam(defaultValue = "0") int page,
            Authentication authentication,
            Model model) {
        CurrentUser user = CurrentUser.of(authentication);
        int pageNo = Math.max(0, Math.min(page, 1_000_000));
        String factory = filter(factoryId);
        String member = filter(memberId);
        Map<String, String> factoryNames = factoryNames();
        FindJobs query = null;
        if (user.seesEverything()) {
            query = new FindJobs(factory, member, status, pageNo, PAGE_SIZE);
            model.addAttribute("factoryOptions", factoryNames);
            model.addAttribute("filtersMember", true);
        } else if (user.isIn(Groups.MEMBERS)) {
            Optional<String> own = memberOf(user);
            if (own.isPresent()) {
                query = new FindJobs(factory, own.get(), status, pageNo, PAGE_SIZE);
                model.addAttribute("factoryOptions", factoryNames);
            } else {
                model.addAttribute("noMember", true);
            }
            member = null;
        } else {
            List<String> staffed = user.staffedFactories();
            if (!staffed.isEmpty()) {
                factory = staffed.contains(factory) ? factory : staffed.get(0);
                query = new FindJobs(factory, member, status, pageNo, PAGE_SIZE);
                Map<String, String> options = new LinkedHashMap<>();
                staffed.forEach(id -> options.put(id, factoryNames.getOrDefault(id, id)));
                model.addAttribute("factoryOptions", options);
                model.addAttribute("staffList", true);
            } else {
                model.addAttribute("noFactory", true);
            }
        }
        JobPage jobs = query == null
                ? new JobPage(List.of(), 0, PAGE_SIZE, 0, 0)
                : queries.query(query, JobPage.class).join();
        model.addAttribute("jobs", jobs);
        model.addAttribute("factoryNames", factoryNames);
        model.addAttribute("statuses", JobStatus.values());
        model.addAttribute("factoryId", factory);
        model.addAttribute("memberId", member);
        model.addAttribute("status", status);
        model.addAttribute("mayBook", mayBook(user));
        model.addAttribute("base", listAddress(factory, member, status));
        return "job/list";
    }

    private static String listAddress(String factoryId, String memberId, JobStatus status) {
        StringBuilder address = new StringBuilder("/jobs?");
        if (factoryId != null) {
            address.append("factoryId=").append(encode(factoryId)).append('&');
        }
        if (memberId != null) {
            address.append("memberId=").append(encode(memberId)).append('&');
        }
        if (status != null) {
            address.append("status=").append(status).append('&');
        }
        return address.substring(0, address.length() - 1);
    }

    // --- booking ---

    @GetMapping("/new")
    String bookForm(
            @ModelAttribute("form") BookingForm form,
            BindingResult binding,
            Authentication authentication,
            Model model) {
        CurrentUser user = CurrentUser.of(authentication);
        if (user.actsOnlyForOwnMember() && form.getMemberId() == null) {
            memberOf(user).ifPresent(form::setMemberId);
        }
        if (form.getEarliestStart() == null && !binding.hasFieldErrors("earliestStart")) {
            form.setEarliestStart(ProgrammeDays.today());
        }
        if (form.getDeadline() == null && !binding.hasFieldErrors("deadline")) {
            form.setDeadline(form.getEarliestStart().plusDays(6));
        }
        return bookingPage(form, user, model);
    }

    /** The machine type field for the chosen factory (htmx swaps it in when the factory changes). */
    @GetMapping("/new/machine-types")
    String machineTypes(
            @RequestParam(required = false) String factoryId,
            @RequestParam(required = false) String machineType,
            Model model) {
        model.addAttribute("machineTypes", machineTypesOf(factoryId));
        model.addAttribute("selectedType", machineType);
        return "job/parts :: machineTypes";
    }

    /** The free capacity for what the form holds so far (htmx refreshes it when a field changes). */
    @GetMapping("/new/capacity")
    String capacity(
            @RequestParam(required = false) String factoryId,
            @RequestParam(required = false) String machineType,
            @RequestParam(required = false) String earliestStart,
            @RequestParam(required = false) String deadline,
            @RequestParam(required = false) String machineHours,
            Model model) {
        model.addAttribute(
                "capacity",
                freeCapacity(factoryId, machineType, day(earliestStart), day(deadline), number(machineHours)));
        return "job/parts :: capacity";
    }

    @PostMapping
    String book(
            @Valid @ModelAttribute("form") BookingForm form,
            BindingResult binding,
            Authentication authentication,
            Model model,
            RedirectAttributes redirect) {
        CurrentUser user = CurrentUser.of(authentication);
        Optional<FactoryView> factory = binding.hasFieldErrors("factoryId")
                ? Optional.empty()
                : factory(form.getFactoryId().strip());
        if (!binding.hasFieldErrors("factoryId") && factory.isEmpty()) {
            binding.rejectValue("factoryId", "job.error.factory");
        }
        if (factory.isPresent()
                && !binding.hasFieldErrors("machineType")
                && !machineTypesOf(factory.get()).contains(form.getMachineType())) {
            binding.rejectValue("machineType", "job.error.machine-type");
        }
        if (!user.actsOnlyForOwnMember()
                && !binding.hasFieldErrors("memberId")
                && queries.query(
                                new FindMember(new MemberId(form.getMemberId().strip())),
                                ResponseTypes.optionalInstanceOf(MemberView.class))
                        .join()
                        .isEmpty()) {
            binding.rejectValue("memberId", "job.error.member");
        }
        checkWindow(form, binding);
        if (binding.hasErrors()) {
            return bookingPage(form, user, model);
        }
        JobId jobId = JobId.newId();
        JobRequestOutcome outcome;
        try {
            outcome = commands.sendAndWait(new RequestProductionJob(
                    jobId,
                    new MemberId(form.getMemberId().strip()),
                    new FactoryId(form.getFactoryId().strip()),
                    form.getMachineType(),
                    form.getProduct().strip(),
                    form.getQuantity(),
                    form.getMachineHours(),
                    form.getEarliestStart(),
                    form.getDeadline(),
                    user.id()));
        } catch (RuntimeException failure) {
            if (DomainRefusals.show(failure, binding, field -> field)) {
                return bookingPage(form, user, model);
            }
            throw failure;
        }
        redirect.addFlashAttribute(
                "flash", outcome.status() == JobStatus.REJECTED ? "job.flash.refused" : "job.flash.requested");
        redirect.addFlashAttribute("justChanged", jobId.value());
        return "redirect:/jobs/" + jobId.value();
    }

    private void checkWindow(BookingForm form, BindingResult binding) {
        LocalDate today = ProgrammeDays.today();
        Object[] range = {fmt.date(ProgrammeTime.EARLIEST), fmt.date(ProgrammeTime.latest(today))};
        LocalDate start = form.getEarliestStart();
        LocalDate end = form.getDeadline();
        boolean startOk = start != null && !binding.hasFieldErrors("earliestStart");
        boolean endOk = end != null && !binding.hasFieldErrors("deadline");
        if (startOk && !ProgrammeDays.usable(start)) {
            binding.rejectValue("earliestStart", "job.error.date-range", range, null);
            startOk = false;
        } else if (startOk && start.isBefore(today)) {
            binding.rejectValue("earliestStart", "job.error.start-past");
            startOk = false;
        }
        if (endOk && !ProgrammeDays.usable(end)) {
            binding.rejectValue("deadline", "job.error.date-range", range, null);
        } else if (startOk && endOk && end.isBefore(start)) {
            binding.rejectValue("deadline", "job.error.deadline-before-start");
        } else if (startOk && endOk && ChronoUnit.DAYS.between(start, end) > MAX_WINDOW_DAYS) {
            binding.rejectValue("deadline", "job.error.window", new Object[] {MAX_WINDOW_DAYS}, null);
        }
    }

    private String bookingPage(BookingForm form, CurrentUser user, Model model) {
        model.addAttribute("factories", bookableFactories());
        model.addAttribute("machineTypes", machineTypesOf(form.getFactoryId()));
        model.addAttribute("selectedType", form.getMachineType());
        model.addAttribute("ownMember", user.actsOnlyForOwnMember());
        model.addAttribute("today", ProgrammeDays.today());
        if (user.actsOnlyForOwnMember()) {
            Optional<String> own = memberOf(user);
            model.addAttribute("noMember", own.isEmpty());
            own.flatMap(id -> queries.query(
                                    new FindMember(new MemberId(id)),
                                    ResponseTypes.optionalInstanceOf(MemberView.class))
                            .join())
                    .ifPresent(member -> model.addAttribute("qualifications", member.qualifications()));
        }
        model.addAttribute(
                "capacity",
                freeCapacity(
                        form.getFactoryId(),
                        form.getMachineType(),
                        form.getEarliestStart(),
                        form.getDeadline(),
                        form.getMachineHours()));
        return "job/book";
    }

    /** The free capacity, or null when the form does not say enough yet (or says something impossible). */
    private FreeCapacity freeCapacity(
            String factoryId, String machineType, LocalDate earliestStart, LocalDate deadline, Integer hours) {
        if (filter(factoryId) == null
                || filter(machineType) == null
                || earliestStart == null
                || deadline == null
                || !ProgrammeDays.usable(earliestStart)
                || !ProgrammeDays.usable(deadline)) {
            return null;
        }
        LocalDate from = earliestStart.isBefore(ProgrammeDays.today()) ? ProgrammeDays.today() : earliestStart;
        if (deadline.isBefore(from) || ChronoUnit.DAYS.between(from, deadline) > MAX_WINDOW_DAYS) {
            return null;
        }
        return queries.query(
                        new FindCapacityCalendar(new FactoryId(factoryId.strip()), from, deadline, machineType.strip()),
                        ResponseTypes.optionalInstanceOf(CapacityCalendarView.class))
                .join()
                .map(calendar -> FreeCapacity.of(calendar, from, deadline, hours))
                .orElse(null);
    }

    private List<FactorySummaryView> bookableFactories() {
        return queries.query(new FindFactories(FactoryStatus.COMMISSIONED, null, null, 0, FACTORIES), FactoryPage.class)
                .join()
                .items();
    }

    private List<String> machineTypesOf(String factoryId) {
        return filter(factoryId) == null
                ? List.of()
                : factory(factoryId.strip())
                        .map(JobPageController::machineTypesOf)
                        .orElse(List.of());
    }

    /** The types of the factory's installed machines (in maintenance too: time after it may still be free). */
    private static List<String> machineTypesOf(FactoryView factory) {
        return factory.machines().stream()
                .filter(m -> m.status() != MachineStatus.PLANNED)
                .map(m -> m.machineType())
                .distinct()
                .sorted()
                .toList();
    }

    // --- one job ---

    @GetMapping("/{jobId}")
    String detail(@PathVariable String jobId, Authentication authentication, Model model) {
        CurrentUser user = CurrentUser.of(authentication);
        boolean justChanged = jobId.equals(model.getAttribute("justChanged"));
        Optional<JobView> job = justChanged
                ? ReadModels.await(
                        () -> job(jobId),
                        j -> expected(model).map(j.status()::equals).orElse(true))
                : job(jobId);
        if (job.isEmpty() && justChanged) {
            model.addAttribute("jobId", jobId);
            return "job/pending";
        }
        JobView visible = job.filter(j -> maySee(user, j)).orElseThrow(() -> new NotFound("job " + jobId));
        model.addAttribute("job", visible);
        model.addAttribute("factory", factory(visible.factoryId()).orElse(null));
        model.addAttribute("mayCancel", !visible.status().isClosed() && mayBook(user));
        return "job/detail";
    }

    private static Optional<JobStatus> expected(Model model) {
        return Optional.ofNullable((JobStatus) model.getAttribute("expectedStatus"));
    }

    @GetMapping("/{jobId}/cancel")
    String cancelForm(@PathVariable String jobId, Authentication authentication, Model model) {
        if (!model.containsAttribute("cancelForm")) {
            model.addAttribute("cancelForm", new CancelForm());
        }
        return cancelPage(jobId, CurrentUser.of(authentication), model);
    }

    @PostMapping("/{jobId}/cancel")
    String cancel(
            @PathVariable String jobId,
            @Valid @ModelAttribute("cancelForm") CancelForm form,
            BindingResult binding,
            Authentication authentication,
            Model model,
            RedirectAttributes redirect) {
        CurrentUser user = CurrentUser.of(authentication);
        if (binding.hasErrors()) {
            return cancelPage(jobId, user, model);
        }
        try {
            commands.sendAndWait(
                    new CancelProductionJob(new JobId(jobId), form.getReason().strip(), user.id()));
        } catch (RuntimeException failure) {
            if (DomainRefusals.show(failure, binding, field -> "reason".equals(field) ? field : null)) {
                return cancelPage(jobId, user, model);
            }
            throw failure;
        }
        redirect.addFlashAttribute("flash", "job.flash.cancelled");
        redirect.addFlashAttribute("justChanged", jobId);
        redirect.addFlashAttribute("expectedStatus", JobStatus.CANCELLED);
        return "redirect:/jobs/" + jobId;
    }

    private String cancelPage(String jobId, CurrentUser user, Model model) {
        JobView job = job(jobId).filter(j -> maySee(user, j)).orElseThrow(() -> new NotFound("job " + jobId));
        model.addAttribute("job", job);
        model.addAttribute("factory", factory(job.factoryId()).orElse(null));
        return "job/cancel";
    }

    // --- who sees what ---

    /** As the job API decides: the whole programme's readers, the member's own login, the factory's staff. */
    private boolean maySee(CurrentUser user, JobView job) {
        return user.seesEverything()
                || user.isIn(Groups.MEMBERS)
                        && memberOf(user).filter(job.memberId()::equals).isPresent()
                || user.staffedFactories().contains(job.factoryId());
    }

    private static boolean mayBook(CurrentUser user) {
        return user.isIn(Groups.MEMBERS) || user.isIn(Groups.OFFICERS) || user.isIn(Groups.ADMINS);
    }

    private Optional<String> memberOf(CurrentUser user) {
        return queries.query(
                        new FindMemberOfAccount(user.id()), ResponseTypes.optionalInstanceOf(MemberAccountView.class))
                .join()
                .map(MemberAccountView::memberId);
    }

    private Optional<JobView> job(String jobId) {
        return queries.query(new FindJob(new JobId(jobId)), ResponseTypes.optionalInstanceOf(JobView.class))
                .join();
    }

    private Optional<FactoryView> factory(String factoryId) {
        return queries.query(
                        new FindFactory(new FactoryId(factoryId)), ResponseTypes.optionalInstanceOf(FactoryView.class))
                .join();
    }

    /** Factory names by id, for lists and filters. */
    private Map<String, String> factoryNames() {
        Map<String, String> names = new LinkedHashMap<>();
        queries.query(new FindFactories(null, null, null, 0, FACTORIES), FactoryPage.class)
                .join()
                .items()
                .forEach(f -> names.put(f.factoryId(), f.name()));
        return names;
    }

    private static String filter(String value) {
        if (value == null || value.isBlank() || value.length() > 100 || !value.matches(TextRules.PLAIN)) {
            return null;
        }
        return value.strip();
    }

    private static LocalDate day(String text) {
        try {
            return text == null || text.isBlank() ? null : LocalDate.parse(text.strip());
        } catch (java.time.format.DateTimeParseException e) {
            return null;
        }
    }

    private static Integer number(String text) {
        try {
            return text == null || text.isBlank() ? null : Integer.valueOf(text.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
