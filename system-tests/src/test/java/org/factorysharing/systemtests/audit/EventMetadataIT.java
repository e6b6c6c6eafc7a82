package org.factorysharing.systemtests.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.factorysharing.api.member.MemberCommands.GrantQualification;
import org.factorysharing.api.member.MemberCommands.RegisterMember;
import org.factorysharing.api.member.MemberCommands.VerifyMember;
import org.factorysharing.api.member.MemberId;
import org.factorysharing.audit.metadata.AuditMetadata;
import org.factorysharing.systemtests.Http;
import org.factorysharing.systemtests.Http.Reply;
import org.factorysharing.systemtests.MemberLogins;
import org.factorysharing.systemtests.ServerTest;
import org.factorysharing.testing.TestData;
import org.factorysharing.workflows.job.ProductionJobProcess;
import org.factorysharing.workflows.member.MemberOnboardingProcess;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Who did what, read from the stored events: a user over HTTP, a user completing a workflow task, the system
 * reacting to an event or running a workflow timer, and the causation chain between commands and events.
 */
@ServerTest
class EventMetadataIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    MemberLogins logins;

    @Autowired
    CommandGateway commands;

    @Autowired
    RepositoryService repository;

    @Autowired
    RuntimeService runtime;

    @Autowired
    ManagementService management;

    Http as(String user) {
        return Http.as(port, user, TestData.PASSWORD);
    }

    @Test
    void commandSentOverHttpRecordsTheUserTheirGroupsTheChainAndTheTime() {
        Reply created = as("officer").post("/api/members", TestData.registerMemberJson(TestData.nib()));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String memberId = created.json().get("memberId").asText();

        JsonNode metadata = metadataOf(memberId, 0);

        assertThat(metadata.get(AuditMetadata.ACTOR_KIND).asText()).isEqualTo(AuditMetadata.KIND_USER);
        assertThat(metadata.get(AuditMetadata.ACTOR).asText()).isEqualTo("officer");
        assertThat(metadata.get(AuditMetadata.USER_ID).asText()).isEqualTo("officer");
        assertThat(metadata.get(AuditMetadata.GROUPS).toString()).isEqualTo("[\"officers\"]");
        // the command started the chain: it is the event's cause and the chain's root
        String causation = metadata.get(AuditMetadata.CAUSATION_ID).asText();
        assertThat(causation).isNotBlank().isNotEqualTo(eventIdOf(memberId, 0));
        assertThat(metadata.get(AuditMetadata.CORRELATION_ID).asText()).isEqualTo(causation);
        assertThat(metadata.get(AuditMetadata.TIMESTAMP).asText()).isEqualTo(storedTimestampOf(memberId, 0));
        assertThat(metadata.has(AuditMetadata.PROCESS_INSTANCE_ID)).isFalse();
    }

    @Test
    void commandSentByAWorkflowStepAfterATaskRecordsTheUserTheProcessAndTheTask() {
        String applicant = logins.newLogin();
        String memberId = as(applicant)
                .post("/api/members", TestData.registerMemberJson(TestData.nib()))
                .json()
                .get("memberId")
                .asText();
        JsonNode task = awaitVerificationTask(memberId);
        String taskId = task.get("id").asText();

        Reply completed =
                as("officer").post("/api/tasks/" + taskId + "/complete", "{\"variables\":{\"approved\":true}}");
        assertThat(completed.status()).as(completed.toString()).isEqualTo(204);

        // 0 registered and 1 the applicant's login linked, both by the applicant; 2 the officer's decision
        assertThat(eventTypeOf(memberId, 2)).endsWith("MemberVerified");
        JsonNode metadata = metadataOf(memberId, 2);
        assertThat(metadata.get(AuditMetadata.ACTOR_KIND).asText()).isEqualTo(AuditMetadata.KIND_USER);
        assertThat(metadata.get(AuditMetadata.USER_ID).asText()).isEqualTo("officer");
        assertThat(metadata.get(AuditMetadata.GROUPS).toString()).isEqualTo("[\"officers\"]");
        assertThat(metadata.get(AuditMetadata.PROCESS_INSTANCE_ID).asText())
                .isEqualTo(task.get("processInstanceId").asText());
        assertThat(metadata.get(AuditMetadata.PROCESS_DEFINITION_KEY).asText()).isEqualTo(MemberOnboardingProcess.KEY);
        assertThat(metadata.get(AuditMetadata.PROCESS_BUSINESS_KEY).asText()).isEqualTo(memberId);
        assertThat(metadata.get(AuditMetadata.ACTIVITY_ID).asText())
                .isEqualTo(MemberOnboardingProcess.SERVICE_VERIFY_MEMBER);
        assertThat(metadata.get(AuditMetadata.TASK_ID).asText()).isEqualTo(taskId);
        assertThat(metadata.get(AuditMetadata.TASK_DEFINITION_KEY).asText())
                .isEqualTo(MemberOnboardingProcess.USER_VERIFY_DOCUMENTS);
        // the member who applied is on the registration, not on the officer's decision
        assertThat(metadataOf(memberId, 0).get(AuditMetadata.USER_ID).asText()).isEqualTo(applicant);
        assertThat(metadataOf(memberId, 1).get(AuditMetadata.USER_ID).asText()).isEqualTo(applicant);
    }

    @Test
    void processStepStartedByAnEventIsTheSystemsAndKeepsTheRequestsCorrelation() {
        String memberId = qualifiedMember();
        String login = logins.loginFor(new MemberId(memberId));
        String factoryId = TestData.commissionedFactory(commands).value();
        Reply accepted = as(login).post("/api/jobs", """
                {"memberId":"%s","factoryId":"%s","machineType":"COCONUT_OIL_PRESS","product":"Virgin coconut oil",
                 "quantity":100,"machineHours":4,"earliestStart":"%s","deadline":"%s"}""".formatted(
                        memberId, factoryId, TestData.today(), TestData.today().plusDays(7)));
        assertThat(accepted.status()).as(accepted.toString()).isEqualTo(202);
        String jobId = accepted.json().get("jobId").asText();
        JsonNode request = metadataOf(jobId, 0);
        assertThat(request.get(AuditMetadata.USER_ID).asText()).isEqualTo(login);

        long reservation = await().atMost(Duration.ofSeconds(30))
                .until(() -> sequenceOf(factoryId, "MachineTimeReserved", jobId), sequence -> sequence != null);
        JsonNode metadata = metadataOf(factoryId, reservation);

        assertThat(metadata.get(AuditMetadata.ACTOR_KIND).asText()).isEqualTo(AuditMetadata.KIND_SYSTEM);
        assertThat(metadata.get(AuditMetadata.ACTOR).asText())
                .isEqualTo(AuditMetadata.SYSTEM_EVENT_PROCESSOR + "production-job-workflow");
        assertThat(metadata.has(AuditMetadata.USER_ID)).isFalse();
        assertThat(metadata.has(AuditMetadata.GROUPS)).isFalse();
        assertThat(metadata.get(AuditMetadata.PROCESS_DEFINITION_KEY).asText()).isEqualTo(ProductionJobProcess.KEY);
        assertThat(metadata.get(AuditMetadata.PROCESS_BUSINESS_KEY).asText()).isEqualTo(jobId);
        assertThat(metadata.get(AuditMetadata.ACTIVITY_ID).asText())
                .isEqualTo(ProductionJobProcess.SERVICE_RESERVE_MACHINE_TIME);
        assertThat(metadata.has(AuditMetadata.TASK_ID)).isFalse();
        // one chain from the member's request: same root, and each step caused by the one before
        assertThat(metadata.get(AuditMetadata.CORRELATION_ID).asText())
                .isEqualTo(request.get(AuditMetadata.CORRELATION_ID).asText());
        assertThat(metadata.get(AuditMetadata.CAUSATION_ID).asText())
                .isNotIn(request.get(AuditMetadata.CAUSATION_ID).asText(), eventIdOf(jobId, 0));
        long scheduled = await().atMost(Duration.ofSeconds(30))
                .until(() -> sequenceOf(jobId, "ProductionJobScheduled", jobId), sequence -> sequence != null);
        assertThat(metadataOf(jobId, scheduled)
                        .get(AuditMetadata.CORRELATION_ID)
                        .asText())
                .isEqualTo(request.get(AuditMetadata.CORRELATION_ID).asText());
    }

    @Test
    void commandSentByAWorkflowTimerIsTheSystemsAndNamesTheJob() {
        MemberId memberId = MemberId.newId();
        commands.sendAndWait(TestData.registerMember(memberId, TestData.nib()));
        String key = "audit_metadata_timer";
        BpmnModelInstance model = Bpmn.createExecutableProcess(key)
                .startEvent()
                .intermediateCatchEvent("timer_wait")
                .timerWithDuration("P7D")
                .serviceTask("service_verify_later")
                .camundaDelegateExpression("${verifyMemberDelegate}")
                .endEvent()
                .done();
        repository.createDeployment().addModelInstance(key + ".bpmn", model).deploy();
        String instanceId = runtime.startProcessInstanceByKey(
                        key, memberId.value(), Map.of(MemberOnboardingProcess.DECIDED_BY, "officer"))
                .getId();
        Job timer = management.createJobQuery().processInstanceId(instanceId).singleResult();

        management.executeJob(timer.getId());

        assertThat(eventTypeOf(memberId.value(), 1)).endsWith("MemberVerified");
        JsonNode metadata = metadataOf(memberId.value(), 1);
        assertThat(metadata.get(AuditMetadata.ACTOR_KIND).asText()).isEqualTo(AuditMetadata.KIND_SYSTEM);
        assertThat(metadata.get(AuditMetadata.ACTOR).asText()).isEqualTo(AuditMetadata.SYSTEM_CAMUNDA_JOB);
        assertThat(metadata.get(AuditMetadata.CAMUNDA_JOB_ID).asText()).isEqualTo(timer.getId());
        assertThat(metadata.get(AuditMetadata.PROCESS_INSTANCE_ID).asText()).isEqualTo(instanceId);
        assertThat(metadata.get(AuditMetadata.PROCESS_DEFINITION_KEY).asText()).isEqualTo(key);
        assertThat(metadata.get(AuditMetadata.ACTIVITY_ID).asText()).isEqualTo("service_verify_later");
        assertThat(metadata.has(AuditMetadata.USER_ID)).isFalse();
        assertThat(metadata.has(AuditMetadata.TASK_ID)).isFalse();
    }

    @Test
    void eventsCauseIsTheCommandMessageThatProducedIt() {
        MemberId memberId = MemberId.newId();
        RegisterMember payload = TestData.registerMember(memberId, TestData.nib());
        GenericCommandMessage<RegisterMember> command = new GenericCommandMessage<>(payload);

        commands.sendAndWait(command);

        JsonNode metadata = metadataOf(memberId.value(), 0);
        assertThat(metadata.get(AuditMetadata.CAUSATION_ID).asText()).isEqualTo(command.getIdentifier());
        assertThat(metadata.get(AuditMetadata.CORRELATION_ID).asText()).isEqualTo(command.getIdentifier());
        // sent by server code, here the test, with nobody signed in: said so, never left blank
        assertThat(metadata.get(AuditMetadata.ACTOR_KIND).asText()).isEqualTo(AuditMetadata.KIND_SYSTEM);
        assertThat(metadata.get(AuditMetadata.ACTOR).asText()).isEqualTo(AuditMetadata.SYSTEM_APPLICATION);
        assertThat(metadata.has(AuditMetadata.USER_ID)).isFalse();
    }

    private String qualifiedMember() {
        MemberId memberId = MemberId.newId();
        commands.sendAndWait(TestData.registerMember(memberId, TestData.nib()));
        commands.sendAndWait(new VerifyMember(memberId, "officer"));
        commands.sendAndWait(new GrantQualification(
                memberId, "COCONUT_OIL_PRESS", TestData.today().plusYears(1), "officer"));
        return memberId.value();
    }

    private JsonNode awaitVerificationTask(String memberId) {
        return await().atMost(Duration.ofSeconds(30))
                .until(
                        () -> {
                            JsonNode tasks = as("officer")
                                    .get("/api/tasks?businessKey=" + memberId)
                                    .json()
                                    .get("items");
                            return tasks.isEmpty() ? null : tasks.get(0);
                        },
                        task -> task != null);
    }

    // --- the event store, read directly ---

    private JsonNode metadataOf(String aggregateId, long sequence) {
        String json = jdbc.queryForObject("""
                SELECT convert_from(meta_data, 'UTF8') FROM domain_event_entry
                WHERE aggregate_identifier = ? AND sequence_number = ?""", String.class, aggregateId, sequence);
        try {
            return JSON.readTree(json);
        } catch (Exception e) {
            throw new IllegalStateException("metadata is not JSON: " + json, e);
        }
    }

    private String eventIdOf(String aggregateId, long sequence) {
        return column("event_identifier", aggregateId, sequence);
    }

    private String eventTypeOf(String aggregateId, long sequence) {
        return column("payload_type", aggregateId, sequence);
    }

    private String storedTimestampOf(String aggregateId, long sequence) {
        return column("time_stamp", aggregateId, sequence);
    }

    private String column(String column, String aggregateId, long sequence) {
        return jdbc.queryForObject(
                "SELECT " + column + " FROM domain_event_entry "
                        + "WHERE aggregate_identifier = ? AND sequence_number = ?",
                String.class,
                aggregateId,
                sequence);
    }

    /** Sequence number of the aggregate's event of this type that mentions the text, or null. */
    private Long sequenceOf(String aggregateId, String type, String mentioning) {
        List<Long> found = jdbc.queryForList("""
                SELECT sequence_number FROM domain_event_entry
                WHERE aggregate_identifier = ? AND payload_type LIKE ? AND convert_from(payload, 'UTF8') LIKE ?
                ORDER BY sequence_number""", Long.class, aggregateId, "%" + type, "%" + mentioning + "%");
        return found.isEmpty() ? null : found.get(0);
    }
}
