package org.factorysharing.systemtests.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.factorysharing.systemtests.HttpWalk.PATIENCE;
import static org.factorysharing.systemtests.Problems.assertProblem;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.factorysharing.api.factory.FactoryCommands.ProposeFactory;
import org.factorysharing.api.factory.FactoryCommands.StartMachineMaintenance;
import org.factorysharing.api.factory.FactoryId;
import org.factorysharing.api.factory.MachinePlan;
import org.factorysharing.api.member.MemberCommands.GrantQualification;
import org.factorysharing.api.member.MemberCommands.VerifyMember;
import org.factorysharing.api.member.MemberId;
import org.factorysharing.api.shared.Groups;
import org.factorysharing.systemtests.Http;
import org.factorysharing.systemtests.Http.Reply;
import org.factorysharing.systemtests.ServerTest;
import org.factorysharing.systemtests.programme.Waves;
import org.factorysharing.testing.EventStoreProbe;
import org.factorysharing.testing.TestData;
import org.factorysharing.workflows.factory.FactoryCommissioningProcess;
import org.factorysharing.workflows.job.ProductionJobProcess;
import org.factorysharing.workflows.member.MemberOnboardingProcess;
import org.factorysharing.workflows.programme.ScaleUpApprovalProcess;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;

/**
 * The workflow-task half of docs/role-matrix.md, cell by cell over real HTTP: for every kind of task (and its
 * overdue form, where overdue widens who may act), each demo user completes it through {@code POST
 * /api/tasks/{id}/complete} with valid input. Allowed users complete it (204), each on a fresh task of its own;
 * refused users share one task and get 403 problem+json, the task stays open and unclaimed, and no event is
 * written. The tasks that come before are done by helper users outside the matrix (an inspector, a proposer, an
 * earlier stage's approver), so every cell checks the group rule alone, never four-eyes.
 */
@ServerTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TaskRoleMatrixIT {

    /** The staff of another factory: a login made for this test, named here by its role. */
    private static final String OTHER_STAFF = "staff of another factory";
    /** The demo users, one per group; "staff" is on the staff of each task's factory. */
    private static final List<String> USERS = List.of(
            "officer",
            "officer2",
            "supervisor",
            "planner",
            "executive",
            "auditor",
            "staff",
            OTHER_STAFF,
            "member",
            "admin");

    private static final Set<String> OFFICERS = Set.of("officer", "officer2");
    private static final Set<String> OFFICERS_AND_SUPERVISORS = Set.of("officer", "officer2", "supervisor");
    private static final Set<String> STAFF = Set.of("staff");
    private static final Set<String> STAFF_AND_OFFICERS = Set.of("staff", "officer", "officer2");
    private static final String APPROVE = "{\"decision\":\"APPROVE\",\"comment\":\"matrix\"}";

    @Value("${local.server.port}")
    int port;

    @Autowired
    CommandGateway commands;

    @Autowired
    EventStoreProbe events;

    @Autowired
    IdentityService identity;

    @Autowired
    TaskService taskService;

    @Autowired
    RuntimeService runtime;

    @Autowired
    ManagementService management;

    /** The task refused users try, one per row, made when the row's first refused cell runs. */
    private final Map<String, OpenTask> sharedTasks = new HashMap<>();

    private String otherStaff;
    /** Helpers for the steps before a task: they are in the right groups and never in the matrix. */
    private String inspector;

    private String proposer;
    private String regionalReviewer;
    private String planningReviewer;
    private String memberId;
    private String jobFactoryId;

    @BeforeAll
    void helpersAMemberAndAFactoryForJobs() {
        inspector = newUser("inspector", Groups.OFFICERS);
        proposer = newUser("proposer", Groups.OFFICERS);
        regionalReviewer = newUser("reviewer", Groups.OFFICERS);
        planningReviewer = newUser("plan-reviewer", Groups.PLANNERS);
        otherStaff = newUser("crew", null);
        addStaff(TestData.commissionedFactory(commands).value(), otherStaff);

        MemberId member = MemberId.newId();
        commands.sendAndWait(TestData.registerMember(member, TestData.nib()));
        commands.sendAndWait(new VerifyMember(member, "officer"));
        commands.sendAndWait(new GrantQualification(
                member, "COCONUT_OIL_PRESS", TestData.today().plusYears(1), "officer"));
        memberId = member.value();
        jobFactoryId = TestData.commissionedFactory(commands).value();
        addStaff(jobFactoryId, "staff");
    }

    /** One row of the matrix: a kind of task, valid input for it, who may complete it, how to make one. */
    record Row(String name, String variables, Set<String> allowed, Supplier<OpenTask> make) {
        @Override
        public String toString() {
            return name;
        }
    }

    /** An open task and the aggregates its completion would write to. */
    record OpenTask(String taskId, List<String> aggregates) {}

    List<Row> matrix() {
        return List.of(
                new Row("user_verify_documents", "{\"approved\":true}", OFFICERS, () -> verifyDocuments(false)),
                new Row(
                        "user_verify_documents (overdue)",
                        "{\"approved\":true}",
                        OFFICERS_AND_SUPERVISORS,
                        () -> verifyDocuments(true)),
                new Row("user_install_machine", "{}", STAFF, () -> installMachine(false)),
                new Row("user_install_machine (overdue)", "{}", STAFF_AND_OFFICERS, () -> installMachine(true)),
                new Row("user_inspect_factory", "{\"passed\":true}", OFFICERS, this::inspectFactory),
                new Row(
                        "user_resolve_findings",
                        "{\"resolutionNotes\":\"guard rail fitted\"}",
                        STAFF,
                        () -> afterInspection(false)),
                new Row("user_commissioning_signoff", "{\"approved\":true}", OFFICERS, () -> afterInspection(true)),
                new Row("user_start_job", "{}", STAFF, () -> startJob(false)),
                new Row("user_start_job (overdue)", "{}", STAFF_AND_OFFICERS, () -> startJob(true)),
                new Row("user_record_output", "{\"goodUnits\":10,\"rejectedUnits\":0}", STAFF, this::recordOutput),
                new Row("user_quality_inspection", "{\"passed\":true}", STAFF, this::qualityInspection),
                new Row("user_reschedule_job", "{}", STAFF, this::rescheduleJob),
                new Row(
                        "user_propose_outcome",
                        "{\"outcome\":\"EXTEND_PILOT\",\"extensionMonths\":3}",
                        OFFICERS,
                        this::proposeOutcome),
                new Row("user_regional_review", APPROVE, OFFICERS, () -> regionalReview(false)),
                new Row(
                        "user_regional_review (overdue)",
                        APPROVE,
                        OFFICERS_AND_SUPERVISORS,
                        () -> regionalReview(true)),
                new Row("user_planning_review", APPROVE, Set.of("planner"), this::planningReview),
                new Row("user_final_approval", APPROVE, Set.of("executive"), this::finalApproval));
    }

    Stream<Arguments> cells() {
        List<Arguments> cells = new ArrayList<>();
        for (Row row : matrix()) {
            for (String user : USERS) {
                cells.add(Arguments.of(row, user, row.allowed().contains(user)));
            }
        }
        return cells.stream();
    }

    @ParameterizedTest(name = "{0} as {1}: allowed={2}")
    @MethodSource("cells")
    void eachRoleCompletesExactlyTheTasksTheMatrixGivesIt(Row row, String user, boolean allowed) {
        // completing consumes a task: each allowed cell gets its own, refused ones try the same one
        OpenTask task = allowed
                ? row.make().get()
                : sharedTasks.computeIfAbsent(row.name(), name -> row.make().get());
        long before = eventsOf(task);

        Reply reply =
                as(user).post("/api/tasks/" + task.taskId() + "/complete", "{\"variables\":" + row.variables() + "}");

        if (allowed) {
            assertThat(reply.status()).as(reply.toString()).isEqualTo(204);
            assertThat(taskService.createTaskQuery().taskId(task.taskId()).count())
                    .as("completed")
                    .isZero();
        } else {
            assertThat(reply.status()).as(reply.toString()).isEqualTo(403);
            assertProblem(reply);
            Task open = taskService.createTaskQuery().taskId(task.taskId()).singleResult();
            assertThat(open).as("the task stays open").isNotNull();
            assertThat(open.getAssignee()).as("and unclaimed").isNull();
            assertThat(eventsOf(task)).as("a refused completion writes nothing").isEqualTo(before);
        }
    }

    // --- member onboarding

    private OpenTask verifyDocuments(boolean overdue) {
        MemberId member = MemberId.newId();
        commands.sendAndWait(TestData.registerMember(member, TestData.nib()));
        Task task = awaitTask(member.value(), MemberOnboardingProcess.USER_VERIFY_DOCUMENTS);
        if (overdue) {
            fireTimer(task, MemberOnboardingProcess.TIMER_VERIFICATION_OVERDUE);
        }
        return new OpenTask(task.getId(), List.of(member.value()));
    }

    // --- factory commissioning

    /** A proposed factory with one planned press and "staff" on its staff. */
    private String proposedFactory() {
        FactoryId factory = FactoryId.newId();
        commands.sendAndWait(new ProposeFactory(
                factory,
                "Rumah Produksi " + factory,
                "Sulawesi Utara",
                "Minahasa",
                "Coconut oil",
                "Koperasi Nyiur Melambai",
                List.of(new MachinePlan("PRESS-1", "COCONUT_OIL_PRESS", 8)),
                TestData.today().plusDays(30),
                "officer"));
        addStaff(factory.value(), "staff");
        return factory.value();
    }

    private OpenTask installMachine(boolean overdue) {
        String factory = proposedFactory();
        Task task = awaitTask(factory, FactoryCommissioningProcess.USER_INSTALL_MACHINE);
        if (overdue) {
            fireTimer(task, FactoryCommissioningProcess.TIMER_INSTALLATION_OVERDUE);
        }
        return new OpenTask(task.getId(), List.of(factory));
    }

    private OpenTask inspectFactory() {
        String factory = proposedFactory();
        complete("staff", awaitTask(factory, FactoryCommissioningProcess.USER_INSTALL_MACHINE), "{}");
        return new OpenTask(
                awaitTask(factory, FactoryCommissioningProcess.USER_INSPECT_FACTORY)
                        .getId(),
                List.of(factory));
    }

    /** Passed: the sign-off waits; failed: the findings wait for the staff. */
    private OpenTask afterInspection(boolean passed) {
        String factory = inspectFactory().aggregates().get(0);
        complete(
                inspector,
                awaitTask(factory, FactoryCommissioningProcess.USER_INSPECT_FACTORY),
                passed ? "{\"passed\":true}" : "{\"passed\":false,\"findings\":\"no guard rail on the press\"}");
        Task task = awaitTask(
                factory,
                passed
                        ? FactoryCommissioningProcess.USER_COMMISSIONING_SIGNOFF
                        : FactoryCommissioningProcess.USER_RESOLVE_FINDINGS);
        return new OpenTask(task.getId(), List.of(factory));
    }

    // --- production jobs

    /** A one-hour job on the factory, once its time is reserved and "Start job" waits. */
    private String scheduledJob(String factoryId) {
        String jobId = as("officer")
                .post("/api/jobs", """
                {"memberId":"%s","factoryId":"%s","machineType":"COCONUT_OIL_PRESS","product":"Copra",
                 "quantity":10,"machineHours":1,"earliestStart":"%s","deadline":"%s"}""".formatted(
                        memberId, factoryId, TestData.today(), TestData.today().plusDays(20)))
                .json()
                .get("jobId")
                .asText();
        awaitTask(jobId, ProductionJobProcess.USER_START_JOB);
        return jobId;
    }

    private OpenTask startJob(boolean overdue) {
        String jobId = scheduledJob(jobFactoryId);
        Task task = awaitTask(jobId, ProductionJobProcess.USER_START_JOB);
        if (overdue) {
            fireTimer(task, ProductionJobProcess.TIMER_START_OVERDUE);
        }
        return new OpenTask(task.getId(), List.of(jobId, jobFactoryId));
    }

    private OpenTask recordOutput() {
        String jobId = scheduledJob(jobFactoryId);
        complete("staff", awaitTask(jobId, ProductionJobProcess.USER_START_JOB), "{}");
        return new OpenTask(
                awaitTask(jobId, ProductionJobProcess.USER_RECORD_OUTPUT).getId(), List.of(jobId, jobFactoryId));
    }

    private OpenTask qualityInspection() {
        String jobId = recordOutput().aggregates().get(0);
        complete(
                "staff",
                awaitTask(jobId, ProductionJobProcess.USER_RECORD_OUTPUT),
                "{\"goodUnits\":10,\"rejectedUnits\":0}");
        return new OpenTask(
                awaitTask(jobId, ProductionJobProcess.USER_QUALITY_INSPECTION).getId(), List.of(jobId, jobFactoryId));
    }

    /** A job on a factory of its own whose only press goes into maintenance. */
    private OpenTask rescheduleJob() {
        String factory = TestData.commissionedFactory(commands).value();
        addStaff(factory, "staff");
        String jobId = scheduledJob(factory);
        commands.sendAndWait(
                new StartMachineMaintenance(new FactoryId(factory), "PRESS-1", "seal replacement", "officer"));
        return new OpenTask(
                awaitTask(jobId, ProductionJobProcess.USER_RESCHEDULE_JOB).getId(), List.of(jobId, factory));
    }

    // --- pilot rollout and scale-up approval

    private OpenTask proposeOutcome() {
        String waveId = Waves.evaluatedWave(commands, as("officer"), runtime, management);
        return new OpenTask(awaitTask(waveId, "user_propose_outcome").getId(), List.of(waveId));
    }

    private OpenTask regionalReview(boolean overdue) {
        String waveId = proposeOutcome().aggregates().get(0);
        assertThat(as(proposer)
                        .post(
                                "/api/programme/waves/" + waveId + "/proposal",
                                "{\"outcome\":\"EXTEND_PILOT\",\"extensionMonths\":3}")
                        .status())
                .isEqualTo(204);
        Task task = awaitTask(waveId, ScaleUpApprovalProcess.USER_REGIONAL_REVIEW);
        if (overdue) {
            fireTimer(task, ScaleUpApprovalProcess.TIMER_REGIONAL_REVIEW_OVERDUE);
        }
        return new OpenTask(task.getId(), List.of(waveId));
    }

    private OpenTask planningReview() {
        String waveId = regionalReview(false).aggregates().get(0);
        approve(regionalReviewer, waveId, "REGIONAL_REVIEW");
        return new OpenTask(
                awaitTask(waveId, ScaleUpApprovalProcess.USER_PLANNING_REVIEW).getId(), List.of(waveId));
    }

    private OpenTask finalApproval() {
        String waveId = planningReview().aggregates().get(0);
        approve(planningReviewer, waveId, "PLANNING_REVIEW");
        return new OpenTask(
                awaitTask(waveId, ScaleUpApprovalProcess.USER_FINAL_APPROVAL).getId(), List.of(waveId));
    }

    private void approve(String user, String waveId, String stage) {
        Reply reply = as(user).post(
                        "/api/programme/waves/" + waveId + "/approvals",
                        "{\"stage\":\"" + stage + "\",\"decision\":\"APPROVE\",\"comment\":\"fine\"}");
        assertThat(reply.status()).as(reply.toString()).isEqualTo(204);
    }

    // --- steps

    /** The one open task of that key about the business object. */
    private Task awaitTask(String businessKey, String taskKey) {
        Task[] task = new Task[1];
        await().atMost(PATIENCE).until(() -> {
            List<Task> open = taskService
                    .createTaskQuery()
                    .active()
                    .processInstanceBusinessKey(businessKey)
                    .taskDefinitionKey(taskKey)
                    .list();
            task[0] = open.size() == 1 ? open.get(0) : null;
            return task[0] != null;
        });
        return task[0];
    }

    /** Makes the task overdue: runs its escalation timer now (tests run without a job executor). */
    private void fireTimer(Task task, String timerId) {
        Job timer = management
                .createJobQuery()
                .processInstanceId(task.getProcessInstanceId())
                .timers()
                .activityId(timerId)
                .singleResult();
        assertThat(timer).as(timerId).isNotNull();
        management.executeJob(timer.getId());
    }

    private void complete(String user, Task task, String variables) {
        Reply reply = as(user).post("/api/tasks/" + task.getId() + "/complete", "{\"variables\":" + variables + "}");
        assertThat(reply.status()).as(reply.toString()).isEqualTo(204);
    }

    private long eventsOf(OpenTask task) {
        return task.aggregates().stream()
                .mapToLong(id -> events.eventTypesOf(id).size())
                .sum();
    }

    private void addStaff(String factoryId, String user) {
        await().atMost(PATIENCE)
                .until(() -> as("officer")
                                .put("/api/factories/" + factoryId + "/staff/" + user, null)
                                .status()
                        == 204);
    }

    /** A login of its own in the group (none: in no group yet), password TestData.PASSWORD. */
    private String newUser(String prefix, String group) {
        String userId = prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
        User user = identity.newUser(userId);
        user.setPassword(TestData.PASSWORD);
        identity.saveUser(user);
        if (group != null) {
            identity.createMembership(userId, group);
        }
        return userId;
    }

    private Http as(String user) {
        return Http.as(port, OTHER_STAFF.equals(user) ? otherStaff : user, TestData.PASSWORD);
    }
}
