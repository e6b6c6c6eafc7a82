package org.factorysharing.web.factory;

import jakarta.validation.Valid;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.factorysharing.api.factory.FactoryId;
import org.factorysharing.api.factory.FactoryQueries.FactoryView;
import org.factorysharing.api.factory.FactoryQueries.FindFactory;
import org.factorysharing.api.task.TaskCommands.CompleteTask;
import org.factorysharing.api.task.TaskQueries.FindTask;
import org.factorysharing.api.task.TaskQueries.FormFieldView;
import org.factorysharing.api.task.TaskQueries.TaskDetailView;
import org.factorysharing.web.security.CurrentUser;
import org.factorysharing.web.shared.TaskRoutes;
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
 * The officers' commissioning tasks, each on a page that also fits a phone (inspectors are on site): the safety and
 * quality inspection, and the sign-off. Completed through the task commands, as the task API does; the task rules
 * decide who may, and refuse the inspector's own sign-off (four-eyes), which the page says before anyone tries.
 */
@Controller
@RequestMapping("/factories/tasks")
class FactoryTaskPageController {

    private final CommandGateway commands;
    private final QueryGateway queries;
    private final TaskRoutes routes;

    FactoryTaskPageController(CommandGateway commands, QueryGateway queries, TaskRoutes routes) {
        this.commands = commands;
        this.queries = queries;
        this.routes = routes;
    }

    @GetMapping("/{taskId}")
    String task(@PathVariable String taskId, Authentication authentication, Model model) {
        if (!model.containsAttribute("taskForm")) {
            model.addAttribute("taskForm", new FactoryTaskForm());
        }
        return page(taskId, CurrentUser.of(authentication), model);
    }

    @PostMapping("/{taskId}")
    String complete(
            @PathVariable String taskId,
            @RequestParam(required = false) String decision,
            @Valid @ModelAttribute("taskForm") FactoryTaskForm form,
            BindingResult binding,
            Authentication authentication,
            Model model,
            RedirectAttributes redirect) {
        CurrentUser user = CurrentUser.of(authentication);
        TaskDetailView task = task(taskId, user);
        String key = task.task().taskKey();
        Map<String, Object> variables = new HashMap<>();
        if (FactoryPages.INSPECTION_TASK.equals(key)) {
            boolean passed = "pass".equals(decision);
            if (!passed && !"fail".equals(decision)) {
                binding.reject("factory.error.decision");
            } else if (!passed && blank(form.getFindings()) && !binding.hasFieldErrors("findings")) {
                binding.rejectValue("findings", "factory.error.findings");
            }
            variables.put("passed", passed);
            if (!blank(form.getFindings())) {
                variables.put("findings", form.getFindings().strip());
            }
        } else if (FactoryPages.SIGN_OFF_TASK.equals(key)) {
            boolean approved = "approve".equals(decision);
            if (!approved && !"refuse".equals(decision)) {
                binding.reject("factory.error.decision");
            } else if (!approved && blank(form.getSignOffReason()) && !binding.hasFieldErrors("signOffReason")) {
                binding.rejectValue("signOffReason", "factory.error.sign-off-reason");
            }
            variables.put("approved", approved);
            if (!blank(form.getSignOffReason())) {
                variables.put("signOffReason", form.getSignOffReason().strip());
            }
        } else {
            return "redirect:" + routes.pathFor(key, taskId, task.task().businessKey());
        }
        if (binding.hasErrors()) {
            return page(taskId, user, model);
        }
        try {
            commands.sendAndWait(new CompleteTask(taskId, variables));
        } catch (RuntimeException failure) {
            if (DomainRefusals.show(
                    failure,
                    binding,
                    field -> "findings".equals(field) || "signOffReason".equals(field) ? field : null)) {
                return page(taskId, user, model);
            }
            throw failure;
        }
        redirect.addFlashAttribute("flash", "factory.flash.taskDone");
        redirect.addFlashAttribute("justChanged", task.task().businessKey());
        return "redirect:/factories/" + task.task().businessKey();
    }

    private String page(String taskId, CurrentUser user, Model model) {
        TaskDetailView task = task(taskId, user);
        String key = task.task().taskKey();
        if (!FactoryPages.INSPECTION_TASK.equals(key) && !FactoryPages.SIGN_OFF_TASK.equals(key)) {
            return "redirect:" + routes.pathFor(key, taskId, task.task().businessKey());
        }
        Map<String, Object> values = new HashMap<>();
        for (FormFieldView field : task.form()) {
            if (field.value() != null) {
                values.put(field.id(), field.value());
            }
        }
        model.addAttribute("task", task.task());
        model.addAttribute("values", values);
        model.addAttribute("inspection", FactoryPages.INSPECTION_TASK.equals(key));
        // four-eyes: the task rules refuse the inspector's own sign-off; say so before they try
        model.addAttribute(
                "ownInspection",
                FactoryPages.SIGN_OFF_TASK.equals(key) && Objects.equals(values.get("inspectedBy"), user.id()));
        model.addAttribute(
                "factory",
                queries.query(
                                new FindFactory(new FactoryId(task.task().businessKey())),
                                ResponseTypes.optionalInstanceOf(FactoryView.class))
                        .join()
                        .orElse(null));
        return "factory/task";
    }

    private TaskDetailView task(String taskId, CurrentUser user) {
        return queries.query(new FindTask(taskId, user.id(), user.groups()), TaskDetailView.class)
                .join();
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }
}
