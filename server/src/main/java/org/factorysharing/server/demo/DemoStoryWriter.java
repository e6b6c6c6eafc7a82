package org.factorysharing.server.demo;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.factorysharing.api.factory.FactoryCommands.AssignFactoryStaff;
import org.factorysharing.api.factory.FactoryCommands.ProposeFactory;
import org.factorysharing.api.factory.FactoryId;
import org.factorysharing.api.factory.MachinePlan;
import org.factorysharing.api.job.JobCommands.JobRequestOutcome;
import org.factorysharing.api.job.JobCommands.RequestProductionJob;
import org.factorysharing.api.job.JobId;
import org.factorysharing.api.job.JobQueries.FindJob;
import org.factorysharing.api.job.JobQueries.JobView;
import org.factorysharing.api.job.JobStatus;
import org.factorysharing.api.member.MemberCommands.GrantQualification;
import org.factorysharing.api.member.MemberCommands.RegisterMember;
import org.factorysharing.api.member.MemberId;
import org.factorysharing.api.member.MemberQueries.FindMemberOfAccount;
import org.factorysharing.api.member.MemberQueries.MemberAccountView;
import org.factorysharing.api.programme.ApprovalStage;
import org.factorysharing.api.programme.ProgrammeQueries.FindWave;
import org.factorysharing.api.programme.ProgrammeQueries.FindWaveKpis;
import org.factorysharing.api.programme.ProgrammeQueries.WaveKpisView;
import org.factorysharing.api.programme.ProgrammeQueries.WaveView;
import org.factorysharing.api.programme.ProgrammeTaskCommands.StageDecision;
import org.factorysharing.api.programme.ProgrammeTaskCommands.SubmitProposal;
import org.factorysharing.api.programme.ProgrammeTaskCommands.SubmitStageDecision;
import org.factorysharing.api.programme.Recommendation;
import org.factorysharing.api.programme.WaveCommands.ApproveEarlyEvaluation;
import org.factorysharing.api.programme.WaveCommands.EnrolFactory;
import org.factorysharing.api.programme.WaveCommands.PlanWave;
import org.factorysharing.api.programme.WaveCommands.RequestEarlyEvaluation;
import org.factorysharing.api.programme.WaveId;
import org.factorysharing.api.programme.WaveKind;
import org.factorysharing.api.programme.WaveStatus;
import org.factorysharing.api.shared.Groups;
import org.factorysharing.api.task.TaskCommands.CompleteTask;
import org.factorysharing.api.task.TaskQueries.FindMyTasks;
import org.factorysharing.api.task.TaskQueries.FindTasksAbout;
import org.factorysharing.api.task.TaskQueries.TaskAssignment;
import org.factorysharing.api.task.TaskQueries.TaskPage;
import org.factorysharing.api.task.TaskQueries.TaskView;
import org.factorysharing.server.demo.DemoStory.Business;
import org.factorysharing.server.demo.DemoStory.Job;
import org.factorysharing.server.demo.DemoStory.Site;
import org.factorysharing.server.web.DateWindow;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes {@link DemoStory} through the doors people use: each step is the command the HTTP API would send for that
 * demo user, or the completion of the workflow task the user would complete in the task list; where a process or a
 * read model follows an event, it waits for it as a person would (polling). So the events, their metadata and the
 * audit log, the hash chain, the read models and the processes are all the product's own.
 *
 * <p>Actors: {@code officer} registers members, verifies them, proposes factories, inspects, plans the pilot and
 * proposes its outcome; {@code officer2} signs commissioning off and reviews the proposal regionally (four-eyes);
 * {@code staff} installs the machines and runs the jobs; {@code supervisor} approves the early evaluation;
 * {@code planner} and {@code executive} approve the scale-up; {@code member} applies for its own business and books
 * its jobs.
 */
class DemoStoryWriter {

    private static final Logger log = LoggerFactory.getLogger(DemoStoryWriter.class);

