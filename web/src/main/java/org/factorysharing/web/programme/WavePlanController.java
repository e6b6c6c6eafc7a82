package org.factorysharing.web.programme;

import jakarta.validation.Valid;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.factorysharing.api.programme.WaveCommands.PlanWave;
import org.factorysharing.api.programme.WaveId;
import org.factorysharing.api.programme.WaveKind;
import org.factorysharing.api.shared.InvalidField;
import org.factorysharing.api.shared.ProgrammeTime;
import org.factorysharing.web.shared.Fmt;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Officers (and supervisors, admins) plan a wave: its year, kind, target, pilot period and the KPI thresholds that
 * define success. An absurd year or a fraction in a whole number is refused at the door, next to its field; the
 * wave itself refuses the rest, and the page shows its refusal beside the field it names.
 */
@Controller
class WavePlanController {

    private final CommandGateway commands;
    private final MessageSource messages;
    private final Fmt fmt;

    WavePlanController(CommandGateway commands, MessageSource messages, Fmt fmt) {
        this.commands = commands;
        this.messages = messages;
        this.fmt = fmt;
    }

    @GetMapping("/programme/waves/new")
    String form(Model model) {
        PlanWaveForm form = new PlanWaveForm();
        form.setYear(fmt.today().getYear());
        model.addAttribute("plan", form);
        return page(model);
    }

    @PostMapping("/programme/waves")
    String plan(
            @Valid @ModelAttribute("plan") PlanWaveForm form,
            BindingResult errors,
            Model model,
            Authentication user,
            RedirectAttributes redirect) {
        LocalDate today = fmt.today();
        int latest = ProgrammeTime.latest(today).getYear();
        if (form.getYear() != null
                && !errors.hasFieldErrors("year")
                && (form.getYear() < ProgrammeTime.EARLIEST.getYear() || form.getYear() > latest)) {
            errors.rejectValue(
                    "year",
                    "programme.plan.year.range",
                    new Object[] {String.valueOf(ProgrammeTime.EARLIEST.getYear()), String.valueOf(latest)},
                    null);
        }
        if (errors.hasErrors()) {
            return page(model);
        }
        WaveId waveId = WaveId.newId();
        try {
            commands.sendAndWait(new PlanWave(
                    waveId,
                    form.getName(),
                    form.getYear(),
                    form.getKind(),
                    form.getTargetFactories(),
                    form.getPilotMonths(),
                    form.thresholds(),
                    null,
                    user.getName()));
        } catch (RuntimeException refused) {
            InvalidField invalid = Refusals.invalid(refused).orElseThrow(() -> refused);
            errors.reject("programme.plan.refused", new Object[] {invalid.getMessage()}, null);
            return page(model);
        }
        redirect.addFlashAttribute("notice", "programme.plan.done");
        redirect.addFlashAttribute("noticeArg", form.getName().strip());
        return "redirect:/programme";
    }

    private String page(Model model) {
        Map<String, String> kinds = new LinkedHashMap<>();
        Arrays.stream(WaveKind.values())
                .forEach(kind -> kinds.put(
                        kind.name(),
                        messages.getMessage("enum.WaveKind." + kind.name(), null, LocaleContextHolder.getLocale())));
        model.addAttribute("kinds", kinds);
        return "programme/plan";
    }
}
