package org.factorysharing.web.programme;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.queryhandling.QueryGateway;
import org.factorysharing.api.programme.ApprovalStage;
import org.factorysharing.api.programme.ProgrammeQueries.ProposalView;
import org.factorysharing.api.programme.ProgrammeQueries.RecommendationView;
import org.factorysharing.api.programme.ProgrammeQueries.WaveView;
import org.factorysharing.api.programme.ProgrammeTaskCommands.StageDecision;
import org.factorysharing.api.programme.ProgrammeTaskCommands.SubmitProposal;
import org.factorysharing.api.programme.ProgrammeTaskCommands.SubmitStageDecision;
import org.factorysharing.api.programme.Recommendation;
import org.factorysharing.api.programme.WaveId;
import org.factorysharing.api.shared.BusinessRuleViolation;
import org.factorysharing.api.shared.InvalidField;
import org.factorysharing.api.shared.NotFound;
import org.factorysharing.api.shared.NotPermitted;
import org.factorysharing.api.task.TaskQueries.FindTask;
import org.factorysharing.api.task.TaskQueries.TaskDetailView;
import org.factorysharing.api.task.TaskQueries.TaskView;
import org.factorysharing.web.security.CurrentUser;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The wave's own task pages: "Propose outcome" for officers, and each approval stage (regional review, planning
 * review, final approval) for its group, with the recommendation explained and the proposal's timeline beside the
 * form. The forms send the programme API's commands, which complete the wave's task under the task rules: the
 * proposer never decides, nobody decides two stages; a refusal writes nothing and is told on the page.
 */
@Controller
class ProgrammeTaskController {

    static final String PROPOSE = "user_propose_outcome";

    /** The approval stages' task keys (scale_up_approval.bpmn). */
    static final Map<String, ApprovalStage> STAGES = Map.of(
            "user_regional_review", ApprovalStage.REGIONAL_REVIEW,
            "user_planning_review", ApprovalStage.PLANNING_REVIEW,
            "user_final_approval", ApprovalStage.FINAL_APPROVAL);

    private static final String TASK_ID = "[A-Za-z0-9-]{1,64}";

    private final CommandGateway commands;
    private final QueryGateway queries;
    private final WaveController waves;
    private final MessageSource messages;

    ProgrammeTaskController(
            CommandGateway commands, QueryGateway queries, WaveController waves, MessageSource messages) {
        this.commands = commands;
        this.queries = queries;
        this.waves = waves;
        this.messages = messages;
    }

    @GetMapping("/programme/tasks/{taskId:" + TASK_ID + "}")
    String task(@PathVariable String taskId, Model model, Authentication authentication) {
        TaskView task = find(taskId, authentication);
        if (PROPOSE.equals(task.taskKey())) {
            ProposalForm form = new ProposalForm();
            WaveView wave = waves.find(task.businessKey());
            RecommendationView latest = latest(wave.recommendations());
            form.setOutcome(latest == null ? null : latest.recommendation());
            model.addAttribute("proposal", form);
        } else {
            model.addAttribute("decision", new DecisionForm());
        }
        return page(task, model, authentication);
    }

    @PostMapping("/programme/tasks/{taskId:" + TASK_ID + "}/proposal")
    String propose(
            @PathVariable String taskId,
            @Valid @ModelAttribute("proposal") ProposalForm form,
            BindingResult errors,
            Model model,
            Authentication authentication,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        TaskView task = find(taskId, authentication);
        if (!PROPOSE.equals(task.taskKey())) {
            throw new NotFound("task " + taskId);
        }
        WaveView wave = waves.find(task.businessKey());
        RecommendationView latest = latest(wave.recommendations());
        Recommendation outcome = form.getOutcome();
        if (outcome == Recommendation.SCALE_UP
                && form.getProposedTarget() == null
                && !errors.hasFieldErrors("proposedTarget")) {
            errors.rejectValue("proposedTarget", "programme.proposal.proposedTarget.required");
        }
        if (outcome == Recommendation.EXTEND_PILOT
                && form.getExtensionMonths() == null
                && !errors.hasFieldErrors("extensionMonths")) {
            errors.rejectValue("extensionMonths", "programme.proposal.extensionMonths.required");
        }
        if (outcome != null
                && latest != null
                && outcome != latest.recommendation()
                && form.justificationText() == null) {
            errors.rejectValue("justification", "programme.proposal.justification.required");
        }
        if (errors.hasErrors()) {
            return page(task, model, authentication);
        }
        try {
            commands.sendAndWait(new SubmitProposal(
                    new WaveId(task.businessKey()),
                    outcome,
                    outcome == Recommendation.SCALE_UP ? form.getProposedTarget() : null,
                    outcome == Recommendation.EXTEND_PILOT ? form.getExtensionMonths() : null,
                    form.justificationText()));
        } catch (RuntimeException refused) {
            return refused(refused, errors, task, model, authentication, response);
        }
        redirect.addFlashAttribute("notice", "programme.task.proposed");
        return "redirect:/programme/waves/" + task.businessKey();
    }

