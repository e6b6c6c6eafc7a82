package org.factorysharing.workflows.task;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.axonframework.queryhandling.QueryHandler;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskAlreadyClaimedException;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.form.FormField;
import org.camunda.bpm.engine.form.TaskFormData;
import org.camunda.bpm.engine.impl.form.type.EnumFormType;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.task.TaskQuery;
import org.factorysharing.api.shared.ActorMetaData;
import org.factorysharing.api.shared.BusinessRuleViolation;
import org.factorysharing.api.shared.ConcurrentChange;
import org.factorysharing.api.shared.Groups;
import org.factorysharing.api.shared.InvalidField;
import org.factorysharing.api.shared.NotFound;
import org.factorysharing.api.shared.NotPermitted;
import org.factorysharing.api.shared.TextRules;
import org.factorysharing.api.task.TaskCommands.ClaimTask;
import org.factorysharing.api.task.TaskCommands.CompleteTask;
import org.factorysharing.api.task.TaskCommands.UnclaimTask;
import org.factorysharing.api.task.TaskQueries.FindMyTasks;
import org.factorysharing.api.task.TaskQueries.FindTask;
import org.factorysharing.api.task.TaskQueries.FindTasksAbout;
import org.factorysharing.api.task.TaskQueries.FormFieldView;
import org.factorysharing.api.task.TaskQueries.TaskAssignment;
import org.factorysharing.api.task.TaskQueries.TaskDetailView;
import org.factorysharing.api.task.TaskQueries.TaskPage;
import org.factorysharing.api.task.TaskQueries.TaskSort;
import org.factorysharing.api.task.TaskQueries.TaskView;
import org.factorysharing.workflows.factory.FactoryCommissioningProcess;
import org.factorysharing.workflows.job.ProductionJobProcess;
import org.factorysharing.workflows.shared.TaskActor;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The task rules: who sees, claims and completes which workflow task, and what a completion must carry. Answers the
 * task queries and commands (the acting user of a command comes with its metadata); the process listeners check
 * again whoever completes a task through Tasklist or engine REST.
 */
@Service
public class WorkflowTasks {

    /** The largest page of tasks. */
    public static final int MAX_PAGE_SIZE = 200;

    /** The processes whose instances are about one factory and carry its id as the variable factoryId. */
    private static final String[] FACTORY_PROCESSES = {FactoryCommissioningProcess.KEY, ProductionJobProcess.KEY};

    private final TaskService taskService;
    private final FormService formService;
    private final IdentityService identityService;
    private final RepositoryService repositoryService;
    private final RuntimeService runtimeService;
    private final JdbcTemplate jdbc;

    WorkflowTasks(
            TaskService taskService,
            FormService formService,
            IdentityService identityService,
            RepositoryService repositoryService,
            RuntimeService runtimeService,
            JdbcTemplate jdbc) {
        this.runtimeService = runtimeService;
        this.jdbc = jdbc;
        this.taskService = taskService;
        this.formService = formService;
        this.identityService = identityService;
        this.repositoryService = repositoryService;
    }

    @QueryHandler
    TaskPage mine(FindMyTasks query) {
        return openTasksOf(query);
    }

    @QueryHandler
    TaskDetailView one(FindTask query) {
        return detail(query.taskId(), new TaskActor(query.userId(), query.groups()));
    }

    @QueryHandler
    List<TaskView> about(FindTasksAbout query) {
        return openTasksAbout(query.businessKey());
    }

    @CommandHandler
    void handle(
            ClaimTask command,
            @MetaDataValue(ActorMetaData.USER_ID) String userId,
            @MetaDataValue(ActorMetaData.GROUPS) List<String> groups) {
        engineConflicts(() -> claim(command.taskId(), actor(userId, groups)));
    }

    @CommandHandler
    void handle(
            UnclaimTask command,
            @MetaDataValue(ActorMetaData.USER_ID) String userId,
            @MetaDataValue(ActorMetaData.GROUPS) List<String> groups) {
        engineConflicts(() -> unclaim(command.taskId(), actor(userId, groups)));
    }

    @CommandHandler
    void handle(
            CompleteTask command,
            @MetaDataValue(ActorMetaData.USER_ID) String userId,
            @MetaDataValue(ActorMetaData.GROUPS) List<String> groups) {
        engineConflicts(() -> complete(command.taskId(), command.variables(), actor(userId, groups)));
    }

    /** The signed-in user who sent a task command; the system never works on tasks. */
    public static TaskActor actor(String userId, List<String> groups) {
        if (userId == null) {
            throw new NotPermitted("workflow tasks are completed by signed-in users");
        }
        return new TaskActor(userId, groups == null ? List.of() : List.copyOf(groups));
    }