    static final String OFFICER = "officer";
    static final String SECOND_OFFICER = "officer2";
    static final String STAFF = "staff";
    static final String SUPERVISOR = "supervisor";
    static final String PLANNER = "planner";
    static final String EXECUTIVE = "executive";
    /** The demo users the story needs. */
    static final List<String> ACTORS = List.of(OFFICER, SECOND_OFFICER, STAFF, SUPERVISOR, PLANNER, EXECUTIVE);

    private final CommandGateway commands;
    private final QueryGateway queries;
    private final DemoActors actors;
    private final Duration patience;
    private final Counts counts = new Counts();

    private final Map<String, MemberId> members = new HashMap<>();
    /** Who books for a member: its own login, or an officer for it. */
    private final Map<String, String> bookers = new HashMap<>();

    private final Map<String, FactoryId> factories = new LinkedHashMap<>();

    DemoStoryWriter(CommandGateway commands, QueryGateway queries, DemoActors actors, Duration patience) {
        this.commands = commands;
        this.queries = queries;
        this.actors = actors;
        this.patience = patience;
    }

    /** What was written, counted as it was. */
    static final class Counts {
        int members;
        int verifiedMembers;
        int factories;
        int commissionedFactories;
        int waves;
        int jobs;
        int completedJobs;

        @Override
        public String toString() {
            return "%d waves, %d factories (%d commissioned), %d members (%d verified), %d jobs (%d completed)"
                    .formatted(waves, factories, commissionedFactories, members, verifiedMembers, jobs, completedJobs);
        }
    }

    Counts counts() {
        return counts;
    }

    /** The whole story, in the order it happened. */
    void write() {
        LocalDate today = DateWindow.today();
        step("members apply and are verified", () -> registerMembers(today));

        WaveId pilot = stepReturning("the pilot is planned", this::planPilot);
        step("the pilot's factories are proposed, staffed and enrolled", () -> {
            for (Site site : DemoStory.PILOT) {
                propose(site, today.plusDays(30));
                enrol(pilot, site);
            }
        });
        step("the pilot's factories are commissioned", () -> {
            for (Site site : DemoStory.PILOT) {
                install(site);
                inspectAndSignOff(site);
            }
            awaitWave(
                    pilot,
                    "to run with five commissioned factories",
                    wave -> wave.summary().status() == WaveStatus.RUNNING
                            && wave.summary().commissionedFactories() == DemoStory.PILOT.size());
        });
        step("members book and produce", () -> {
            for (Job job : DemoStory.JOBS) {
                runJob(job, today);
            }
        });
        step("the pilot is evaluated", () -> evaluate(pilot));
        WaveId next =
                stepReturning("the scale-up is proposed and approved in three stages", () -> approveScaleUp(pilot));
        step("the 2023 wave's factories are proposed, staffed and enrolled", () -> {
            for (int i = 0; i < DemoStory.WAVE_2023.size(); i++) {
                Site site = DemoStory.WAVE_2023.get(i);
                propose(site, today.plusDays(60));
                enrol(next, site);
                if (i < DemoStory.WAVE_2023_INSTALLED) {
                    install(site);
                }
            }
        });
    }

    // --- members ---

    private void registerMembers(LocalDate today) {
        for (Business business : DemoStory.MEMBERS) {
            String applicant = applicantFor(business);
            MemberId memberId = MemberId.newId();
            actors.run(
                    applicant,
                    () -> commands.sendAndWait(new RegisterMember(
                            memberId,
                            business.nib(),
                            business.businessName(),
                            business.ownerName(),
                            business.ownerNik(),
                            business.sector(),
                            business.province(),
                            business.regency(),
                            business.scale(),
                            business.contactPhone(),
                            business.contactEmail(),
                            applicant.equals(business.login()) ? applicant : null)));
            members.put(business.key(), memberId);
            bookers.put(business.key(), applicant.equals(business.login()) ? applicant : OFFICER);
            counts.members++;
        }
        for (Business business : DemoStory.MEMBERS) {
            if (!business.verified()) {
                continue;
            }
            MemberId memberId = members.get(business.key());
            TaskView verify = awaitTasks(OFFICER, memberId.value(), "user_verify_documents", 1)
                    .get(0);
            complete(OFFICER, verify, Map.of("approved", true));
            actors.run(
                    OFFICER,
                    () -> commands.sendAndWait(
                            new GrantQualification(memberId, business.qualifiedOn(), today.plusYears(1), OFFICER)));
            counts.verifiedMembers++;
        }
    }

