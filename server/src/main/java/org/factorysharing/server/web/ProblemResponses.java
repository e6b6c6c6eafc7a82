package org.factorysharing.server.web;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import jakarta.validation.ConstraintViolationException;
import java.net.URI;
import java.util.List;
import java.util.stream.Collectors;
import org.axonframework.eventsourcing.IncompatibleAggregateException;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.factorysharing.api.shared.BusinessRuleViolation;
import org.factorysharing.api.shared.ConcurrentChange;
import org.factorysharing.api.shared.DuplicateEntity;
import org.factorysharing.api.shared.InvalidField;
import org.factorysharing.api.shared.NotFound;
import org.factorysharing.api.shared.NotPermitted;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Every error of the API as application/problem+json: 400 names each bad field, 404 unknown ids,
 * 409 a broken rule in words. Never a stack trace or SQL: unexpected failures are logged, not shown.
 */
@RestControllerAdvice(basePackages = "org.factorysharing.server")
class ProblemResponses extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemResponses.class);
    static final URI VALIDATION = URI.create("https://factorysharing.org/problems/validation");
    static final URI RULE = URI.create("https://factorysharing.org/problems/business-rule");

    /** One invalid input field. */
    record FieldError(String field, String message) {}

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(
            MethodArgumentNotValidException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<FieldError> errors = ex.getBindingResult().getFieldErrors().stream()
                .map(e -> new FieldError(e.getField(), e.getDefaultMessage()))
                .toList();
        return problem(invalid(errors));
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(
            HandlerMethodValidationException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<FieldError> errors = ex.getParameterValidationResults().stream()
                .flatMap(result -> result.getResolvableErrors().stream()
                        .map(error -> new FieldError(
                                result.getMethodParameter().getParameterName(), error.getDefaultMessage())))
                .toList();
        return problem(invalid(errors));
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(
            HttpMessageNotReadableException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        for (Throwable t = ex; t != null; t = t.getCause()) {
            if (t instanceof BodyTooLarge tooLarge) {
                return tooLarge(tooLarge);
            }
        }
        Throwable cause = ex.getCause();
        if (cause instanceof UnrecognizedPropertyException unknown) {
            return problem(invalid(List.of(new FieldError(path(unknown), "unknown field"))));
        }
        if (cause instanceof MismatchedInputException mismatch
                && !mismatch.getPath().isEmpty()) {
            return problem(invalid(List.of(new FieldError(path(mismatch), expectation(mismatch)))));
        }
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(
                HttpStatus.BAD_REQUEST, "The request body is not valid JSON of the expected shape.");
        problem.setType(VALIDATION);
        return problem(problem);
    }

    @Override
    protected ResponseEntity<Object> handleMissingServletRequestParameter(
            MissingServletRequestParameterException ex,
            HttpHeaders headers,
            HttpStatusCode status,
            WebRequest request) {
        return problem(invalid(List.of(new FieldError(ex.getParameterName(), "is required"))));
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<Object> typeMismatch(MethodArgumentTypeMismatchException ex) {
        String message = ex.getRequiredType() != null && ex.getRequiredType().isEnum()
                ? "must be one of " + List.of(ex.getRequiredType().getEnumConstants())
                : "has the wrong format";
        return problem(invalid(List.of(new FieldError(ex.getName(), message))));
    }

    @ExceptionHandler(ConstraintViolationException.class)
    ResponseEntity<Object> constraintViolation(ConstraintViolationException ex) {
        List<FieldError> errors = ex.getConstraintViolations().stream()
                .map(v -> new FieldError(lastNode(v.getPropertyPath().toString()), v.getMessage()))
                .toList();
        return problem(invalid(errors));
    }

    @ExceptionHandler(AccessDeniedException.class)
    ResponseEntity<Object> accessDenied(AccessDeniedException ex) {
        return problem(ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN, ex.getMessage()));
    }

    /**
     * The domain's answers, whichever module gave them and however they arrive: a rule broken in a delegate's command
     * reaches us inside the engine's exception, a query's inside the gateway's CompletionException.
     */
    @ExceptionHandler(Exception.class)
    ResponseEntity<Object> domain(Exception ex) throws Exception {
        for (Throwable t = ex; t != null; t = t.getCause()) {
            if (t instanceof BodyTooLarge tooLarge) {
                return tooLarge(tooLarge);
            }
            if (t instanceof InvalidField invalid) {
                return problem(invalid(List.of(new FieldError(invalid.field(), invalid.reason()))));
            }
            if (t instanceof NotFound notFound) {
                return problem(
                        ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, notFound.getMessage() + " not found"));
            }
            if (t instanceof AggregateNotFoundException notFound) {
                return problem(ProblemDetail.forStatusAndDetail(
                        HttpStatus.NOT_FOUND, "nothing with id " + notFound.getAggregateIdentifier() + " exists"));
            }
            if (t instanceof IncompatibleAggregateException) {
                // the id names another kind of aggregate (a member's id given as a factory's): nothing of this kind
                return problem(ProblemDetail.forStatusAndDetail(
                        HttpStatus.NOT_FOUND, "nothing of this kind with this id exists"));
            }
            if (t instanceof NotPermitted notPermitted) {
                return problem(ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN, notPermitted.getMessage()));
            }
            if (t instanceof ConcurrencyException) {
                return rule(new ConcurrentChange("someone else changed this at the same moment; reload and try again"));
            }
            if (t instanceof BusinessRuleViolation violation) {
                return rule(violation);
            }
            if (t instanceof IllegalArgumentException illegal && t == ex) {
                ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, illegal.getMessage());
                problem.setType(VALIDATION);
                return problem(problem);
            }
        }
        if (ex instanceof org.springframework.web.ErrorResponse) {
            throw ex; // Spring MVC's own (405, 406, ...): let the base class answer
        }
        log.error("Unexpected error", ex);
        return problem(ProblemDetail.forStatusAndDetail(
                HttpStatus.INTERNAL_SERVER_ERROR, "Unexpected error; it has been logged."));
    }

    /** What the field should have been, in words a person can act on. */
    private static String expectation(MismatchedInputException mismatch) {
        Class<?> target = mismatch.getTargetType();
        if (mismatch.getOriginalMessage() != null
                && mismatch.getOriginalMessage().contains("unpaired surrogate")) {
            return "contains an unpaired surrogate (no character)";
        }
        if (target == null) {
            return "has the wrong type";
        }
        if (target.isEnum()) {
            return "must be one of " + List.of(target.getEnumConstants());
        }
        if (target == int.class || target == Integer.class || target == long.class || target == Long.class) {
            return "must be a whole number (no fraction, no quotes)";
        }
        if (target == double.class || target == Double.class) {
            return "must be a number (no quotes)";
        }
        if (target == boolean.class || target == Boolean.class) {
            return "must be true or false";
        }
        if (target == java.time.LocalDate.class) {
            return "must be a date such as 2026-12-31";
        }
        return "has the wrong type";
    }

    /** The body is larger than the server takes; nothing of it was used. */
    static ResponseEntity<Object> tooLarge(BodyTooLarge tooLarge) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(
                HttpStatus.PAYLOAD_TOO_LARGE,
                "The request body is larger than " + tooLarge.limit() + " bytes, the most this request takes.");
        problem.setTitle("Request body too large");
        return problem(problem);
    }

    private ResponseEntity<Object> rule(BusinessRuleViolation violation) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, violation.rule());
        problem.setType(RULE);
        problem.setTitle(violation instanceof DuplicateEntity ? "Already exists" : "Business rule violated");
        problem.setProperty("rule", violation.rule());
        problem.setProperty("code", violation.code());
        return problem(problem);
    }

    private static ProblemDetail invalid(List<FieldError> errors) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(
                HttpStatus.BAD_REQUEST,
                "Invalid fields: "
                        + errors.stream().map(FieldError::field).distinct().collect(Collectors.joining(", ")));
        problem.setType(VALIDATION);
        problem.setTitle("Invalid input");
        problem.setProperty("errors", errors);
        return problem;
    }

    private static ResponseEntity<Object> problem(ProblemDetail problem) {
        return ResponseEntity.status(problem.getStatus())
                .contentType(org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
    }

    private static String path(JsonMappingException ex) {
        return ex.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining("."))
                .replace(".[", "[");
    }

    private static String lastNode(String path) {
        int dot = path.lastIndexOf('.');
        return dot < 0 ? path : path.substring(dot + 1);
    }
}