    /** The engine's refusals of a concurrent change, in the words of the API. */
    public static void engineConflicts(Runnable change) {
        try {
            change.run();
        } catch (OptimisticLockingException | TaskAlreadyClaimedException e) {
            throw new ConcurrentChange("someone else changed this task at the same moment; reload and try again");
        }
    }

    /**
     * One page of the user's open tasks, counted and paged by the engine's query (nothing is loaded beyond the
     * page). Candidate queries match unclaimed tasks only, so "offered to me" never shows another user's claim.
     */
    @Transactional(readOnly = true)
    TaskPage openTasksOf(FindMyTasks filter) {
        if (filter.page() < 0) {
            throw new InvalidField("page", "must be 0 or more");
        }
        if (filter.size() < 1 || filter.size() > MAX_PAGE_SIZE) {
            throw new InvalidField("size", "must be between 1 and " + MAX_PAGE_SIZE);
        }
        TaskActor user = new TaskActor(filter.userId(), filter.groups() == null ? List.of() : filter.groups());
        TaskQuery query = taskService.createTaskQuery().active();
        TaskAssignment assignment = filter.assignment() == null ? TaskAssignment.ANY : filter.assignment();
        switch (assignment) {
            case MINE -> query.taskAssignee(user.user());
            case UNASSIGNED -> offeredTo(query.or(), user).endOr();
            case ANY -> offeredTo(query.or().taskAssignee(user.user()), user).endOr();
        }
        if (filter.taskKey() != null) {
            query.taskDefinitionKey(filter.taskKey());
        }
        if (filter.processKey() != null) {
            query.processDefinitionKey(filter.processKey());
        }
        if (filter.businessKey() != null) {
            query.processInstanceBusinessKey(filter.businessKey());
        }
        if (filter.factoryId() != null) {
            // the processes whose instances carry the factory (a wave's rollout holds many, task by task)
            query.processDefinitionKeyIn(FACTORY_PROCESSES)
                    .processVariableValueEquals(FactoryCommissioningProcess.FACTORY_ID, filter.factoryId());
        }
        if (filter.overdue() != null) {
            Date now = ClockUtil.getCurrentTime();
            if (filter.overdue()) {
                query.dueBefore(now);
            } else {
                query.or().dueAfter(now).withoutDueDate().endOr();
            }
        }
        sort(query, filter.sort(), filter.descending());
        long total = query.count();
        int size = filter.size();
        long first = (long) filter.page() * size;
        List<Task> tasks = first >= total ? List.of() : query.listPage((int) first, size);
        return new TaskPage(views(tasks), filter.page(), size, total, (int) ((total + size - 1) / size));
    }

    private static TaskQuery offeredTo(TaskQuery or, TaskActor user) {
        if (!user.groups().isEmpty()) {
            or.taskCandidateGroupIn(user.groups());
        }
        return or.taskCandidateUser(user.user());
    }

    /** The chosen column first, then the most urgent, then the task id so that pages never overlap. */
    private static void sort(TaskQuery query, TaskSort sort, Boolean descending) {
        if (sort == null) {
            query.orderByTaskPriority()
                    .desc()
                    .orderByDueDate()
                    .asc()
                    .orderByTaskCreateTime()
                    .asc();
        } else {
            switch (sort) {
                case DUE ->
                    direction(query.orderByDueDate(), descending, false)
                            .orderByTaskPriority()
                            .desc()
                            .orderByTaskCreateTime()
                            .asc();
                case PRIORITY ->
                    direction(query.orderByTaskPriority(), descending, true)
                            .orderByDueDate()
                            .asc()
                            .orderByTaskCreateTime()
                            .asc();
                case CREATED ->
                    direction(query.orderByTaskCreateTime(), descending, false)
                            .orderByTaskPriority()
                            .desc();
            }
        }
        query.orderByTaskId().asc();
    }

    private static TaskQuery direction(TaskQuery query, Boolean descending, boolean descendingByDefault) {
        return (descending == null ? descendingByDefault : descending) ? query.desc() : query.asc();
    }

    /** Open tasks of every process about one business object (a wave's rollout and its approvals), oldest first. */
    @Transactional(readOnly = true)
    public List<TaskView> openTasksAbout(String businessKey) {
        return views(taskService
                .createTaskQuery()
                .active()
                .processInstanceBusinessKey(businessKey)
                .orderByTaskCreateTime()
                .asc()
                .list());
    }

    @Transactional(readOnly = true)
    TaskDetailView detail(String taskId, TaskActor user) {
        Task task = find(taskId);
        if (!mayWorkOn(task, user) && !mayRead(user)) {
            throw new NotPermitted("task " + taskId + " is not yours or your groups'");
        }
        return new TaskDetailView(views(List.of(task)).get(0), form(taskId));
    }