    /**
     * A business with a login of its own applies with it, unless that login acts for another member already (someone
     * tried the walk-throughs before); otherwise an officer registers it from the papers handed in at the office.
     */
    private String applicantFor(Business business) {
        if (business.login() == null || !actors.exists(business.login())) {
            return OFFICER;
        }
        if (!actors.groupsOf(business.login()).contains(Groups.MEMBERS)) {
            return OFFICER;
        }
        Optional<MemberAccountView> linked = queries.query(
                        new FindMemberOfAccount(business.login()),
                        ResponseTypes.optionalInstanceOf(MemberAccountView.class))
                .join();
        return linked.isPresent() ? OFFICER : business.login();
    }

    // --- factories ---

    private void propose(Site site, LocalDate installationDueOn) {
        FactoryId factoryId = FactoryId.newId();
        actors.run(
                OFFICER,
                () -> commands.sendAndWait(new ProposeFactory(
                        factoryId,
                        site.name(),
                        site.province(),
                        site.regency(),
                        site.commodity(),
                        site.operator(),
                        site.machines().stream()
                                .map(m -> new MachinePlan(m.machineId(), m.machineType(), m.capacityHoursPerDay()))
                                .toList(),
                        installationDueOn,
                        OFFICER)));
        actors.run(
                OFFICER,
                () -> commands.sendAndWait(
                        new AssignFactoryStaff(factoryId, STAFF, "operator of the machines", OFFICER)));
        factories.put(site.key(), factoryId);
        counts.factories++;
    }

    private void install(Site site) {
        String factoryId = factories.get(site.key()).value();
        for (TaskView task : awaitTasks(
                STAFF, factoryId, "user_install_machine", site.machines().size())) {
            complete(STAFF, task, Map.of());
        }
    }

    private void inspectAndSignOff(Site site) {
        String factoryId = factories.get(site.key()).value();
        complete(
                OFFICER,
                awaitTasks(OFFICER, factoryId, "user_inspect_factory", 1).get(0),
                Map.of("passed", true));
        complete(
                SECOND_OFFICER,
                awaitTasks(SECOND_OFFICER, factoryId, "user_commissioning_signoff", 1)
                        .get(0),
                Map.of("approved", true));
        counts.commissionedFactories++;
    }

    // --- the programme ---

    private WaveId planPilot() {
        WaveId waveId = WaveId.newId();
        actors.run(
                OFFICER,
                () -> commands.sendAndWait(new PlanWave(
                        waveId,
                        DemoStory.PILOT_NAME,
                        DemoStory.PILOT_YEAR,
                        WaveKind.PILOT,
                        DemoStory.PILOT.size(),
                        DemoStory.PILOT_MONTHS,
                        DemoStory.PILOT_THRESHOLDS,
                        null,
                        OFFICER)));
        counts.waves++;
        // the pilot_rollout process must be waiting before its first factory is commissioned, as for a person who
        // sees the new wave on the dashboard before enrolling
        awaitWave(waveId, "to be on the dashboard", wave -> true);
        return waveId;
    }

    private void enrol(WaveId waveId, Site site) {
        actors.run(
                OFFICER,
                () -> commands.sendAndWait(new EnrolFactory(waveId, factories.get(site.key()), OFFICER, false)));
    }

