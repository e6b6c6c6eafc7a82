package org.factorysharing.web.member;

import jakarta.validation.Valid;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.queryhandling.QueryGateway;
import org.factorysharing.api.shared.BusinessRuleViolation;
import org.factorysharing.api.shared.InvalidField;
import org.factorysharing.api.shared.NotFound;
import org.factorysharing.api.task.TaskCommands.ClaimTask;
import org.factorysharing.api.task.TaskCommands.CompleteTask;
import org.factorysharing.api.task.TaskQueries.FindTask;
import org.factorysharing.api.task.TaskQueries.TaskDetailView;
import org.factorysharing.api.task.TaskQueries.TaskView;
import org.factorysharing.web.member.VerificationForm.Decision;
import org.factorysharing.web.security.CurrentUser;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * "Verify documents" (task user_verify_documents) with the member's documents shown beside the form: verify, reject
 * with a reason, or ask the member for more with a note. Completed through the task commands, so the task rules and
 * the process's own listener decide who may, as for the API and Tasklist.
 */
@Controller
@RequestMapping("/members/verification/{taskId}")
class MemberVerificationController {

    private final CommandGateway commands;
    private final QueryGateway queries;
    private final MemberReads reads;

    MemberVerificationController(CommandGateway commands, QueryGateway queries, MemberReads reads) {
        this.commands = commands;
        this.queries = queries;
        this.reads = reads;
    }

    @GetMapping
    String page(@PathVariable String taskId, Authentication authentication, Model model) {
        if (!model.containsAttribute("verification")) {
            model.addAttribute("verification", new VerificationForm());
        }
        return show(model, taskId, CurrentUser.of(authentication));
    }

    private String show(Model model, String taskId, CurrentUser user) {
        TaskView task = task(taskId, user);
        reads.fill(model, task.businessKey(), user);
        model.addAttribute("task", task);
        model.addAttribute("decisions", Decision.values());
        model.addAttribute("mayDecide", mayWorkOn(task, user));
        model.addAttribute(
                "claimedByOther", task.assignee() != null && !task.assignee().equals(user.id()));
        return "member/verification";
    }

    @PostMapping("/claim")
    String claim(@PathVariable String taskId, Authentication authentication, RedirectAttributes flash) {
        task(taskId, CurrentUser.of(authentication));
        try {
            commands.sendAndWait(new ClaimTask(taskId));
            Refusals.notice(flash, "member.verify.claimed", null);
        } catch (RuntimeException refused) {
            Refusals.tell(
                    flash, Refusals.find(refused, BusinessRuleViolation.class).orElseThrow(() -> refused));
        }
        return "redirect:/members/verification/" + taskId;
    }

    @PostMapping
    String decide(
            @PathVariable String taskId,
            @Valid @ModelAttribute("verification") VerificationForm form,
            BindingResult errors,
            Authentication authentication,
            Model model,
            RedirectAttributes flash) {
        CurrentUser user = CurrentUser.of(authentication);
        TaskView task = task(taskId, user);
        if (form.getDecision() == null) {
            errors.rejectValue("decision", "member.verify.decision.required");
        } else if (form.getDecision() == Decision.REJECT && isBlank(form.getReason())) {
            errors.rejectValue("reason", "member.verify.reason.required");
        } else if (form.getDecision() == Decision.MORE_INFORMATION && isBlank(form.getNote())) {
            errors.rejectValue("note", "member.verify.note.required");
        }
        if (errors.hasErrors()) {
            return show(model, taskId, user);
        }
        Map<String, Object> variables = new HashMap<>();
        variables.put("approved", form.getDecision() == Decision.VERIFY);
        if (form.getDecision() == Decision.REJECT) {
            variables.put("rejectionReason", form.getReason().strip());
        }
        if (form.getDecision() == Decision.MORE_INFORMATION) {
            variables.put("informationRequest", form.getNote().strip());
        }
        try {
            commands.sendAndWait(new CompleteTask(taskId, variables));
        } catch (RuntimeException refused) {
            Optional<InvalidField> invalid = Refusals.find(refused, InvalidField.class);
            if (invalid.isPresent()) {
                // the process's own check (e.g. a field it does not know): shown in the form, nothing was changed
                errors.reject("form.errors", invalid.get().getMessage());
                return show(model, taskId, user);
            }
            throw refused; // not permitted (403 page), claimed by someone else (409 page)
        }
        Refusals.notice(flash, "member.verify.done." + form.getDecision().name(), null);
        return "redirect:/members/" + task.businessKey();
    }

    /** The task, if it is a document check the user may see; anything else is not found here. */
    private TaskView task(String taskId, CurrentUser user) {
        TaskDetailView detail = queries.query(new FindTask(taskId, user.id(), user.groups()), TaskDetailView.class)
                .join();
        if (detail == null || !MemberPages.VERIFY_DOCUMENTS.equals(detail.task().taskKey())) {
            throw new NotFound("task " + taskId);
        }
        return detail.task();
    }

    private static boolean mayWorkOn(TaskView task, CurrentUser user) {
        if (task.assignee() != null) {
            return task.assignee().equals(user.id());
        }
        return task.candidateGroups().stream().anyMatch(user::isIn);
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}