    @Transactional
    void claim(String taskId, TaskActor user) {
        Task task = workable(taskId, user);
        if (task.getAssignee() != null && !task.getAssignee().equals(user.user())) {
            throw new BusinessRuleViolation("task.claimed", "the task is claimed by " + task.getAssignee());
        }
        if (task.getAssignee() == null) {
            taskService.claim(taskId, user.user()); // refuses if another user claimed it meanwhile
        }
    }

    @Transactional
    void unclaim(String taskId, TaskActor user) {
        Task task = user.isIn(Groups.ADMINS) ? find(taskId) : workable(taskId, user);
        if (task.getAssignee() != null && !task.getAssignee().equals(user.user()) && !user.isIn(Groups.ADMINS)) {
            throw new NotPermitted("only the assignee can give the task back");
        }
        taskService.setAssignee(taskId, null);
    }

    /** Claim (when free) and completion commit together with everything the process does next. */
    @Transactional
    public void complete(String taskId, Map<String, Object> variables, TaskActor user) {
        Task task = workable(taskId, user);
        if (task.getAssignee() != null && !task.getAssignee().equals(user.user())) {
            throw new BusinessRuleViolation("task.claimed", "the task is claimed by " + task.getAssignee());
        }
        Map<String, Object> values = validated(taskId, variables == null ? Map.of() : variables);
        if (task.getAssignee() == null) {
            taskService.claim(taskId, user.user());
        }
        // the process listeners see who acts, as they do when Tasklist completes the task
        identityService.setAuthentication(user.user(), user.groups());
        try {
            formService.submitTaskForm(taskId, values);
        } finally {
            identityService.clearAuthentication();
        }
    }

    private Task workable(String taskId, TaskActor user) {
        Task task = find(taskId);
        if (!mayWorkOn(task, user)) {
            throw new NotPermitted("task " + taskId + " is not yours or your groups'");
        }
        return task;
    }

    private Task find(String taskId) {
        Task task = taskService.createTaskQuery().taskId(taskId).singleResult();
        if (task == null) {
            throw new NotFound("task " + taskId);
        }
        return task;
    }

    private boolean mayWorkOn(Task task, TaskActor user) {
        if (user.user().equals(task.getAssignee())) {
            return true;
        }
        for (IdentityLink link : taskService.getIdentityLinksForTask(task.getId())) {
            if (IdentityLinkType.CANDIDATE.equals(link.getType())
                    && (user.user().equals(link.getUserId()) || user.groups().contains(link.getGroupId()))) {
                return true;
            }
        }
        return false;
    }

    private static boolean mayRead(TaskActor user) {
        return user.isIn(Groups.AUDITORS)
                || user.isIn(Groups.ADMINS)
                || user.isIn(Groups.OFFICERS)
                || user.isIn(Groups.SUPERVISORS);
    }

    /** Only the task's own form fields are accepted, typed and not read-only; required ones must be there. */
    private Map<String, Object> validated(String taskId, Map<String, Object> submitted) {
        TaskFormData form = formService.getTaskFormData(taskId);
        Map<String, FormField> fields = new HashMap<>();
        form.getFormFields().forEach(field -> fields.put(field.getId(), field));
        Map<String, Object> values = new HashMap<>();
        for (Map.Entry<String, Object> entry : submitted.entrySet()) {
            FormField field = fields.get(entry.getKey());
            if (field == null) {
                throw new InvalidField(entry.getKey(), "is not a field of this task; fields are " + fields.keySet());
            }
            if (isReadonly(field)) {
                throw new InvalidField(entry.getKey(), "is read-only");
            }
            values.put(entry.getKey(), typed(field, entry.getValue()));
        }
        for (FormField field : fields.values()) {
            if (isRequired(field) && values.get(field.getId()) == null) {
                throw new InvalidField(field.getId(), "is required");
            }
        }
        return values;
    }

