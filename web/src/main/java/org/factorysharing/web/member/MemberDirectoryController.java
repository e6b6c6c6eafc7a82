package org.factorysharing.web.member;

import jakarta.validation.Valid;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.factorysharing.api.member.MemberCommands.ForgetMemberPersonalData;
import org.factorysharing.api.member.MemberCommands.GrantQualification;
import org.factorysharing.api.member.MemberCommands.ReinstateMember;
import org.factorysharing.api.member.MemberCommands.RevokeQualification;
import org.factorysharing.api.member.MemberCommands.SuspendMember;
import org.factorysharing.api.member.MemberId;
import org.factorysharing.api.member.MemberQueries.FindMembers;
import org.factorysharing.api.member.MemberQueries.FindMembersByPersonalData;
import org.factorysharing.api.member.MemberQueries.MemberIds;
import org.factorysharing.api.member.MemberQueries.MemberPage;
import org.factorysharing.api.member.MemberQueries.MemberSort;
import org.factorysharing.api.member.MemberQueries.PersonalField;
import org.factorysharing.api.member.MemberStatus;
import org.factorysharing.api.shared.BusinessRuleViolation;
import org.factorysharing.api.shared.Groups;
import org.factorysharing.api.shared.NotFound;
import org.factorysharing.api.shared.ProgrammeTime;
import org.factorysharing.api.task.TaskQueries.FindTasksAbout;
import org.factorysharing.api.task.TaskQueries.TaskView;
import org.factorysharing.web.security.CurrentUser;
import org.springframework.http.ResponseEntity;
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
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The member directory and a member's page for those who read the whole programme, with the actions the member API
 * offers the programme's staff (suspend, reinstate, grant and revoke qualifications, forget the personal data): the
 * same commands, decided by the command side.
 */
@Controller
@RequestMapping("/members")
class MemberDirectoryController {

    static final int PAGE_SIZE = 20;

    private final CommandGateway commands;
    private final QueryGateway queries;
    private final MemberReads reads;

    MemberDirectoryController(CommandGateway commands, QueryGateway queries, MemberReads reads) {
        this.commands = commands;
        this.queries = queries;
        this.reads = reads;
    }

    @GetMapping
    String directory(
            @RequestParam(required = false) String province,
            @RequestParam(required = false) String sector,
            @RequestParam(required = false) MemberStatus status,
            @RequestParam(required = false) String search,
            @RequestParam(defaultValue = "0") int page,
            Model model) {
        String provinceFilter = clean(province, 100);
        String sectorFilter = clean(sector, 100);
        String searchText = clean(search, 254);
        List<String> found = null;
        if (searchText != null) {
            Optional<PersonalField> field = fieldOf(searchText);
            if (field.isEmpty()) {
                model.addAttribute("searchInvalid", true);
                found = List.of();
            } else {
                found = queries.query(new FindMembersByPersonalData(field.get(), searchText), MemberIds.class)
                        .join()
                        .memberIds();
            }
        }
        int pageNumber = Math.max(0, Math.min(page, 1_000_000));
        MemberPage members = queries.query(
                        new FindMembers(
                                provinceFilter,
                                sectorFilter,
                                status,
                                pageNumber,
                                PAGE_SIZE,
                                MemberSort.REGISTERED_AT,
                                true,
                                found),
                        MemberPage.class)
                .join();
        model.addAttribute("members", members);
        model.addAttribute("province", provinceFilter);
        model.addAttribute("sector", sectorFilter);
        model.addAttribute("status", status);
        model.addAttribute("search", searchText);
        model.addAttribute("statuses", reads.labels(MemberStatus.class));
        model.addAttribute("base", base(provinceFilter, sectorFilter, status, searchText));
        return "member/directory";
    }

    /** A 16-digit number is a NIK, an address with @ an e-mail, other digits (with +, spaces, dashes) a phone. */
    static Optional<PersonalField> fieldOf(String search) {
        if (search.matches("\\d{16}")) {
            return Optional.of(PersonalField.NIK);
        }
        if (search.matches("[^@\\s]+@[^@\\s]+")) {
            return Optional.of(PersonalField.EMAIL);
        }
        if (search.matches("\\+?[0-9 ()-]{6,20}")) {
            return Optional.of(PersonalField.PHONE);
        }
        return Optional.empty();
    }

    private static String base(String province, String sector, MemberStatus status, String search) {
        UriComponentsBuilder uri = UriComponentsBuilder.fromPath("/members");
        if (province != null) {
            uri.queryParam("province", province);
        }
        if (sector != null) {
            uri.queryParam("sector", sector);
        }
        if (status != null) {
            uri.queryParam("status", status.name());
        }
        if (search != null) {
            uri.queryParam("search", search);
        }
        return uri.encode().build().toUriString();
    }

    @GetMapping("/{memberId}")
    String detail(@PathVariable String memberId, Authentication authentication, Model model) {
        return detailPage(model, memberId, CurrentUser.of(authentication));
    }

