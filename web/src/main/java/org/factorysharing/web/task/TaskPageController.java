package org.factorysharing.web.task;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.queryhandling.QueryGateway;
import org.factorysharing.api.shared.Groups;
import org.factorysharing.api.task.TaskCommands.ClaimTask;
import org.factorysharing.api.task.TaskCommands.CompleteTask;
import org.factorysharing.api.task.TaskCommands.UnclaimTask;
import org.factorysharing.api.task.TaskQueries.FindMyTasks;
import org.factorysharing.api.task.TaskQueries.FindTask;
import org.factorysharing.api.task.TaskQueries.TaskDetailView;
import org.factorysharing.api.task.TaskQueries.TaskPage;
import org.factorysharing.api.task.TaskQueries.TaskView;
import org.factorysharing.web.security.CurrentUser;
import org.factorysharing.web.shared.Fmt;
import org.factorysharing.web.shared.TaskRoutes;
import org.springframework.http.HttpStatus;
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
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The task inbox and the general task page. The inbox lists the tasks the user can act on (theirs and their groups'
 * unclaimed ones), overdue first, with filters and paging; each task opens on its feature's page when one is
 * declared ({@link TaskRoutes}), else on the general page, which shows the process model's form. Claims and
 * completions are the same commands as the API's: the task rules decide, and a refusal is shown in the page with
 * the API's status (403, 409, 400).
 */
@Controller
@RequestMapping("/tasks")
class TaskPageController {

    /** Where a claim from the inbox may lead back to: the inbox with its filters, or a task page. */
    private static final Pattern BACK = Pattern.compile("/tasks(/[A-Za-z0-9_-]{1,64}|\\?[A-Za-z0-9_.~*%&=+-]*)?");

    private final CommandGateway commands;
    private final QueryGateway queries;
    private final TaskRoutes routes;
    private final TaskTexts texts;
    private final Fmt fmt;

    TaskPageController(CommandGateway commands, QueryGateway queries, TaskRoutes routes, TaskTexts texts, Fmt fmt) {
        this.commands = commands;
        this.queries = queries;
        this.routes = routes;
        this.texts = texts;
        this.fmt = fmt;
    }

    /** A task in a list: its name and process in the reader's words, whether it is overdue, where it opens. */
    public record TaskRow(
            TaskView task,
            String name,
            String process,
            String groups,
            boolean overdue,
            boolean mine,
            boolean free,
            String path) {}

    @GetMapping
    String inbox(@ModelAttribute("filter") InboxFilter filter, BindingResult binding, Authentication who, Model model) {
        CurrentUser user = CurrentUser.of(who);
        if (!filter.factoryIdAcceptable()) {
            binding.rejectValue("factoryId", "task.filter.factory.invalid");
        }
        int page = filter.pageValue();
        int size = filter.sizeValue();
        OverdueFirst.Part part = (overdue, p, s) -> tasks(user, filter, overdue, p, s);
        TaskPage tasks = binding.hasErrors()
                ? new TaskPage(List.of(), page, size, 0, 0)
                : filter.overdueValue() == null
                        ? OverdueFirst.page(part, page, size)
                        : part.page(filter.overdueValue(), page, size);
        Instant now = Instant.now();
        model.addAttribute("tasks", tasks);
        model.addAttribute(
                "rows", tasks.items().stream().map(t -> row(t, user, now)).toList());
        model.addAttribute("processes", TaskKinds.BY_PROCESS.keySet());
        model.addAttribute("taskKeys", TaskKinds.taskKeys());
        return "task/inbox";
    }

    @GetMapping("/{taskId}")
    ModelAndView task(@PathVariable String taskId, Authentication who) {
        CurrentUser user = CurrentUser.of(who);
        TaskDetailView detail = find(taskId, user);
        return page(detail, user, Map.of(), Map.of(), null, HttpStatus.OK);
    }

    @PostMapping("/{taskId}")
    ModelAndView complete(
            @PathVariable String taskId,
            @RequestParam Map<String, String> parameters,
            Authentication who,
            RedirectAttributes flash) {
        CurrentUser user = CurrentUser.of(who);
        TaskDetailView detail = find(taskId, user);
        TaskForm.Reading reading = new TaskForm(detail, texts).read(parameters);
        if (!reading.accepted()) {
            return page(detail, user, reading.entered(), reading.errors(), null, HttpStatus.BAD_REQUEST);
        }
        try {
            commands.sendAndWait(new CompleteTask(taskId, reading.variables()));
        } catch (RuntimeException failure) {
            Refusal refused = refusalOf(failure);
            Refusal refusal = refused;
            // a value the task rules refuse is named by its label, and marked next to its field
            var field = detail.form().stream()
                    .filter(f -> f.id().equals(refused.field()))
                    .findFirst();
            if (field.isPresent()) {
                String label = texts.field(
                        detail.task().taskKey(), field.get().id(), field.get().label());
                refusal = new Refusal(
                        refusal.status(),
                        texts.message("task.refused.invalid", label),
                        refusal.detail(),
                        refusal.field());
            }
            Map<String, String> errors = field.isPresent()
                    ? Map.of(refusal.field(), refusal.text() + " (" + refusal.detail() + ")")
                    : Map.of();
            return page(detail, user, reading.entered(), errors, refusal, refusal.status());
        }
        flash.addFlashAttribute(
                "notice",
                texts.message(
                        "task.completed",
                        texts.name(detail.task().taskKey(), detail.task().name())));
        return new ModelAndView("redirect:/tasks");
    }

