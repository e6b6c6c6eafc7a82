package org.factorysharing.web.member;

import jakarta.servlet.http.HttpSession;
import jakarta.validation.Valid;
import java.util.Optional;
import java.util.UUID;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.factorysharing.api.member.BusinessScale;
import org.factorysharing.api.member.DocumentKind;
import org.factorysharing.api.member.MemberCommands.AttachMemberDocument;
import org.factorysharing.api.member.MemberCommands.ForgetMemberPersonalData;
import org.factorysharing.api.member.MemberCommands.RegisterMember;
import org.factorysharing.api.member.MemberCommands.ResubmitMemberApplication;
import org.factorysharing.api.member.MemberId;
import org.factorysharing.api.member.MemberQueries.PersonalDataView;
import org.factorysharing.api.shared.BusinessRuleViolation;
import org.factorysharing.api.shared.DuplicateEntity;
import org.factorysharing.api.shared.NotFound;
import org.factorysharing.api.shared.PersonalData;
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
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A member's own pages: apply with the NIB certificate and the owner's KTP, follow the application (its status, the
 * reason of a rejection, the officers' note when they ask for more), add documents and send the application back,
 * see the qualifications, and ask for the personal data to be forgotten. A login acts only for its own member: the
 * member is always the login's, never one named in the address.
 */
@Controller
@RequestMapping("/me")
class MyApplicationController {

    /** The member a login just applied for, until the directory knows the login's member. */
    static final String APPLIED = "member.applied";

    private final CommandGateway commands;
    private final MemberReads reads;

    MyApplicationController(CommandGateway commands, MemberReads reads) {
        this.commands = commands;
        this.reads = reads;
    }

    @GetMapping
    String me(Authentication authentication, HttpSession session, Model model) {
        CurrentUser user = CurrentUser.of(authentication);
        Optional<String> memberId = reads.memberOf(user);
        if (memberId.isEmpty() || reads.member(memberId.get()).isEmpty()) {
            model.addAttribute("processing", session.getAttribute(APPLIED) != null);
            return "member/me";
        }
        session.removeAttribute(APPLIED);
        return showMe(model, user, memberId.get());
    }

    private String showMe(Model model, CurrentUser user, String memberId) {
        reads.fill(model, memberId, user);
        PersonalDataView personal = (PersonalDataView) model.getAttribute("personal");
        model.addAttribute("forgotten", personal != null && PersonalData.FORGOTTEN.equals(personal.ownerNikMasked()));
        if (!model.containsAttribute("upload")) {
            model.addAttribute("upload", new DocumentUploadForm());
        }
        model.addAttribute("kinds", reads.labels(DocumentKind.class));
        return "member/me";
    }

    @GetMapping("/apply")
    String applyForm(Authentication authentication, Model model) {
        if (reads.memberOf(CurrentUser.of(authentication)).isPresent()) {
            return "redirect:/me";
        }
        model.addAttribute("application", new ApplicationForm());
        return applyPage(model);
    }

    private String applyPage(Model model) {
        model.addAttribute("scales", reads.labels(BusinessScale.class));
        return "member/apply";
    }

    /**
     * Every field and both documents are checked before anything is sent, so a refused application stores nothing;
     * then the registration (which links this login to the new member) and the two documents.
     */
    @PostMapping("/apply")
    String apply(
            @Valid @ModelAttribute("application") ApplicationForm form,
            BindingResult errors,
            Authentication authentication,
            HttpSession session,
            Model model,
            RedirectAttributes flash) {
        CurrentUser user = CurrentUser.of(authentication);
        if (reads.memberOf(user).isPresent() || session.getAttribute(APPLIED) != null) {
            Refusals.notice(flash, "member.apply.already", null);
            return "redirect:/me";
        }
        byte[] nibCertificate = Uploads.read(form.getNibCertificate(), "nibCertificate", errors);
        byte[] ownerIdCard = Uploads.read(form.getOwnerIdCard(), "ownerIdCard", errors);
        if (errors.hasErrors()) {
            return applyPage(model);
        }
        MemberId memberId = MemberId.newId();
        try {
            commands.sendAndWait(new RegisterMember(
                    memberId,
                    form.getNib().strip(),
                    form.getBusinessName(),
                    form.getOwnerName(),
                    form.getOwnerNik().strip(),
                    form.getSector(),
                    form.getProvince(),
                    form.getRegency(),
                    form.getScale(),
                    blankToNull(form.getContactPhone()),
                    blankToNull(form.getContactEmail()),
                    user.id()));
        } catch (RuntimeException refused) {
            Optional<DuplicateEntity> duplicate = Refusals.find(refused, DuplicateEntity.class);
            if (duplicate.isEmpty()) {
                throw refused;
            }
            if ("member.nib-taken".equals(duplicate.get().code())) {
                errors.rejectValue("nib", "member.nib.taken");
            } else {
                errors.reject("member.account.taken");
            }
            return applyPage(model);
        }
        session.setAttribute(APPLIED, memberId.value());
        attach(memberId, DocumentKind.NIB_CERTIFICATE, form.getNibCertificate(), nibCertificate, user);
        attach(memberId, DocumentKind.OWNER_ID_CARD, form.getOwnerIdCard(), ownerIdCard, user);
        Refusals.notice(flash, "member.me.applied", null);
        return "redirect:/me";
    }

    @PostMapping("/documents")
    String upload(
            @Valid @ModelAttribute("upload") DocumentUploadForm form,
            BindingResult errors,
            Authentication authentication,
            Model model,
            RedirectAttributes flash) {
        CurrentUser user = CurrentUser.of(authentication);
        String memberId = ownMember(user);
        byte[] content = Uploads.read(form.getFile(), "file", errors);
        if (errors.hasErrors()) {
            return showMe(model, user, memberId);
        }
        try {
            attach(new MemberId(memberId), form.getKind(), form.getFile(), content, user);
        } catch (RuntimeException refused) {
            BusinessRuleViolation violation =
                    Refusals.find(refused, BusinessRuleViolation.class).orElseThrow(() -> refused);
            Refusals.tell(flash, violation);
            return "redirect:/me";
        }
        Refusals.notice(flash, "member.me.uploaded", Uploads.fileName(form.getFile(), content));
        return "redirect:/me";
    }

    @GetMapping("/documents/{documentId}")
    ResponseEntity<byte[]> document(@PathVariable String documentId, Authentication authentication) {
        CurrentUser user = CurrentUser.of(authentication);
        return reads.document(ownMember(user), documentId, user)
                .map(DocumentResponses::inline)
                .orElseThrow(() -> new NotFound("document " + documentId));
    }

    @PostMapping("/resubmission")
    String resubmit(Authentication authentication, RedirectAttributes flash) {
        CurrentUser user = CurrentUser.of(authentication);
        try {
            commands.sendAndWait(new ResubmitMemberApplication(new MemberId(ownMember(user)), user.id()));
        } catch (RuntimeException refused) {
            Refusals.tell(
                    flash, Refusals.find(refused, BusinessRuleViolation.class).orElseThrow(() -> refused));
            return "redirect:/me";
        }
        Refusals.notice(flash, "member.me.resubmitted", null);
        return "redirect:/me";
    }

    @GetMapping("/forget")
    String forgetForm(Authentication authentication, Model model) {
        ownMember(CurrentUser.of(authentication));
        model.addAttribute("forget", new ForgetForm());
        return "member/forget";
    }

    @PostMapping("/forget")
    String forget(
            @Valid @ModelAttribute("forget") ForgetForm form,
            BindingResult errors,
            Authentication authentication,
            RedirectAttributes flash) {
        CurrentUser user = CurrentUser.of(authentication);
        String memberId = ownMember(user);
        if (!form.isConfirm()) {
            errors.rejectValue("confirm", "member.forget.confirm.required");
        }
        if (errors.hasErrors()) {
            return "member/forget";
        }
        String reason = blankToNull(form.getReason());
        // the member's own login forgets its own member: the command side checks it again
        commands.sendAndWait(new ForgetMemberPersonalData(
                new MemberId(memberId),
                reason == null ? reads.message("member.forget.defaultReason") : reason,
                user.id()));
        Refusals.notice(flash, "member.me.forgotten", null);
        return "redirect:/me";
    }

    private void attach(MemberId memberId, DocumentKind kind, MultipartFile file, byte[] content, CurrentUser user) {
        commands.sendAndWait(new AttachMemberDocument(
                memberId, UUID.randomUUID().toString(), kind, Uploads.fileName(file, content), content, user.id()));
    }

    /** The login's own member; a login that acts for none has nothing here yet. */
    private String ownMember(CurrentUser user) {
        return reads.memberOf(user).orElseThrow(() -> new NotFound("no member for " + user.id()));
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
