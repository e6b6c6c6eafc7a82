package org.factorysharing.web.staff;

import jakarta.validation.Valid;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.factorysharing.api.factory.FactoryCommands.EndMachineMaintenance;
import org.factorysharing.api.factory.FactoryCommands.StartMachineMaintenance;
import org.factorysharing.api.factory.FactoryId;
import org.factorysharing.api.factory.FactoryQueries.FactoryView;
import org.factorysharing.api.factory.FactoryQueries.FindFactory;
import org.factorysharing.api.factory.MachineStatus;
import org.factorysharing.api.job.JobId;
import org.factorysharing.api.job.JobQueries.FindJob;
import org.factorysharing.api.job.JobQueries.JobView;
import org.factorysharing.api.shared.NotFound;
import org.factorysharing.api.task.TaskCommands.CompleteTask;
import org.factorysharing.api.task.TaskQueries.FindMyTasks;
import org.factorysharing.api.task.TaskQueries.FindTask;
import org.factorysharing.api.task.TaskQueries.FormFieldView;
import org.factorysharing.api.task.TaskQueries.TaskAssignment;
import org.factorysharing.api.task.TaskQueries.TaskDetailView;
import org.factorysharing.api.task.TaskQueries.TaskPage;
import org.factorysharing.api.task.TaskQueries.TaskView;
import org.factorysharing.web.factory.DomainRefusals;
import org.factorysharing.web.factory.ReadModels;
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
 * Factory staff on a phone: the open tasks of the factories they staff, each task on a page of its own, and their
 * machines into and out of maintenance. Tasks are completed through the task commands, as the task API does, so the
 * task rules decide who may (the factory's own staff; officers once a start or installation is overdue); machines
 * through the factory commands, which the Factory aggregate allows to its own staff, officers and admins.
 */
@Controller
@RequestMapping("/staff")
class StaffPageController {

    /** Open tasks shown per factory: a shift's work, not an archive. */
    static final int TASKS_PER_FACTORY = 50;

    static final String INSTALL = "user_install_machine";
    static final String RESOLVE = "user_resolve_findings";
    static final String START = "user_start_job";
    static final String OUTPUT = "user_record_output";
    static final String QUALITY = "user_quality_inspection";
    static final String RESCHEDULE = "user_reschedule_job";

    private final CommandGateway commands;
    private final QueryGateway queries;
    private final TaskRoutes routes;

    StaffPageController(CommandGateway commands, QueryGateway queries, TaskRoutes routes) {
        this.commands = commands;
        this.queries = queries;
        this.routes = routes;
    }

    /** One staffed factory and its open tasks for the user. */
    record StaffFactory(String factoryId, String name, List<TaskCard> tasks) {}

    /** A task as the staff list shows it: what to do, and what it is about (a machine, a product, findings). */
    record TaskCard(TaskView task, String subject) {}

    @GetMapping
    String home(Authentication authentication, Model model) {
        CurrentUser user = CurrentUser.of(authentication);
        List<StaffFactory> factories = new ArrayList<>();
        for (String factoryId : user.staffedFactories()) {
            String name = factory(factoryId).map(FactoryView::name).orElse(factoryId);
            factories.add(new StaffFactory(factoryId, name, cards(user, tasks(user, factoryId))));
        }
        model.addAttribute("factories", factories);
        if (factories.isEmpty()) {
            // officers (escalated work) and staff not yet named to a factory: the staff tasks offered to them
            model.addAttribute(
                    "otherTasks",
                    cards(
                            user,
                            tasks(user, null).stream()
                                    .filter(task -> StaffPages.TASKS.contains(task.taskKey()))
                                    .toList()));
        }
        return "staff/home";
    }

    // --- one task ---

    @GetMapping("/tasks/{taskId}")
    String task(@PathVariable String taskId, Authentication authentication, Model model) {
        if (!model.containsAttribute("taskForm")) {
            model.addAttribute("taskForm", new StaffTaskForm());
        }
        return taskPage(task(taskId, CurrentUser.of(authentication)), model);
    }

    @PostMapping("/tasks/{taskId}")
    String complete(
            @PathVariable String taskId,
            @RequestParam(required = false) String decision,
            @Valid @ModelAttribute("taskForm") StaffTaskForm form,
            BindingResult binding,
            Authentication authentication,
            Model model,
            RedirectAttributes redirect) {
        TaskDetailView task = task(taskId, CurrentUser.of(authentication));
        String key = task.task().taskKey();
        if (!StaffPages.TASKS.contains(key)) {
            return "redirect:" + routes.pathFor(key, taskId, task.task().businessKey());
        }
        Map<String, Object> variables = variables(key, decision, form, binding);
        if (binding.hasErrors()) {
            return taskPage(task, model);
        }
        try {
            commands.sendAndWait(new CompleteTask(taskId, variables));
        } catch (RuntimeException failure) {
            if (DomainRefusals.show(failure, binding, StaffPageController::formField)) {
                return taskPage(task, model);
            }
            throw failure;
        }
        redirect.addFlashAttribute("flash", "staff.flash.done");
        redirect.addFlashAttribute("doneTask", key);
        return "redirect:/staff";
    }

    /** The task's answer from the form, checked as the task rules will check it (they decide again). */
    private static Map<String, Object> variables(
            String key, String decision, StaffTaskForm form, BindingResult binding) {
        Map<String, Object> variables = new HashMap<>();
        switch (key) {
            case RESOLVE -> {
                if (blank(form.getResolutionNotes()) && !binding.hasFieldErrors("resolutionNotes")) {
                    binding.rejectValue("resolutionNotes", "staff.error.resolution");
                }
                variables.put("resolutionNotes", strip(form.getResolutionNotes()));
            }
            case OUTPUT -> {
                requireUnits(binding, "goodUnits", form.getGoodUnits());
                requireUnits(binding, "rejectedUnits", form.getRejectedUnits());
                if (!binding.hasErrors() && form.getGoodUnits() + (long) form.getRejectedUnits() == 0) {
                    binding.rejectValue("goodUnits", "staff.error.no-units");
                }
                variables.put("goodUnits", form.getGoodUnits());
                variables.put("rejectedUnits", form.getRejectedUnits());
            }
            case QUALITY -> {
                boolean passed = "pass".equals(decision);
                if (!passed && !"rework".equals(decision)) {
                    binding.reject("staff.error.decision");
                } else if (!passed && blank(form.getNotes()) && !binding.hasFieldErrors("notes")) {
                    binding.rejectValue("notes", "staff.error.rework-notes");
                }
                variables.put("passed", passed);
                if (!blank(form.getNotes())) {
                    variables.put("notes", strip(form.getNotes()));
                }
            }
            default -> {
                // installing, starting and rescheduling ask nothing but the confirmation
            }
        }
        return variables;
    }

    private static void requireUnits(BindingResult binding, String field, Integer units) {
        if (units == null && !binding.hasFieldErrors(field)) {
            binding.rejectValue(field, "staff.error.units");
        }
    }

    /** The task rules name the process variables; the form's fields carry the same names. */
    private static String formField(String variable) {
        return switch (variable) {
            case "resolutionNotes", "goodUnits", "rejectedUnits", "notes" -> variable;
            default -> null;
        };
    }

    private String taskPage(TaskDetailView detail, Model model) {
        TaskView task = detail.task();
        if (!StaffPages.TASKS.contains(task.taskKey())) {
            return "redirect:" + routes.pathFor(task.taskKey(), task.id(), task.businessKey());
        }
        Map<String, Object> values = new HashMap<>();
        for (FormFieldView field : detail.form()) {
            if (field.value() != null) {
                values.put(field.id(), field.value());
            }
        }
        Optional<JobView> job = Optional.empty();
        String factoryId = task.businessKey();
        if ("production_job".equals(task.processKey())) {
            job = queries.query(
                            new FindJob(new JobId(task.businessKey())), ResponseTypes.optionalInstanceOf(JobView.class))
                    .join();
            factoryId = job.map(JobView::factoryId).orElse(null);
        }
        model.addAttribute("task", task);
        model.addAttribute("values", values);
        model.addAttribute("job", job.orElse(null));
        model.addAttribute(
                "factory", factoryId == null ? null : factory(factoryId).orElse(null));
        return "staff/task";
    }

    /** Each task with its subject, from its form's values (the process model's descriptions are not translated). */
    private List<TaskCard> cards(CurrentUser user, List<TaskView> tasks) {
        List<TaskCard> cards = new ArrayList<>();
        for (TaskView task : tasks) {
            Map<String, Object> values = new HashMap<>();
            if (StaffPages.TASKS.contains(task.taskKey())) {
                task(task.id(), user).form().stream()
                        .filter(field -> field.value() != null)
                        .forEach(field -> values.put(field.id(), field.value()));
            }
            cards.add(new TaskCard(task, subject(task.taskKey(), values)));
        }
        return cards;
    }

    private static String subject(String key, Map<String, Object> values) {
        return switch (key) {
            case INSTALL -> values.get("machineId") + " (" + values.get("machineType") + ")";
            case RESOLVE -> String.valueOf(values.get("findings"));
            case START, OUTPUT, QUALITY ->
                String.valueOf(values.get("product"))
                        + (values.get("quantity") != null ? " \u00d7 " + values.get("quantity") : "");
            case RESCHEDULE -> String.valueOf(values.get("affectedMachineId"));
            default -> null;
        };
    }

    private TaskDetailView task(String taskId, CurrentUser user) {
        return queries.query(new FindTask(taskId, user.id(), user.groups()), TaskDetailView.class)
                .join();
    }

    private List<TaskView> tasks(CurrentUser user, String factoryId) {
        return queries.query(
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
                                TASKS_PER_FACTORY),
                        TaskPage.class)
                .join()
                .items();
    }

    // --- machines ---

    @GetMapping("/factories/{factoryId}")
    String machines(@PathVariable String factoryId, Authentication authentication, Model model) {
        if (!model.containsAttribute("maintenanceForm")) {
            model.addAttribute("maintenanceForm", new MaintenanceForm());
        }
        return machinesPage(factoryId, CurrentUser.of(authentication), model);
    }

    @PostMapping("/factories/{factoryId}/machines/{machineId}/maintenance")
    String startMaintenance(
            @PathVariable String factoryId,
            @PathVariable String machineId,
            @Valid @ModelAttribute("maintenanceForm") MaintenanceForm form,
            BindingResult binding,
            Authentication authentication,
            Model model,
            RedirectAttributes redirect) {
        CurrentUser user = CurrentUser.of(authentication);
        if (!binding.hasErrors()) {
            try {
                commands.sendAndWait(new StartMachineMaintenance(
                        new FactoryId(factoryId), machineId, form.getReason().strip(), user.id()));
            } catch (RuntimeException failure) {
                if (!DomainRefusals.show(failure, binding, field -> "reason".equals(field) ? field : null)) {
                    throw failure;
                }
            }
        }
        if (binding.hasErrors()) {
            model.addAttribute("maintenanceMachine", machineId);
            return machinesPage(factoryId, user, model);
        }
        awaitMachine(factoryId, machineId, MachineStatus.IN_MAINTENANCE);
        redirect.addFlashAttribute("flash", "staff.flash.maintenanceStarted");
        return "redirect:/staff/factories/" + factoryId;
    }

    @PostMapping("/factories/{factoryId}/machines/{machineId}/maintenance/end")
    String endMaintenance(
            @PathVariable String factoryId,
            @PathVariable String machineId,
            Authentication authentication,
            RedirectAttributes redirect) {
        commands.sendAndWait(new EndMachineMaintenance(new FactoryId(factoryId), machineId, authentication.getName()));
        awaitMachine(factoryId, machineId, MachineStatus.OPERATIONAL);
        redirect.addFlashAttribute("flash", "staff.flash.maintenanceEnded");
        return "redirect:/staff/factories/" + factoryId;
    }

    private void awaitMachine(String factoryId, String machineId, MachineStatus status) {
        ReadModels.await(
                () -> factory(factoryId),
                factory -> factory.machines().stream()
                        .anyMatch(m -> m.machineId().equals(machineId) && m.status() == status));
    }

    private String machinesPage(String factoryId, CurrentUser user, Model model) {
        FactoryView factory = factory(factoryId).orElseThrow(() -> new NotFound("factory " + factoryId));
        model.addAttribute("factory", factory);
        model.addAttribute("tasks", cards(user, tasks(user, factoryId)));
        return "staff/machines";
    }

    private Optional<FactoryView> factory(String factoryId) {
        return queries.query(
                        new FindFactory(new FactoryId(factoryId)), ResponseTypes.optionalInstanceOf(FactoryView.class))
                .join();
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }

    private static String strip(String text) {
        return text == null ? null : text.strip();
    }
}