    @PostMapping("/{taskId}/claim")
    ModelAndView claim(
            @PathVariable String taskId,
            @RequestParam(required = false) String back,
            Authentication who,
            RedirectAttributes flash) {
        return change(taskId, new ClaimTask(taskId), "task.claimed", back, who, flash);
    }

    @PostMapping("/{taskId}/unclaim")
    ModelAndView unclaim(
            @PathVariable String taskId,
            @RequestParam(required = false) String back,
            Authentication who,
            RedirectAttributes flash) {
        return change(taskId, new UnclaimTask(taskId), "task.unclaimed", back, who, flash);
    }

    private ModelAndView change(
            String taskId, Object command, String done, String back, Authentication who, RedirectAttributes flash) {
        CurrentUser user = CurrentUser.of(who);
        try {
            commands.sendAndWait(command);
        } catch (RuntimeException failure) {
            Refusal refusal = refusalOf(failure);
            return page(find(taskId, user), user, Map.of(), Map.of(), refusal, refusal.status());
        }
        flash.addFlashAttribute("notice", texts.message(done));
        return new ModelAndView(
                "redirect:" + (back != null && BACK.matcher(back).matches() ? back : "/tasks"));
    }

    private Refusal refusalOf(RuntimeException failure) {
        Refusal refusal = Refusal.of(failure, texts);
        if (refusal == null) {
            throw failure;
        }
        return refusal;
    }

    private ModelAndView page(
            TaskDetailView detail,
            CurrentUser user,
            Map<String, String> entered,
            Map<String, String> errors,
            Refusal refusal,
            HttpStatus status) {
        TaskView task = detail.task();
        ModelAndView page = new ModelAndView("task/task");
        page.setStatus(status);
        page.addObject("row", row(task, user, Instant.now()));
        page.addObject("fields", new TaskForm(detail, texts).fields(entered, errors, fmt));
        page.addObject("editable", detail.form().stream().anyMatch(f -> !f.readonly()));
        page.addObject("mayWork", mayWork(task, user));
        // the task rules let admins give back anyone's claim (a colleague away, a task stuck with them)
        page.addObject(
                "mayRelease",
                task.assignee() != null && (task.assignee().equals(user.id()) || user.isIn(Groups.ADMINS)));
        page.addObject("featurePage", routes.pathFor(task.taskKey(), task.id(), task.businessKey()));
        page.addObject("refusal", refusal);
        return page;
    }

    private TaskRow row(TaskView task, CurrentUser user, Instant now) {
        return new TaskRow(
                task,
                texts.name(task.taskKey(), task.name()),
                texts.process(task.processKey()),
                texts.groups(task.candidateGroups()),
                task.due() != null && task.due().isBefore(now),
                user.id().equals(task.assignee()),
                task.assignee() == null,
                routes.pathFor(task.taskKey(), task.id(), task.businessKey()));
    }

    /**
     * Whether the form is offered: the user holds the task or is in one of its groups (a task offered to single users
     * only is offered too). The task rules decide again; this only spares readers such as auditors a form they
     * cannot send.
     */
    private static boolean mayWork(TaskView task, CurrentUser user) {
        if (task.assignee() != null) {
            return task.assignee().equals(user.id());
        }
        return task.candidateGroups().isEmpty()
                || task.candidateGroups().stream().anyMatch(user.groups()::contains);
    }

    private TaskDetailView find(String taskId, CurrentUser user) {
        return queries.query(new FindTask(taskId, user.id(), user.groups()), TaskDetailView.class)
                .join();
    }

    private TaskPage tasks(CurrentUser user, InboxFilter filter, Boolean overdue, int page, int size) {
        return queries.query(
                        new FindMyTasks(
                                user.id(),
                                user.groups(),
                                filter.taskKeyValue(),
                                filter.processKeyValue(),
                                filter.factoryIdValue(),
                                null,
                                overdue,
                                filter.assignmentValue(),
                                null,
                                null,
                                page,
                                size),
                        TaskPage.class)
                .join();
    }
}
