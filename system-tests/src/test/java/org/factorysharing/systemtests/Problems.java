package org.factorysharing.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import org.factorysharing.systemtests.Http.Reply;

/** Assertions on the API's problem+json answers, shared by the HTTP tests. */
public final class Problems {

    private Problems() {}

    /** Every error is problem+json and never shows internals. */
    public static void assertProblem(Reply reply) {
        assertThat(reply.header("Content-Type")).as(reply.toString()).startsWith("application/problem+json");
        assertThat(reply.json().get("status").asInt()).isEqualTo(reply.status());
        assertThat(reply.body()).doesNotContain("Exception", "\tat ", "SQL", "org.factorysharing", "org.camunda");
    }

    /** A 400 that names {@code field} among the bad ones. */
    public static void assertField(Reply reply, String field) {
        assertThat(reply.status()).as(reply.toString()).isEqualTo(400);
        assertProblem(reply);
        assertThat(reply.json().get("errors").findValuesAsText("field"))
                .as(reply.toString())
                .contains(field);
    }

    /** A 409 naming the broken rule by its code. */
    public static void assertRule(Reply reply, String code) {
        assertThat(reply.status()).as(reply.toString()).isEqualTo(409);
        assertProblem(reply);
        assertThat(reply.json().get("code").asText()).isEqualTo(code);
        assertThat(reply.json().get("rule").asText()).isNotBlank();
    }
}