    @PostMapping("/programme/tasks/{taskId:" + TASK_ID + "}/decision")
    String decide(
            @PathVariable String taskId,
            @Valid @ModelAttribute("decision") DecisionForm form,
            BindingResult errors,
            Model model,
            Authentication authentication,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        TaskView task = find(taskId, authentication);
        ApprovalStage stage = STAGES.get(task.taskKey());
        if (stage == null) {
            throw new NotFound("task " + taskId);
        }
        StageDecision decision = Arrays.stream(StageDecision.values())
                .filter(d -> d.name().equals(form.getDecision()))
                .findFirst()
                .orElse(null);
        if (decision == null) {
            errors.reject("programme.decision.missing");
        } else if (decision == StageDecision.REJECT && form.text() == null) {
            errors.rejectValue("comment", "programme.stage.reject.reason");
        }
        if (errors.hasErrors()) {
            return page(task, model, authentication);
        }
        try {
            commands.sendAndWait(new SubmitStageDecision(new WaveId(task.businessKey()), stage, decision, form.text()));
        } catch (RuntimeException refused) {
            return refused(refused, errors, task, model, authentication, response);
        }
        redirect.addFlashAttribute(
                "notice", decision == StageDecision.APPROVE ? "programme.task.approved" : "programme.task.rejected");
        return "redirect:/programme/waves/" + task.businessKey();
    }

    /** The domain said no: the page again, with its words (403 when the person may not, 409 for a rule). */
    private String refused(
            RuntimeException refused,
            BindingResult errors,
            TaskView task,
            Model model,
            Authentication authentication,
            HttpServletResponse response) {
        NotPermitted notPermitted = Refusals.notPermitted(refused).orElse(null);
        if (notPermitted != null) {
            response.setStatus(HttpStatus.FORBIDDEN.value());
            model.addAttribute("notPermitted", notPermitted.getMessage());
            return page(task, model, authentication);
        }
        InvalidField invalid = Refusals.invalid(refused).orElse(null);
        if (invalid != null) {
            if (hasField(errors, invalid.field())) {
                errors.rejectValue(invalid.field(), "programme.task.invalid", new Object[] {invalid.reason()}, null);
            } else {
                errors.reject("programme.task.invalid", new Object[] {invalid.getMessage()}, null);
            }
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return page(task, model, authentication);
        }
        BusinessRuleViolation rule = Refusals.rule(refused).orElseThrow(() -> refused);
        response.setStatus(HttpStatus.CONFLICT.value());
        model.addAttribute("refusalCode", rule.code());
        model.addAttribute("refusalText", rule.rule());
        return page(task, model, authentication);
    }

    private static boolean hasField(BindingResult errors, String field) {
        try {
            return errors.getFieldType(field) != null;
        } catch (RuntimeException notAField) {
            return false;
        }
    }

    private String page(TaskView task, Model model, Authentication authentication) {
        WaveView wave = waves.find(task.businessKey());
        CurrentUser user = CurrentUser.of(authentication);
        ApprovalStage stage = STAGES.get(task.taskKey());
        ProposalView proposal = stage == null ? null : latest(wave.proposals());
        RecommendationView recommendation = latest(wave.recommendations());
        model.addAttribute("task", task);
        model.addAttribute("wave", wave);
        model.addAttribute("stage", stage);
        model.addAttribute("proposalView", proposal);
        model.addAttribute("recommendation", recommendation == null ? null : waves.explained(recommendation));
        model.addAttribute("outcomes", outcomes());
        // the four-eyes rules, told before anyone tries: the proposer never decides, nobody decides two stages
        String ownPart = null;
        if (proposal != null) {
            if (user.id().equals(proposal.proposedBy())) {
                ownPart = "programme.task.fourEyes.proposer";
            } else if (proposal.timeline().stream()
                    .anyMatch(step ->
                            "APPROVED".equals(step.action()) && user.id().equals(step.by()))) {
                ownPart = "programme.task.fourEyes.decided";
            }
        }
        model.addAttribute("fourEyes", ownPart);
        model.addAttribute("mayWork", ownPart == null && mayWorkOn(task, user));
        return "programme/task";
    }

    private static boolean mayWorkOn(TaskView task, CurrentUser user) {
        return user.id().equals(task.assignee())
                || task.assignee() == null && task.candidateGroups().stream().anyMatch(user::isIn);
    }

    private Map<String, String> outcomes() {
        Map<String, String> outcomes = new LinkedHashMap<>();
        for (Recommendation outcome : Recommendation.values()) {
            outcomes.put(
                    outcome.name(),
                    messages.getMessage(
                            "enum.Recommendation." + outcome.name(), null, LocaleContextHolder.getLocale()));
        }
        return outcomes;
    }

    /** The task, if it is one of the wave's that this page serves and the user may see it (else 404 or 403). */
    private TaskView find(String taskId, Authentication authentication) {
        CurrentUser user = CurrentUser.of(authentication);
        TaskDetailView detail = queries.query(new FindTask(taskId, user.id(), user.groups()), TaskDetailView.class)
                .join();
        TaskView task = detail.task();
        if (!PROPOSE.equals(task.taskKey()) && !STAGES.containsKey(task.taskKey()) || task.businessKey() == null) {
            throw new NotFound("task " + taskId);
        }
        return task;
    }

    private static <T> T latest(List<T> items) {
        return items.isEmpty() ? null : items.get(items.size() - 1);
    }
}