    private String detailPage(Model model, String memberId, CurrentUser user) {
        reads.fill(model, memberId, user);
        model.addAttribute(
                "mayAct", user.isIn(Groups.OFFICERS) || user.isIn(Groups.SUPERVISORS) || user.isIn(Groups.ADMINS));
        model.addAttribute(
                "verification",
                queries
                        .query(new FindTasksAbout(memberId), ResponseTypes.multipleInstancesOf(TaskView.class))
                        .join()
                        .stream()
                        .filter(task -> MemberPages.VERIFY_DOCUMENTS.equals(task.taskKey()))
                        .findFirst()
                        .orElse(null));
        for (String form : List.of("suspension", "revocation", "forgetting")) {
            if (!model.containsAttribute(form)) {
                model.addAttribute(form, new ReasonForm());
            }
        }
        if (!model.containsAttribute("grant")) {
            model.addAttribute("grant", new GrantForm());
        }
        model.addAttribute("today", ProgrammeTime.dateOf(java.time.Instant.now()));
        return "member/detail";
    }

    @GetMapping("/{memberId}/documents/{documentId}")
    ResponseEntity<byte[]> document(
            @PathVariable String memberId, @PathVariable String documentId, Authentication authentication) {
        return reads.document(memberId, documentId, CurrentUser.of(authentication))
                .map(DocumentResponses::inline)
                .orElseThrow(() -> new NotFound("document " + documentId));
    }

    @PostMapping("/{memberId}/suspension")
    String suspend(
            @PathVariable String memberId,
            @Valid @ModelAttribute("suspension") ReasonForm form,
            BindingResult errors,
            Authentication authentication,
            Model model,
            RedirectAttributes flash) {
        CurrentUser user = CurrentUser.of(authentication);
        if (errors.hasErrors()) {
            return detailPage(model, memberId, user);
        }
        return act(
                memberId,
                flash,
                "member.action.done.suspended",
                () -> commands.sendAndWait(new SuspendMember(
                        new MemberId(memberId), form.getReason().strip(), user.id())));
    }

    @PostMapping("/{memberId}/reinstatement")
    String reinstate(@PathVariable String memberId, Authentication authentication, RedirectAttributes flash) {
        CurrentUser user = CurrentUser.of(authentication);
        return act(
                memberId,
                flash,
                "member.action.done.reinstated",
                () -> commands.sendAndWait(new ReinstateMember(new MemberId(memberId), user.id())));
    }

    @PostMapping("/{memberId}/qualifications")
    String grant(
            @PathVariable String memberId,
            @Valid @ModelAttribute("grant") GrantForm form,
            BindingResult errors,
            Authentication authentication,
            Model model,
            RedirectAttributes flash) {
        CurrentUser user = CurrentUser.of(authentication);
        java.time.LocalDate today = ProgrammeTime.dateOf(java.time.Instant.now());
        if (form.getExpiresOn() != null && !errors.hasFieldErrors("expiresOn")) {
            if (!ProgrammeTime.isUsable(form.getExpiresOn(), today)) {
                errors.rejectValue("expiresOn", "member.expiresOn.range");
            } else if (!form.getExpiresOn().isAfter(today)) {
                errors.rejectValue("expiresOn", "member.expiresOn.notFuture");
            }
        }
        if (errors.hasErrors()) {
            return detailPage(model, memberId, user);
        }
        return act(
                memberId,
                flash,
                "member.action.done.granted",
                () -> commands.sendAndWait(new GrantQualification(
                        new MemberId(memberId),
                        form.getMachineType().strip().toUpperCase(Locale.ROOT),
                        form.getExpiresOn(),
                        user.id())));
    }

    @PostMapping("/{memberId}/qualifications/{machineType}/revocation")
    String revoke(
            @PathVariable String memberId,
            @PathVariable String machineType,
            @Valid @ModelAttribute("revocation") ReasonForm form,
            BindingResult errors,
            Authentication authentication,
            Model model,
            RedirectAttributes flash) {
        CurrentUser user = CurrentUser.of(authentication);
        if (errors.hasErrors()) {
            model.addAttribute("revokedType", machineType);
            return detailPage(model, memberId, user);
        }
        return act(
                memberId,
                flash,
                "member.action.done.revoked",
                () -> commands.sendAndWait(new RevokeQualification(
                        new MemberId(memberId), machineType, form.getReason().strip(), user.id())));
    }

    @PostMapping("/{memberId}/personal-data")
    String forget(
            @PathVariable String memberId,
            @Valid @ModelAttribute("forgetting") ReasonForm form,
            BindingResult errors,
            Authentication authentication,
            Model model,
            RedirectAttributes flash) {
        CurrentUser user = CurrentUser.of(authentication);
        if (errors.hasErrors()) {
            return detailPage(model, memberId, user);
        }
        return act(
                memberId,
                flash,
                "member.action.done.forgotten",
                () -> commands.sendAndWait(new ForgetMemberPersonalData(
                        new MemberId(memberId), form.getReason().strip(), user.id())));
    }

    /** Sends the command; a broken rule is told on the member's page, anything else goes to the error page. */
    private String act(String memberId, RedirectAttributes flash, String done, Runnable command) {
        try {
            command.run();
            Refusals.notice(flash, done, null);
        } catch (RuntimeException refused) {
            Refusals.tell(
                    flash, Refusals.find(refused, BusinessRuleViolation.class).orElseThrow(() -> refused));
        }
        return "redirect:/members/" + memberId;
    }

    private static String clean(String value, int max) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String stripped = value.strip();
        return stripped.length() > max ? stripped.substring(0, max) : stripped;
    }
}
