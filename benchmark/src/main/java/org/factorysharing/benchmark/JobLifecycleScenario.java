package org.factorysharing.benchmark;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.factorysharing.api.shared.ProgrammeTime;

/**
 * A production job end to end over HTTP, as people do it through the API: an officer requests machine time for a
 * member, the production_job process reserves it (scheduled), staff start the job, record the output and pass the
 * quality inspection through the task API, and the job is completed. Each client runs one job after another; the
 * run reports completed jobs/s and p50/p99 of every step (each step from the end of the previous one, including the
 * wait for the task or status to appear, polled every 20 ms unless {@code --job-poll-ms} says otherwise). The polls
 * are requests like any other: the run reports how many each job needed, as they share the server's CPU.
 *
 * <p>All jobs go to one factory unless {@code --job-factories} says more: client {@code i} then books factory {@code i
 * mod n}. A factory's bookings are one aggregate, so its commands wait for each other; with one factory per client
 * the run shows what that costs.
 */
final class JobLifecycleScenario {

    static final String PRESS = "COCONUT_OIL_PRESS";
    private static final int MACHINES = 8;
    private static final int MEMBERS = 16;
    private static final Duration PATIENCE = Duration.ofMinutes(2);
    private static final List<String> STEPS =
            List.of("request", "scheduled", "start", "output", "quality", "completed");

    private final Server server;
    private final Report report;
    private final Duration measure;
    private final Duration warmup;
    private final List<Integer> clientCounts;
    private final Duration poll;
    private final int factories;
    private final LocalDate today = ProgrammeTime.dateOf(java.time.Instant.now());
    private final List<String> factoryIds = new ArrayList<>();
    private final List<String> members = new ArrayList<>();

    JobLifecycleScenario(
            Server server,
            Report report,
            Duration measure,
            Duration warmup,
            List<Integer> clientCounts,
            Duration poll,
            int factories) {
        this.server = server;
        this.report = report;
        this.measure = measure;
        this.warmup = warmup;
        this.clientCounts = clientCounts;
        this.poll = poll;
        this.factories = factories;
    }

    void execute() throws Exception {
        prepare();
        Steps warm = new Steps();
        LoadRun.run("warm-up", 4, warmup, (client, sequence) -> lifecycle(client, warm));
        try (Lag lag = new Lag(server)) {
            for (int clients : clientCounts) {
                lag.drain(Duration.ofMinutes(5));
                Steps steps = new Steps();
                long getsBefore = Api.GETS.get();
                LoadRun.Result result = LoadRun.run(
                        "job lifecycle over HTTP", clients, measure, (client, sequence) -> lifecycle(client, steps));
                report.add(
                        result,
                        "jobs/s",
                        null,
                        String.format(
                                Locale.ROOT,
                                "request -> completed through the task API; %.0f GETs per job (polled every %d ms)%s",
                                (Api.GETS.get() - getsBefore) / (double) Math.max(1, result.operations()),
                                poll.toMillis(),
                                factories == 1 ? "" : "; jobs spread over " + factories + " factories"));
                for (String step : STEPS) {
                    long[] sorted = steps.sorted(step);
                    report.add(new Report.Row(
                            "  step: " + step,
                            clients,
                            result.perSecond(),
                            "jobs/s",
                            percentile(sorted, 0.50) / 1e6,
                            percentile(sorted, 0.99) / 1e6,
                            null,
                            ""));
                }
            }
        }
    }

    /** Commissioned factories of eight 24-hour presses each, staffed by "staff", and verified, qualified members. */
    private void prepare() {
        Api officer = server.as("officer");
        for (int f = 0; f < factories; f++) {
            factoryIds.add(commissionedFactory());
        }
        for (int i = 0; i < MEMBERS; i++) {
            String memberId = officer.post("/api/members", HttpRegistrationScenario.json())
                    .expect(201)
                    .json()
                    .get("memberId")
                    .asText();
            officer.complete(
                    officer.awaitTask(memberId, "user_verify_documents", poll, PATIENCE), "{\"approved\":true}");
            awaitStatus(officer, "/api/members/" + memberId, "VERIFIED");
            officer.put(
                            "/api/members/" + memberId + "/qualifications/" + PRESS,
                            "{\"expiresOn\":\"" + today.plusYears(1) + "\"}")
                    .expect(204);
            members.add(memberId);
        }
    }

