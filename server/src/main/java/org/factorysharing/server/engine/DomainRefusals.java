package org.factorysharing.server.engine;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.factorysharing.api.shared.BusinessRuleViolation;
import org.factorysharing.api.shared.InvalidField;
import org.factorysharing.api.shared.NotPermitted;
import org.glassfish.jersey.spi.ExtendedExceptionMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Our rules' refusals in engine REST and in the webapps' REST API (the one Tasklist calls) as they are in our own
 * API: a task listener's {@link NotPermitted} is 403 (four-eyes, wrong group), {@link InvalidField} 400 naming the
 * field, {@link BusinessRuleViolation} 409 with its code; not the engine's 500 ("ENGINE-03051 There was an exception
 * while invoking the TaskListener"). The body is Camunda's error shape ({@code type}, {@code message}) plus
 * {@code field} or {@code code}; Tasklist shows the message.
 *
 * <p>The engine wraps a listener's exception in a {@link ProcessEngineException}, engine REST's complete and
 * submit-form wrap that in a {@link RestException}, a delegate's exception arrives unwrapped: one mapper for each, of
 * the same exception types as Camunda's own mappers but ranked before them, and each answers only when one of our
 * refusals is in the cause chain ({@link ExtendedExceptionMapper#isMappable}). Every other failure keeps Camunda's
 * answer.
 */
public final class DomainRefusals {

    /** The mappers, for both JAX-RS applications (see {@link EngineRefusalsRegistration}). */
    public static final List<Class<?>> MAPPERS = List.of(Engine.class, Rest.class, Direct.class);

    private static final Logger log = LoggerFactory.getLogger(DomainRefusals.class);

    /**
     * Tasklist rewrites a message containing these (case-sensitive) into its own words and clears the task from the
     * view ("the task does not exist", "the instance is suspended") or swallows it: said otherwise here.
     */
    private static final Map<String, String> TASKLIST_TRIGGERS = Map.of(
            "task is null", "task is missing",
            "No matching task", "No such task",
            "is suspended", "has been suspended",
            "submission prevented", "submission refused");

    private DomainRefusals() {}

    /** Our refusal in the exception's cause chain, or null. */
    static RuntimeException refusal(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof NotPermitted || t instanceof InvalidField || t instanceof BusinessRuleViolation) {
                return (RuntimeException) t;
            }
            if (t.getCause() == t) {
                return null;
            }
        }
        return null;
    }

    /** The answer to a failure whose cause chain holds one of our refusals. */
    static Response answer(Throwable failure) {
        RuntimeException refusal = refusal(failure);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", refusal.getClass().getSimpleName());
        body.put("message", forTasklist(refusal.getMessage()));
        int status;
        if (refusal instanceof NotPermitted) {
            status = 403;
        } else if (refusal instanceof InvalidField invalid) {
            status = 400;
            body.put("field", invalid.field());
        } else {
            status = 409;
            body.put("code", ((BusinessRuleViolation) refusal).code());
        }
        // Camunda's ExceptionLogger is not asked for these: they are answers, not failures
        log.debug("{} refused: {} {}", failure.getClass().getSimpleName(), status, refusal.getMessage());
        return Response.status(status)
                .type(MediaType.APPLICATION_JSON_TYPE)
                .entity(body)
                .build();
    }

    static String forTasklist(String message) {
        if (message == null) {
            return null;
        }
        String said = message;
        for (Map.Entry<String, String> trigger : TASKLIST_TRIGGERS.entrySet()) {
            said = said.replace(trigger.getKey(), trigger.getValue());
        }
        return said;
    }

    abstract static class Base<T extends Throwable> implements ExtendedExceptionMapper<T> {

        @Override
        public boolean isMappable(T failure) {
            return refusal(failure) != null;
        }

        @Override
        public Response toResponse(T failure) {
            return answer(failure);
        }
    }

    /** A task listener's refusal, wrapped by the engine (claim, assignee, delegate, ...). */
    @Provider
    @Priority(Priorities.USER - 1000)
    public static class Engine extends Base<ProcessEngineException> {}

    /** The same, wrapped again by engine REST's complete and submit-form. */
    @Provider
    @Priority(Priorities.USER - 1000)
    public static class Rest extends Base<RestException> {}

    /** A delegate's refusal (a command the process sends after the task), which the engine does not wrap. */
    @Provider
    @Priority(Priorities.USER - 1000)
    public static class Direct extends Base<RuntimeException> {}
}
