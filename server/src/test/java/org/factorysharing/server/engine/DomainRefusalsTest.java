package org.factorysharing.server.engine;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.ws.rs.core.Response;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.factorysharing.api.shared.BusinessRuleViolation;
import org.factorysharing.api.shared.InvalidField;
import org.factorysharing.api.shared.NotPermitted;
import org.junit.jupiter.api.Test;

/** What the mappers answer for our refusals however deeply wrapped, and that they leave everything else alone. */
class DomainRefusalsTest {

    @Test
    void aListenersRefusalWrappedByTheEngineAndByEngineRestIsAnsweredWithItsStatus() {
        var fourEyes = new NotPermitted("four-eyes: officer inspected the factory");
        var wrapped = new RestException(
                Response.Status.INTERNAL_SERVER_ERROR,
                new ProcessEngineException(
                        "ENGINE-03051 There was an exception while invoking the TaskListener", fourEyes),
                "Cannot complete task 1");

        assertThat(new DomainRefusals.Rest().isMappable(wrapped)).isTrue();
        Response response = new DomainRefusals.Rest().toResponse(wrapped);

        assertThat(response.getStatus()).isEqualTo(403);
        assertThat(response.getEntity())
                .isEqualTo(Map.of("type", "NotPermitted", "message", "four-eyes: officer inspected the factory"));
    }

    @Test
    void badInputNamesTheFieldAndABrokenRuleItsCode() {
        Response invalid = new DomainRefusals.Engine()
                .toResponse(new ProcessEngineException("x", new InvalidField("signOffReason", "is required")));
        Response rule = new DomainRefusals.Direct().toResponse(new BusinessRuleViolation("member.rejected", "no"));

        assertThat(invalid.getStatus()).isEqualTo(400);
        assertThat(invalid.getEntity())
                .isEqualTo(Map.of(
                        "type", "InvalidField", "message", "signOffReason is required", "field", "signOffReason"));
        assertThat(rule.getStatus()).isEqualTo(409);
        assertThat(rule.getEntity())
                .isEqualTo(Map.of("type", "BusinessRuleViolation", "message", "no", "code", "member.rejected"));
    }

    @Test
    void failuresThatAreNotOursAreLeftToCamundasMappers() {
        assertThat(new DomainRefusals.Engine().isMappable(new AuthorizationException("no")))
                .isFalse();
        assertThat(new DomainRefusals.Engine().isMappable(new ProcessEngineException("x", new IllegalStateException())))
                .isFalse();
        assertThat(new DomainRefusals.Rest().isMappable(new RestException("x"))).isFalse();
        assertThat(new DomainRefusals.Direct().isMappable(new IllegalArgumentException("x")))
                .isFalse();
    }

    @Test
    void wordsTasklistWouldRewriteAreSaidOtherwise() {
        assertThat(DomainRefusals.forTasklist("the factory is suspended; the task is null"))
                .isEqualTo("the factory has been suspended; the task is missing");
        assertThat(DomainRefusals.forTasklist("four-eyes: officer inspected the factory"))
                .isEqualTo("four-eyes: officer inspected the factory");
    }
}