    private String commissionedFactory() {
        Api officer = server.as("officer");
        Api staff = server.as("staff");
        StringBuilder machines = new StringBuilder();
        for (int m = 1; m <= MACHINES; m++) {
            machines.append(m > 1 ? "," : "")
                    .append("{\"machineId\":\"PRESS-%d\",\"machineType\":\"%s\",\"capacityHoursPerDay\":24}"
                            .formatted(m, PRESS));
        }
        String factoryId = officer.post("/api/factories", """
                        {"name":"Rumah Produksi Kelapa Benchmark","province":"Sulawesi Utara","regency":"Minahasa",
                         "commodity":"Coconut","operator":"Koperasi Benchmark","plannedMachines":[%s],
                         "installationDueOn":"%s"}""".formatted(machines, today.plusDays(30)))
                .expect(201)
                .json()
                .get("factoryId")
                .asText();
        officer.put("/api/factories/" + factoryId + "/staff/staff", null).expect(204);
        for (int m = 0; m < MACHINES; m++) {
            staff.complete(staff.awaitTask(factoryId, "user_install_machine", poll, PATIENCE), "{}");
        }
        officer.complete(officer.awaitTask(factoryId, "user_inspect_factory", poll, PATIENCE), "{\"passed\":true}");
        Api officer2 = server.as("officer2");
        officer2.complete(
                officer2.awaitTask(factoryId, "user_commissioning_signoff", poll, PATIENCE), "{\"approved\":true}");
        awaitStatus(officer, "/api/factories/" + factoryId, "COMMISSIONED");
        return factoryId;
    }

    /** Waits until the resource at {@code path} shows {@code status}. */
    private void awaitStatus(Api api, String path, String status) {
        api.await(path, resource -> resource.get("status").asText().equals(status), poll, PATIENCE);
    }

    private void lifecycle(int client, Steps steps) {
        Api officer = server.as("officer");
        Api staff = server.as("staff");
        long start = System.nanoTime();
        String jobId = officer.post("/api/jobs", """
                        {"memberId":"%s","factoryId":"%s","machineType":"%s","product":"Virgin coconut oil",
                         "quantity":100,"machineHours":1,"earliestStart":"%s","deadline":"%s"}""".formatted(
                                members.get(client % members.size()),
                                factoryIds.get(client % factoryIds.size()),
                                PRESS,
                                today,
                                today.plusDays(60)))
                .expect(202)
                .json()
                .get("jobId")
                .asText();
        start = steps.record("request", start);
        officer.await("/api/jobs/" + jobId, job -> is(job, "SCHEDULED"), poll, PATIENCE);
        start = steps.record("scheduled", start);
        staff.complete(staff.awaitTask(jobId, "user_start_job", poll, PATIENCE), "{}");
        start = steps.record("start", start);
        staff.complete(
                staff.awaitTask(jobId, "user_record_output", poll, PATIENCE), "{\"goodUnits\":95,\"rejectedUnits\":5}");
        start = steps.record("output", start);
        staff.complete(staff.awaitTask(jobId, "user_quality_inspection", poll, PATIENCE), "{\"passed\":true}");
        start = steps.record("quality", start);
        officer.await("/api/jobs/" + jobId, job -> is(job, "COMPLETED"), poll, PATIENCE);
        steps.record("completed", start);
    }

    private static boolean is(JsonNode job, String status) {
        String now = job.get("status").asText();
        if (now.equals("REJECTED") || now.equals("CANCELLED")) {
            throw new IllegalStateException("job ended " + now + ": " + job);
        }
        return now.equals(status);
    }

    /** Step latencies of one run, from all clients. */
    private static final class Steps {

        private final Map<String, long[]> latencies = new LinkedHashMap<>();
        private final Map<String, Integer> counts = new LinkedHashMap<>();

        synchronized long record(String step, long since) {
            long now = System.nanoTime();
            long[] values = latencies.computeIfAbsent(step, s -> new long[1024]);
            int count = counts.getOrDefault(step, 0);
            if (count == values.length) {
                values = Arrays.copyOf(values, count * 2);
                latencies.put(step, values);
            }
            values[count] = now - since;
            counts.put(step, count + 1);
            return now;
        }

        synchronized long[] sorted(String step) {
            long[] values = Arrays.copyOf(latencies.getOrDefault(step, new long[0]), counts.getOrDefault(step, 0));
            Arrays.sort(values);
            return values;
        }
    }

    private static long percentile(long[] sorted, double p) {
        if (sorted.length == 0) {
            return 0;
        }
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1)];
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "job lifecycle on factories %s", factoryIds);
    }
}
