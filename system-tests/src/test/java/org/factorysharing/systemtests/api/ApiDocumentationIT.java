package org.factorysharing.systemtests.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.factorysharing.systemtests.Http;
import org.factorysharing.systemtests.Http.Reply;
import org.factorysharing.systemtests.ServerTest;
import org.factorysharing.testing.TestData;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The OpenAPI document says what the API really answers: the success status, each problem, how to sign in. */
@ServerTest
class ApiDocumentationIT {

    @LocalServerPort
    int port;

    private JsonNode docs;

    @BeforeEach
    void given_the_published_document() {
        Reply reply = Http.anonymous(port).get("/v3/api-docs");
        assertThat(reply.status()).isEqualTo(200);
        docs = reply.json();
    }

    @Test
    void each_command_documents_the_status_it_answers_on_success_and_no_other() {
        Map<String, String> expected = Map.of(
                "post /api/members", "201",
                "post /api/factories", "201",
                "post /api/programme/waves", "201",
                "post /api/jobs", "202",
                "post /api/admin/projections/{name}/replay", "202",
                "post /api/members/{memberId}/suspension", "204",
                "get /api/members/{memberId}", "200");
        expected.forEach((operation, status) -> {
            JsonNode responses = operation(operation).get("responses");
            List<String> successes = new ArrayList<>();
            responses.fieldNames().forEachRemaining(code -> {
                if (code.startsWith("2")) {
                    successes.add(code);
                }
            });
            assertThat(successes).as(operation).containsExactly(status);
        });
    }

    @Test
    void every_operation_documents_its_problems_as_problem_json_with_an_example() {
        int operations = 0;
        for (Iterator<Map.Entry<String, JsonNode>> paths = docs.get("paths").fields(); paths.hasNext(); ) {
            Map.Entry<String, JsonNode> path = paths.next();
            for (Iterator<Map.Entry<String, JsonNode>> methods = path.getValue().fields(); methods.hasNext(); ) {
                Map.Entry<String, JsonNode> method = methods.next();
                String name = method.getKey() + " " + path.getKey();
                JsonNode responses = method.getValue().get("responses");
                assertThat(responses.has("401")).as(name).isTrue();
                assertThat(responses.has("403")).as(name).isTrue();
                assertThat(responses.has("404"))
                        .as(name)
                        .isEqualTo(path.getKey().contains("{"));
                assertThat(responses.has("409"))
                        .as(name)
                        .isEqualTo(!method.getKey().equals("get"));
                responses.fields().forEachRemaining(response -> {
                    if (response.getKey().startsWith("4")) {
                        JsonNode problem = response.getValue().get("content").get("application/problem+json");
                        assertThat(problem).as(name + " " + response.getKey()).isNotNull();
                        assertThat(problem.get("schema").get("$ref").asText())
                                .isEqualTo("#/components/schemas/Problem");
                        assertThat(problem.get("example").get("status").asInt())
                                .isEqualTo(Integer.parseInt(response.getKey()));
                    }
                });
                operations++;
            }
        }
        assertThat(operations).isGreaterThan(50);
        JsonNode register = operation("post /api/members").get("responses");
        assertThat(register.has("400")).isTrue();
        assertThat(register.has("413")).isTrue();
        assertThat(register.has("415")).isTrue();
        assertThat(register.get("400")
                        .get("content")
                        .get("application/problem+json")
                        .get("example")
                        .get("errors"))
                .isNotEmpty();
        assertThat(docs.at("/components/schemas/Problem/properties").has("errors"))
                .isTrue();
    }

    @Test
    void the_register_example_is_a_request_the_server_accepts() {
        JsonNode example = operation("post /api/members")
                .get("requestBody")
                .get("content")
                .get("application/json")
                .get("example");
        assertThat(example.get("nib").asText()).hasSize(13);

        Reply registered = Http.as(port, "officer", TestData.PASSWORD).post("/api/members", example.toString());

        assertThat(registered.status()).as(registered.toString()).isEqualTo(201);
    }

    @Test
    void swagger_ui_can_sign_in_with_basic_or_a_bearer_token() {
        JsonNode schemes = docs.at("/components/securitySchemes");
        assertThat(schemes.get("basicAuth").get("scheme").asText()).isEqualTo("basic");
        assertThat(schemes.get("bearerAuth").get("scheme").asText()).isEqualTo("bearer");
        assertThat(docs.get("security").toString()).contains("basicAuth", "bearerAuth");
    }

    private JsonNode operation(String methodAndPath) {
        String[] parts = methodAndPath.split(" ", 2);
        JsonNode path = docs.get("paths").get(parts[1]);
        assertThat(path).as(parts[1]).isNotNull();
        JsonNode operation = path.get(parts[0]);
        assertThat(operation).as(methodAndPath).isNotNull();
        return operation;
    }
}
