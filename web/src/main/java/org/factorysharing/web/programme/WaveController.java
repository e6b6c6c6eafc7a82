package org.factorysharing.web.programme;

import jakarta.validation.Valid;
import java.util.List;
import java.util.Objects;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.factorysharing.api.programme.ProgrammeQueries.EarlyEvaluationView;
import org.factorysharing.api.programme.ProgrammeQueries.FindWave;
import org.factorysharing.api.programme.ProgrammeQueries.FindWaves;
import org.factorysharing.api.programme.ProgrammeQueries.RecommendationView;
import org.factorysharing.api.programme.ProgrammeQueries.WaveSummaryView;
import org.factorysharing.api.programme.ProgrammeQueries.WaveView;
import org.factorysharing.api.programme.WaveCommands.ApproveEarlyEvaluation;
import org.factorysharing.api.programme.WaveCommands.DeclineEarlyEvaluation;
import org.factorysharing.api.programme.WaveCommands.RequestEarlyEvaluation;
import org.factorysharing.api.programme.WaveId;
import org.factorysharing.api.programme.WaveStatus;
import org.factorysharing.api.shared.BusinessRuleViolation;
import org.factorysharing.api.shared.Groups;
import org.factorysharing.api.shared.NotFound;
import org.factorysharing.api.task.TaskQueries.FindTasksAbout;
import org.factorysharing.api.task.TaskQueries.TaskView;
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
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The programme dashboard, a wave's page (its KPIs against the thresholds, factories, early evaluation, the
 * recommendations explained and the approval timeline) and its KPI charts by month; and the early evaluation's
 * forms, which answer on the wave's page. Commands and queries are the programme API's.
 */
@Controller
class WaveController {

    static final String WAVE_ID = "[A-Za-z0-9-]{1,64}";

    private final CommandGateway commands;
    private final QueryGateway queries;
    private final KpiCharts charts;
    private final Fmt fmt;

    WaveController(CommandGateway commands, QueryGateway queries, KpiCharts charts, Fmt fmt) {
        this.commands = commands;
        this.queries = queries;
        this.charts = charts;
        this.fmt = fmt;
    }

    @GetMapping("/programme")
    String dashboard(Model model, Authentication authentication) {
        List<WaveSummaryView> waves = queries.query(
                        new FindWaves(), ResponseTypes.multipleInstancesOf(WaveSummaryView.class))
                .join();
        model.addAttribute("waves", waves);
        model.addAttribute("canPlan", isAny(authentication, ProgrammePages.STAFF));
        return "programme/dashboard";
    }

    @GetMapping("/programme/waves/{waveId:" + WAVE_ID + "}")
    String wave(@PathVariable String waveId, Model model, Authentication authentication) {
        model.addAttribute("earlyRequest", new ReasonForm());
        model.addAttribute("earlyDecision", new DecisionForm());
        return wavePage(waveId, model, authentication);
    }

    @GetMapping("/programme/waves/{waveId:" + WAVE_ID + "}/kpis")
    String kpis(@PathVariable String waveId, Model model) {
        WaveView wave = find(waveId);
        model.addAttribute("wave", wave);
        model.addAttribute("kpiRows", KpiRow.of(wave.kpis().kpis(), wave.thresholds(), fmt));
        model.addAttribute("charts", charts.monthly(wave.kpis(), wave.thresholds()));
        return "programme/kpis";
    }

    @PostMapping("/programme/waves/{waveId:" + WAVE_ID + "}/early-evaluations")
    String requestEarlyEvaluation(
            @PathVariable String waveId,
            @Valid @ModelAttribute("earlyRequest") ReasonForm form,
            BindingResult errors,
            Model model,
            Authentication authentication,
            RedirectAttributes redirect) {
        if (!errors.hasErrors()) {
            try {
                commands.sendAndWait(new RequestEarlyEvaluation(new WaveId(waveId), form.getReason()));
                redirect.addFlashAttribute("notice", "programme.early.requested");
                return "redirect:/programme/waves/" + waveId;
            } catch (RuntimeException refused) {
                BusinessRuleViolation rule = Refusals.rule(refused).orElseThrow(() -> refused);
                model.addAttribute("refusalCode", rule.code());
                model.addAttribute("refusalText", rule.rule());
            }
        }
        model.addAttribute("earlyDecision", new DecisionForm());
        return wavePage(waveId, model, authentication);
    }