    /**
     * The pilot ran in the programme's today (the domain books no machine time in the past), so it is evaluated early,
     * as the programme allows: an officer asks with the reason, a supervisor approves, and pilot_rollout evaluates the
     * KPIs at once with scale_up_eligibility.
     */
    private void evaluate(WaveId waveId) {
        int completed = (int) DemoStory.JOBS.stream().filter(Job::completed).count();
        // the evaluation reads the KPI read model: it must have seen every completed job
        await(
                "the pilot's KPIs to count " + completed + " completed jobs",
                () -> queries.query(new FindWaveKpis(waveId), ResponseTypes.optionalInstanceOf(WaveKpisView.class))
                        .join()
                        .filter(kpis -> kpis.from() != null && kpis.kpis().jobsCompleted() == completed));
        actors.run(
                OFFICER,
                () -> commands.sendAndWait(new RequestEarlyEvaluation(
                        waveId, "every pilot factory is commissioned and its members have produced: evaluate now")));
        actors.run(
                SUPERVISOR,
                () -> commands.sendAndWait(
                        new ApproveEarlyEvaluation(waveId, 1, "agreed: the KPIs of the pilot are in")));
    }

    /** The officer proposes six factories for 2023; officer2, the planner and the executive approve the stages. */
    private WaveId approveScaleUp(WaveId waveId) {
        awaitWaveTask(waveId, "user_propose_outcome");
        WaveView evaluated = awaitWave(
                waveId,
                "to carry its recommendation",
                wave -> !wave.recommendations().isEmpty());
        Recommendation recommended = evaluated
                .recommendations()
                .get(evaluated.recommendations().size() - 1)
                .recommendation();
        String justification = recommended == Recommendation.SCALE_UP
                ? null
                : "the pilot's regions asked for more shared factories (recommended: " + recommended + ")";
        actors.run(
                OFFICER,
                () -> commands.sendAndWait(new SubmitProposal(
                        waveId, Recommendation.SCALE_UP, DemoStory.NEXT_WAVE_TARGET, null, justification)));
        approveStage(
                waveId,
                ApprovalStage.REGIONAL_REVIEW,
                "user_regional_review",
                SECOND_OFFICER,
                "regional office agrees");
        approveStage(waveId, ApprovalStage.PLANNING_REVIEW, "user_planning_review", PLANNER, "budget for six in 2023");
        approveStage(waveId, ApprovalStage.FINAL_APPROVAL, "user_final_approval", EXECUTIVE, "approved");
        WaveView approved = awaitWave(
                waveId,
                "to be approved with its next wave",
                wave -> wave.summary().status() == WaveStatus.APPROVED && wave.nextWaveId() != null);
        WaveId next = new WaveId(approved.nextWaveId());
        awaitWave(next, "2023 to be on the dashboard", wave -> true);
        counts.waves++;
        return next;
    }

    private void approveStage(WaveId waveId, ApprovalStage stage, String taskKey, String approver, String comment) {
        awaitWaveTask(waveId, taskKey);
        actors.run(
                approver,
                () -> commands.sendAndWait(new SubmitStageDecision(waveId, stage, StageDecision.APPROVE, comment)));
    }

    // --- jobs ---

    private void runJob(Job job, LocalDate today) {
        Site site = DemoStory.site(job.site());
        MemberId memberId = members.get(job.member());
        String booker = bookers.get(job.member());
        JobId jobId = JobId.newId();
        LocalDate earliestStart = today.plusDays(job.startInDays());
        JobRequestOutcome outcome = actors.as(
                booker,
                () -> commands.sendAndWait(new RequestProductionJob(
                        jobId,
                        memberId,
                        factories.get(site.key()),
                        site.machineType(),
                        job.product(),
                        job.quantity(),
                        job.machineHours(),
                        earliestStart,
                        earliestStart.plusDays(5),
                        booker)));
        if (outcome.status() != JobStatus.REQUESTED) {
            throw new IllegalStateException(
                    "the job " + job.product() + " was " + outcome.status() + ": " + outcome.reason());
        }
        counts.jobs++;
        if (!job.completed()) {
            awaitJob(jobId, JobStatus.SCHEDULED);
            return;
        }
        String key = jobId.value();
        complete(STAFF, awaitTasks(STAFF, key, "user_start_job", 1).get(0), Map.of());
        if (job.reworkNotes() != null) {
            int rejected = Math.max(1, job.quantity() / 8);
            complete(
                    STAFF,
                    awaitTasks(STAFF, key, "user_record_output", 1).get(0),
                    Map.of("goodUnits", job.quantity() - rejected, "rejectedUnits", rejected));
            complete(
                    STAFF,
                    awaitTasks(STAFF, key, "user_quality_inspection", 1).get(0),
                    Map.of("passed", false, "notes", job.reworkNotes()));
        }
        complete(
                STAFF,
                awaitTasks(STAFF, key, "user_record_output", 1).get(0),
                Map.of("goodUnits", job.goodUnits(), "rejectedUnits", job.rejectedUnits()));
        complete(STAFF, awaitTasks(STAFF, key, "user_quality_inspection", 1).get(0), Map.of("passed", true));
        awaitJob(jobId, JobStatus.COMPLETED);
        counts.completedJobs++;
    }

