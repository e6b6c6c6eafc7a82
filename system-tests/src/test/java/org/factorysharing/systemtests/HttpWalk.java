package org.factorysharing.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.factorysharing.systemtests.Http.Reply;
import org.factorysharing.testing.TestData;

/**
 * The steps the HTTP walk-throughs share: acting as a user, finding a workflow task about a business object in
 * the user's task list, completing it, and bringing a member to VERIFIED and qualified through its task.
 */
public final class HttpWalk {

    public static final Duration PATIENCE = Duration.ofSeconds(60);

    private final int port;
    private final MemberLogins logins;

    public HttpWalk(int port, MemberLogins logins) {
        this.port = port;
        this.logins = logins;
    }

    public Http as(String user) {
        return Http.as(port, user, TestData.PASSWORD);
    }

    /** Waits until the user's task list holds exactly {@code count} tasks of that key about the business key. */
    public List<JsonNode> awaitTasks(Http user, String businessKey, String taskKey, int count) {
        List<JsonNode> found = new ArrayList<>();
        await().atMost(PATIENCE).until(() -> {
            found.clear();
            user.get(tasksAbout(businessKey, taskKey)).json().get("items").forEach(found::add);
            return found.size() == count;
        });
        return List.copyOf(found);
    }

    /** The user's open tasks of that key about the business key (GET /api/tasks filtered, one page of 200). */
    public static String tasksAbout(String businessKey, String taskKey) {
        return "/api/tasks?size=200&businessKey=" + businessKey + "&taskKey=" + taskKey;
    }

    public JsonNode awaitTask(Http user, String businessKey, String taskKey) {
        return awaitTasks(user, businessKey, taskKey, 1).get(0);
    }

    public static Reply complete(Http user, JsonNode task, String variables) {
        return user.post("/api/tasks/" + task.get("id").asText() + "/complete", "{\"variables\":" + variables + "}");
    }

    /** A member that applied with its own login, verified by an officer through the onboarding task. */
    public record MemberLogin(String memberId, String login) {}

    /** Applies with a fresh login, is verified through the task and qualified for the machine types. */
    public MemberLogin qualifiedMember(String... machineTypes) {
        String login = logins.newLogin();
        String memberId = as(login)
                .post("/api/members", TestData.registerMemberJson(TestData.nib()))
                .json()
                .get("memberId")
                .asText();
        logins.awaitLinked(login);
        JsonNode verify = awaitTask(as("officer"), memberId, "user_verify_documents");
        assertThat(complete(as("officer"), verify, "{\"approved\":true}").status())
                .isEqualTo(204);
        await().atMost(PATIENCE)
                .until(() -> as("officer")
                        .get("/api/members/" + memberId)
                        .json()
                        .get("status")
                        .asText()
                        .equals("VERIFIED"));
        for (String machineType : machineTypes) {
            assertThat(as("officer")
                            .put(
                                    "/api/members/" + memberId + "/qualifications/" + machineType,
                                    "{\"expiresOn\":\"" + TestData.today().plusYears(1) + "\"}")
                            .status())
                    .isEqualTo(204);
        }
        return new MemberLogin(memberId, login);
    }
}