    @PostMapping("/programme/waves/{waveId:" + WAVE_ID + "}/early-evaluations/{requestNo:[0-9]{1,6}}/decision")
    String decideEarlyEvaluation(
            @PathVariable String waveId,
            @PathVariable int requestNo,
            @Valid @ModelAttribute("earlyDecision") DecisionForm form,
            BindingResult errors,
            Model model,
            Authentication authentication,
            RedirectAttributes redirect) {
        boolean approve = "APPROVE".equals(form.getDecision());
        if (!approve && !"DECLINE".equals(form.getDecision())) {
            errors.reject("programme.decision.missing");
        } else if (!approve && form.text() == null) {
            errors.rejectValue("comment", "programme.early.decline.reason");
        }
        if (!errors.hasErrors()) {
            WaveId id = new WaveId(waveId);
            try {
                commands.sendAndWait(
                        approve
                                ? new ApproveEarlyEvaluation(id, requestNo, form.text())
                                : new DeclineEarlyEvaluation(id, requestNo, form.text()));
                redirect.addFlashAttribute("notice", approve ? "programme.early.approved" : "programme.early.declined");
                return "redirect:/programme/waves/" + waveId;
            } catch (RuntimeException refused) {
                BusinessRuleViolation rule = Refusals.rule(refused).orElseThrow(() -> refused);
                model.addAttribute("refusalCode", rule.code());
                model.addAttribute("refusalText", rule.rule());
            }
        }
        model.addAttribute("earlyRequest", new ReasonForm());
        return wavePage(waveId, model, authentication);
    }

    private String wavePage(String waveId, Model model, Authentication authentication) {
        WaveView wave = find(waveId);
        CurrentUser user = CurrentUser.of(authentication);
        WaveStatus status = wave.summary().status();
        EarlyEvaluationView open = wave.earlyEvaluations().stream()
                .filter(request -> "OPEN".equals(request.status()))
                .findFirst()
                .orElse(null);
        List<TaskView> tasks = queries.query(
                        new FindTasksAbout(waveId), ResponseTypes.multipleInstancesOf(TaskView.class))
                .join();
        model.addAttribute("wave", wave);
        model.addAttribute("kpiRows", KpiRow.of(wave.kpis().kpis(), wave.thresholds(), fmt));
        model.addAttribute(
                "recommendations",
                wave.recommendations().stream().map(this::explained).toList());
        model.addAttribute("tasks", tasks);
        model.addAttribute("openEarly", open);
        model.addAttribute(
                "canEnrol",
                isAny(authentication, ProgrammePages.STAFF) && (status == WaveStatus.PLANNED || status.piloting()));
        model.addAttribute(
                "canRequestEarly",
                isAny(authentication, ProgrammePages.REQUESTERS) && status.piloting() && open == null);
        model.addAttribute(
                "canDecideEarly",
                open != null && user.isIn(Groups.SUPERVISORS) && !Objects.equals(open.requestedBy(), user.id()));
        return "programme/wave";
    }

    /** A recommendation with the decision's inputs set against their thresholds. */
    record Explained(RecommendationView recommendation, List<KpiRow> rows) {}

    Explained explained(RecommendationView recommendation) {
        return new Explained(recommendation, KpiRow.of(recommendation.kpis(), recommendation.thresholds(), fmt));
    }

    WaveView find(String waveId) {
        return queries.query(new FindWave(new WaveId(waveId)), ResponseTypes.optionalInstanceOf(WaveView.class))
                .join()
                .orElseThrow(() -> new NotFound("wave " + waveId));
    }

    static boolean isAny(Authentication authentication, List<String> groups) {
        CurrentUser user = CurrentUser.of(authentication);
        return groups.stream().anyMatch(user::isIn);
    }
}