    private void awaitJob(JobId jobId, JobStatus status) {
        await(
                "job " + jobId.value() + " to be " + status,
                () -> queries.query(new FindJob(jobId), ResponseTypes.optionalInstanceOf(JobView.class))
                        .join()
                        .filter(job -> job.status() == status));
    }

    // --- tasks, waves and waiting ---

    /** The user's open tasks of that kind about that business object, once there are {@code count} of them. */
    private List<TaskView> awaitTasks(String user, String businessKey, String taskKey, int count) {
        return await(count + " " + taskKey + " task(s) of " + user + " about " + businessKey, () -> {
            TaskPage page = queries.query(
                            new FindMyTasks(
                                    user,
                                    actors.groupsOf(user),
                                    taskKey,
                                    null,
                                    null,
                                    businessKey,
                                    null,
                                    TaskAssignment.ANY,
                                    null,
                                    null,
                                    0,
                                    200),
                            TaskPage.class)
                    .join();
            List<TaskView> tasks = new ArrayList<>(page.items());
            return tasks.size() >= count ? Optional.of(tasks) : Optional.empty();
        });
    }

    private void awaitWaveTask(WaveId waveId, String taskKey) {
        await(
                taskKey + " of wave " + waveId.value(),
                () -> queries
                        .query(new FindTasksAbout(waveId.value()), ResponseTypes.multipleInstancesOf(TaskView.class))
                        .join()
                        .stream()
                        .filter(task -> taskKey.equals(task.taskKey()))
                        .findFirst());
    }

    private void complete(String user, TaskView task, Map<String, Object> variables) {
        actors.run(user, () -> commands.sendAndWait(new CompleteTask(task.id(), variables)));
    }

    private WaveView awaitWave(WaveId waveId, String what, java.util.function.Predicate<WaveView> condition) {
        return await(
                "wave " + waveId.value() + " " + what,
                () -> queries.query(new FindWave(waveId), ResponseTypes.optionalInstanceOf(WaveView.class))
                        .join()
                        .filter(condition));
    }

    /** Asks again every 100 ms until there is an answer, as a person waits for a page to show what they did. */
    private <T> T await(String what, Supplier<Optional<T>> answer) {
        long deadline = System.nanoTime() + patience.toNanos();
        while (true) {
            Optional<T> found = answer.get();
            if (found.isPresent()) {
                return found.get();
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("waited " + patience.toSeconds() + " s for " + what);
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for " + what, e);
            }
        }
    }

    private void step(String what, Runnable action) {
        stepReturning(what, () -> {
            action.run();
            return null;
        });
    }

    private <T> T stepReturning(String what, Supplier<T> action) {
        log.debug("Demo data: {}", what);
        try {
            return action.get();
        } catch (RuntimeException e) {
            throw new StepFailed(what, e);
        }
    }

    /** The step of the story that failed, with its cause. */
    static final class StepFailed extends RuntimeException {

        StepFailed(String step, RuntimeException cause) {
            super("step \"" + step + "\" failed: " + cause.getMessage(), cause);
        }
    }
}
