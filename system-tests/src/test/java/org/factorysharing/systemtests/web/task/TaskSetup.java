package org.factorysharing.systemtests.web.task;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.factorysharing.api.member.MemberCommands.GrantQualification;
import org.factorysharing.api.member.MemberCommands.VerifyMember;
import org.factorysharing.api.member.MemberId;
import org.factorysharing.systemtests.Http;
import org.factorysharing.systemtests.Http.Reply;
import org.factorysharing.testing.TestData;

/** Tasks for the page tests, made quickly through the JSON API (the walk-throughs are about the pages). */
final class TaskSetup {

    static final Duration PATIENCE = Duration.ofSeconds(60);

    private final int port;
    private final CommandGateway commands;

    TaskSetup(int port, CommandGateway commands) {
        this.port = port;
        this.commands = commands;
    }

    Http as(String user) {
        return Http.as(port, user, TestData.PASSWORD);
    }

    /** A factory proposed by "officer" with three planned machines, "staff" on its staff: three installations. */
    String proposedFactory(String name) {
        Reply proposed = as("officer").post("/api/factories", TestData.proposeFactoryJson(name));
        assertThat(proposed.status()).as(proposed.toString()).isEqualTo(201);
        String factoryId = proposed.json().get("factoryId").asText();
        addStaff(factoryId);
        return factoryId;
    }

    /** A factory whose machines "staff" installed through the tasks: its inspection waits for the officers. */
    String factoryAwaitingInspection(String name) {
        String factoryId = proposedFactory(name);
        for (JsonNode install : awaitTasks(as("staff"), factoryId, "user_install_machine", 3)) {
            complete("staff", install.get("id").asText(), "{}");
        }
        return factoryId;
    }

    void addStaff(String factoryId) {
        await().atMost(PATIENCE)
                .until(() -> as("officer")
                                .put("/api/factories/" + factoryId + "/staff/staff", null)
                                .status()
                        == 204);
    }

    /** A production job of 10 units scheduled in a commissioned factory that "staff" works in. */
    String scheduledJob() {
        String factoryId = TestData.commissionedFactory(commands).value();
        addStaff(factoryId);
        MemberId member = MemberId.newId();
        commands.sendAndWait(TestData.registerMember(member, TestData.nib()));
        commands.sendAndWait(new VerifyMember(member, "officer"));
        commands.sendAndWait(new GrantQualification(
                member, "COCONUT_OIL_PRESS", TestData.today().plusYears(1), "officer"));
        Reply requested = as("officer").post("/api/jobs", """
                {"memberId":"%s","factoryId":"%s","machineType":"COCONUT_OIL_PRESS","product":"Kopra",
                 "quantity":10,"machineHours":1,"earliestStart":"%s","deadline":"%s"}""".formatted(
                member.value(), factoryId, TestData.today(), TestData.today().plusDays(20)));
        assertThat(requested.status()).as(requested.toString()).isEqualTo(202);
        return requested.json().get("jobId").asText();
    }

    /** Waits until the user's tasks hold exactly {@code count} of that kind about the business key. */
    List<JsonNode> awaitTasks(Http user, String businessKey, String taskKey, int count) {
        List<JsonNode> found = new ArrayList<>();
        await().atMost(PATIENCE).until(() -> {
            found.clear();
            user.get("/api/tasks?size=200&businessKey=" + businessKey + "&taskKey=" + taskKey)
                    .json()
                    .get("items")
                    .forEach(found::add);
            return found.size() == count;
        });
        return List.copyOf(found);
    }

    String awaitTask(String user, String businessKey, String taskKey) {
        return awaitTasks(as(user), businessKey, taskKey, 1).get(0).get("id").asText();
    }

    void complete(String user, String taskId, String variables) {
        Reply reply = as(user).post("/api/tasks/" + taskId + "/complete", "{\"variables\":" + variables + "}");
        assertThat(reply.status()).as(reply.toString()).isEqualTo(204);
    }

    /** Whether the task is still open (the user may read it). */
    boolean isOpen(String user, String taskId) {
        return as(user).get("/api/tasks/" + taskId).status() == 200;
    }
}