    private static Object typed(FormField field, Object value) {
        if (value == null) {
            return null;
        }
        String type = field.getType().getName();
        return switch (type) {
            case "boolean" -> {
                if (value instanceof Boolean b) {
                    yield b;
                }
                throw new InvalidField(field.getId(), "must be true or false");
            }
            case "long" -> {
                if (value instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue())) {
                    yield n.longValue();
                }
                throw new InvalidField(field.getId(), "must be a whole number");
            }
            case "string" -> {
                if (!(value instanceof String s)) {
                    throw new InvalidField(field.getId(), "must be text");
                }
                if (!s.matches(TextRules.PLAIN)) {
                    throw new InvalidField(field.getId(), "must not contain control characters");
                }
                Integer max = maxLength(field);
                if (max != null && s.length() > max) {
                    throw new InvalidField(field.getId(), "must be at most " + max + " characters");
                }
                yield s;
            }
            case "enum" -> {
                Object allowed = field.getType().getInformation("values");
                if (value instanceof String s && allowed instanceof Map<?, ?> options && options.containsKey(s)) {
                    yield s;
                }
                throw new InvalidField(
                        field.getId(), "must be one of " + (allowed instanceof Map<?, ?> m ? m.keySet() : "[]"));
            }
            default -> value;
        };
    }

    private static boolean isReadonly(FormField field) {
        return field.getValidationConstraints().stream().anyMatch(c -> "readonly".equals(c.getName()));
    }

    private static boolean isRequired(FormField field) {
        return field.getValidationConstraints().stream().anyMatch(c -> "required".equals(c.getName()));
    }

    private static Integer maxLength(FormField field) {
        return field.getValidationConstraints().stream()
                .filter(c -> "maxlength".equals(c.getName()) && c.getConfiguration() != null)
                .map(c -> Integer.valueOf(c.getConfiguration().toString()))
                .findFirst()
                .orElse(null);
    }

    private List<FormFieldView> form(String taskId) {
        List<FormFieldView> result = new ArrayList<>();
        for (FormField field : formService.getTaskFormData(taskId).getFormFields()) {
            Object value = field.getValue() == null ? null : field.getValue().getValue();
            @SuppressWarnings("unchecked")
            Map<String, String> options = field.getType() instanceof EnumFormType
                    ? (Map<String, String>) field.getType().getInformation("values")
                    : null;
            result.add(new FormFieldView(
                    field.getId(),
                    field.getLabel(),
                    field.getTypeName(),
                    isRequired(field),
                    isReadonly(field),
                    value,
                    options));
        }
        return result;
    }

    /**
     * The views of a page of tasks: their business keys and their candidate groups each read in one statement for
     * the page, each process definition's key looked up once.
     */
    private List<TaskView> views(List<Task> tasks) {
        Set<String> instances = tasks.stream()
                .map(Task::getProcessInstanceId)
                .filter(Objects::nonNull)
                .collect(Collectors.toSet());
        Map<String, String> businessKeys = new HashMap<>();
        if (!instances.isEmpty()) {
            runtimeService
                    .createProcessInstanceQuery()
                    .processInstanceIds(instances)
                    .list()
                    .forEach(instance -> businessKeys.put(instance.getId(), instance.getBusinessKey()));
        }
        Map<String, List<String>> groups = candidateGroups(tasks);
        Map<String, String> processKeys = new HashMap<>();
        return tasks.stream()
                .map(task -> new TaskView(
                        task.getId(),
                        task.getName(),
                        task.getTaskDefinitionKey(),
                        task.getProcessDefinitionId() == null
                                ? null
                                : processKeys.computeIfAbsent(task.getProcessDefinitionId(), this::processKey),
                        task.getProcessInstanceId(),
                        businessKeys.get(task.getProcessInstanceId()),
                        task.getAssignee(),
                        groups.getOrDefault(task.getId(), List.of()),
                        task.getPriority(),
                        instant(task.getCreateTime()),
                        instant(task.getDueDate()),
                        task.getDescription()))
                .toList();
    }

    /**
     * The candidate groups of each task, sorted: one statement on the engine's identity links for the whole page,
     * where the engine's API reads them task by task (an engine command and a query each). The same rows {@code
     * TaskService.getIdentityLinksForTask} returns, read without the engine's authorization checks, which the task
     * API does not use (its own rules decide who sees a task).
     */
    private Map<String, List<String>> candidateGroups(List<Task> tasks) {
        Map<String, List<String>> groups = new HashMap<>();
        if (tasks.isEmpty()) {
            return groups;
        }
        String[] ids = tasks.stream().map(Task::getId).toArray(String[]::new);
        jdbc.query(
                """
                SELECT task_id_, group_id_ FROM act_ru_identitylink
                WHERE task_id_ = ANY (?) AND type_ = ? AND group_id_ IS NOT NULL""",
                statement -> {
                    statement.setArray(1, statement.getConnection().createArrayOf("varchar", ids));
                    statement.setString(2, IdentityLinkType.CANDIDATE);
                },
                row -> {
                    groups.computeIfAbsent(row.getString(1), id -> new ArrayList<>())
                            .add(row.getString(2));
                });
        // sorted here, not by the database's collation: the order the views always had
        groups.replaceAll((task, names) -> names.stream().sorted().toList());
        return groups;
    }

    private String processKey(String processDefinitionId) {
        ProcessDefinition definition = repositoryService.getProcessDefinition(processDefinitionId);
        return definition == null ? null : definition.getKey();
    }

    private static Instant instant(Date date) {
        return date == null ? null : date.toInstant();
    }
}
