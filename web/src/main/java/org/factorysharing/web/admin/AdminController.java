package org.factorysharing.web.admin;

import java.util.List;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.factorysharing.api.operations.OperationsCommands.EvictDeadLetter;
import org.factorysharing.api.operations.OperationsCommands.EvictDeadLetterSequence;
import org.factorysharing.api.operations.OperationsCommands.ReplayProjection;
import org.factorysharing.api.operations.OperationsCommands.RetryDeadLetters;
import org.factorysharing.api.operations.OperationsCommands.RetryResult;
import org.factorysharing.api.operations.OperationsQueries.DeadLetterSequenceView;
import org.factorysharing.api.operations.OperationsQueries.FindDeadLetters;
import org.factorysharing.api.operations.OperationsQueries.FindProcessors;
import org.factorysharing.api.operations.OperationsQueries.ProcessorView;
import org.factorysharing.api.operations.OperationsQueries.SegmentView;
import org.factorysharing.api.shared.BusinessRuleViolation;
import org.factorysharing.api.shared.NotFound;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The admins' pages: the event processors (read models and workflow bridges) with each segment's position against
 * the head, a replay that rebuilds a read model; and the dead letters (the events a processing group parked), to be
 * retried once the cause is removed or given up. The same commands and queries as the admin API; every change is
 * asked for again in the browser (form[data-confirm]) and ends in a flash message.
 */
@Controller
@RequestMapping("/admin")
class AdminController {

    private final CommandGateway commands;
    private final QueryGateway queries;
    private final MessageSource messages;

    AdminController(CommandGateway commands, QueryGateway queries, MessageSource messages) {
        this.commands = commands;
        this.queries = queries;
        this.messages = messages;
    }

    @GetMapping
    String home() {
        return "redirect:/admin/projections";
    }

    /** A processor with what a reader looks for first: its slowest segment and how many segments failed. */
    public record ProcessorRow(ProcessorView view, long lowestPosition, long failedSegments) {

        static ProcessorRow of(ProcessorView view) {
            return new ProcessorRow(
                    view,
                    view.segments().stream()
                            .mapToLong(SegmentView::position)
                            .min()
                            .orElse(0),
                    view.segments().stream().filter(s -> s.error() != null).count());
        }
    }

    @GetMapping("/projections")
    String projections(Model model) {
        List<ProcessorView> processors = queries.query(
                        new FindProcessors(), ResponseTypes.multipleInstancesOf(ProcessorView.class))
                .join();
        model.addAttribute(
                "processors", processors.stream().map(ProcessorRow::of).toList());
        return "admin/projections";
    }

    @PostMapping("/projections/{name}/replay")
    String replay(@PathVariable String name, RedirectAttributes flash) {
        try {
            commands.sendAndWait(new ReplayProjection(name));
            flash.addFlashAttribute("notice", message("admin.replay.started", name));
        } catch (RuntimeException failure) {
            flash.addFlashAttribute("problem", refusal(failure));
        }
        return "redirect:/admin/projections";
    }

    @GetMapping("/dead-letters")
    String deadLetters(@RequestParam(required = false) String group, Model model) {
        String processingGroup = group == null || group.isBlank() ? null : group.strip();
        List<DeadLetterSequenceView> sequences = queries.query(
                        new FindDeadLetters(processingGroup),
                        ResponseTypes.multipleInstancesOf(DeadLetterSequenceView.class))
                .join();
        List<String> groups =
                queries
                        .query(new FindProcessors(), ResponseTypes.multipleInstancesOf(ProcessorView.class))
                        .join()
                        .stream()
                        .map(ProcessorView::name)
                        .sorted()
                        .toList();
        model.addAttribute("sequences", sequences);
        model.addAttribute("groups", groups);
        model.addAttribute("group", processingGroup);
        return "admin/dead-letters";
    }

    @PostMapping("/dead-letters/retry")
    String retry(@RequestParam String group, RedirectAttributes flash) {
        try {
            RetryResult result = commands.sendAndWait(new RetryDeadLetters(group));
            flash.addFlashAttribute(
                    "notice",
                    message("admin.retry.done", group, result.sequences(), result.succeeded(), result.stillParked()));
        } catch (RuntimeException failure) {
            flash.addFlashAttribute("problem", refusal(failure));
        }
        return "redirect:/admin/dead-letters";
    }

    @PostMapping("/dead-letters/evict-sequence")
    String evictSequence(@RequestParam String group, @RequestParam String sequence, RedirectAttributes flash) {
        try {
            commands.sendAndWait(new EvictDeadLetterSequence(group, sequence));
            flash.addFlashAttribute("notice", message("admin.evict.sequence.done", sequence));
        } catch (RuntimeException failure) {
            flash.addFlashAttribute("problem", refusal(failure));
        }
        return "redirect:/admin/dead-letters";
    }

    @PostMapping("/dead-letters/evict-letter")
    String evictLetter(@RequestParam String group, @RequestParam String letter, RedirectAttributes flash) {
        try {
            commands.sendAndWait(new EvictDeadLetter(group, letter));
            flash.addFlashAttribute("notice", message("admin.evict.letter.done", letter));
        } catch (RuntimeException failure) {
            flash.addFlashAttribute("problem", refusal(failure));
        }
        return "redirect:/admin/dead-letters";
    }

    /**
     * A refusal as the admin reads it: a rule in the bundles' words ({@code rule.<code>}) or its own sentence, an
     * unknown name; anything else propagates to the error page.
     */
    private String refusal(RuntimeException failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof BusinessRuleViolation violation) {
                return messages.getMessage(
                        "rule." + violation.code(), null, violation.rule(), LocaleContextHolder.getLocale());
            }
            if (t instanceof NotFound) {
                return message("admin.not-found");
            }
        }
        throw failure;
    }

    private String message(String key, Object... arguments) {
        return messages.getMessage(key, arguments, key, LocaleContextHolder.getLocale());
    }
}
