package org.factorysharing.server.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.MethodParameter;
import org.springframework.core.ResolvableType;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.method.HandlerMethod;

/**
 * What the OpenAPI document says beyond the controllers' signatures: the answer each operation really gives on
 * success (201, 202, 204 are not visible in a {@code ResponseEntity} return type), the problem+json answers every
 * operation can give, with the schema and an example, the request examples, and the two ways to sign in, so that
 * Swagger UI's "Authorize" works.
 *
 * <p>The success status comes from {@link ResponseStatus} on the handler, else 204 for a {@code ResponseEntity<Void>}
 * and 200 for anything else. A request record documents its example in a {@code static final EXAMPLE} field of its
 * own type: it sits next to the constraints it must meet, and a test validates it against them.
 */
@Configuration
class ApiDocumentation {

    static final String PROBLEM_JSON = "application/problem+json";
    static final String BASIC = "basicAuth";
    static final String BEARER = "bearerAuth";
    private static final String PROBLEM_SCHEMA = "#/components/schemas/Problem";

    /** The error answers, each with the case an example shows. */
    private enum Failure {
        BAD_REQUEST(
                400,
                "Invalid input: each bad field is named in errors; nothing was written",
                Map.of(
                        "type",
                        ProblemResponses.VALIDATION.toString(),
                        "title",
                        "Bad Request",
                        "status",
                        400,
                        "detail",
                        "Invalid request content.",
                        "errors",
                        new Object[] {Map.of("field", "nib", "message", "must be 13 digits")})),
        UNAUTHORIZED(
                401,
                "Not signed in, or the credentials are wrong (after too many failures with Retry-After)",
                Map.of("title", "Unauthorized", "status", 401, "detail", "Full authentication is required")),
        FORBIDDEN(
                403,
                "Signed in, but this role may not do this (or not for this member or factory)",
                Map.of("title", "Forbidden", "status", 403, "detail", "only officers may verify members")),
        NOT_FOUND(
                404,
                "No such id",
                Map.of(
                        "title",
                        "Not Found",
                        "status",
                        404,
                        "detail",
                        "member 6f1c0e1e-0000-4000-8000-000000000000 not found")),
        CONFLICT(
                409,
                "A business rule refused the command (rule and a stable code say which); nothing was written",
                Map.of(
                        "type", ProblemResponses.RULE.toString(),
                        "title", "Conflict",
                        "status", 409,
                        "detail", "a NIB can be registered only once",
                        "rule", "a NIB can be registered only once",
                        "code", "member.nib-taken")),
        PAYLOAD_TOO_LARGE(
                413,
                "The request body is over the limit",
                Map.of("title", "Payload Too Large", "status", 413, "detail", "The request body is larger than 1 MB.")),
        UNSUPPORTED_MEDIA_TYPE(
                415,
                "The body's content type is not one this operation reads",
                Map.of(
                        "title", "Unsupported Media Type",
                        "status", 415,
                        "detail", "Content-Type 'text/plain' is not supported."));

        final int status;
        final String description;
        final Map<String, Object> example;

        Failure(int status, String description, Map<String, Object> example) {
            this.status = status;
            this.description = description;
            this.example = example;
        }
    }

    @Bean
    OpenAPI factorySharingApi() {
        return new OpenAPI()
                .info(new Info()
                        .title("factory-sharing API")
                        .description("Shared factories for MSMEs (Rumah Produksi Bersama): members, factories,"
                                + " production jobs, the programme's waves, tasks, audit and administration."
                                + " Commands answer once their events are stored; read models follow within"
                                + " moments. Every error is application/problem+json.")
                        .version("v1"))
                .components(new Components()
                        .addSchemas("Problem", problemSchema())
                        .addSecuritySchemes(
                                BASIC,
                                new SecurityScheme()
                                        .type(SecurityScheme.Type.HTTP)
                                        .scheme("basic")
                                        .description("a user of the built-in identity store"))
                        .addSecuritySchemes(
                                BEARER,
                                new SecurityScheme()
                                        .type(SecurityScheme.Type.HTTP)
                                        .scheme("bearer")
                                        .bearerFormat("JWT")
                                        .description("an access token of the single sign-on issuer, when one is"
                                                + " configured (FS_OIDC_ISSUER_URI)")))
                .addSecurityItem(new SecurityRequirement().addList(BASIC))
                .addSecurityItem(new SecurityRequirement().addList(BEARER));
    }

    @Bean
    OperationCustomizer responsesAndExamples(ObjectMapper json) {
        return (operation, handler) -> {
            documentSuccess(operation, handler);
            documentFailures(operation, handler);
            requestBodyOf(handler)
                    .flatMap(ApiDocumentation::exampleOf)
                    .ifPresent(example -> operation
                            .getRequestBody()
                            .getContent()
                            .values()
                            .forEach(media -> media.setExample(json.convertValue(example, Object.class))));
            return operation;
        };
    }

    private static void documentSuccess(Operation operation, HandlerMethod handler) {
        HttpStatus status = successOf(handler);
        ApiResponses responses = operation.getResponses() == null ? new ApiResponses() : operation.getResponses();
        ApiResponse success = responses.get("200");
        responses.keySet().removeIf(code -> code.startsWith("2"));
        if (success == null) {
            success = new ApiResponse();
        }
        success.setDescription(
                switch (status) {
                    case CREATED -> "Created: the events are stored; Location names the new resource";
                    case ACCEPTED -> "Accepted: the events are stored; what follows runs in the workflow";
                    case NO_CONTENT -> "Done: the events are stored";
                    default -> "OK";
                });
        if (status == HttpStatus.NO_CONTENT) {
            success.setContent(null);
        }
        responses.addApiResponse(Integer.toString(status.value()), success);
        operation.setResponses(responses);
    }

    static HttpStatus successOf(HandlerMethod handler) {
        ResponseStatus declared = handler.getMethodAnnotation(ResponseStatus.class);
        if (declared != null) {
            return declared.code();
        }
        ResolvableType returned = ResolvableType.forMethodReturnType(handler.getMethod());
        if (ResponseEntity.class.equals(returned.resolve())
                && Void.class.equals(returned.getGeneric(0).resolve())) {
            return HttpStatus.NO_CONTENT;
        }
        return HttpStatus.OK;
    }

    private static void documentFailures(Operation operation, HandlerMethod handler) {
        boolean reads = handler.hasMethodAnnotation(GetMapping.class);
        boolean hasBody = requestBodyOf(handler).isPresent() || operation.getRequestBody() != null;
        boolean hasInput = hasBody
                || (operation.getParameters() != null
                        && !operation.getParameters().isEmpty());
        boolean namesAnId = operation.getParameters() != null
                && operation.getParameters().stream().anyMatch(p -> "path".equals(p.getIn()));
        for (Failure failure : Failure.values()) {
            boolean applies = switch (failure) {
                case BAD_REQUEST -> hasInput;
                case UNAUTHORIZED, FORBIDDEN -> true;
                case NOT_FOUND -> namesAnId;
                case CONFLICT -> !reads;
                case PAYLOAD_TOO_LARGE, UNSUPPORTED_MEDIA_TYPE -> hasBody;
            };
            if (applies) {
                operation.getResponses().addApiResponse(Integer.toString(failure.status), problem(failure));
            }
        }
    }

    private static ApiResponse problem(Failure failure) {
        return new ApiResponse()
                .description(failure.description)
                .content(new Content()
                        .addMediaType(
                                PROBLEM_JSON,
                                new MediaType()
                                        .schema(new Schema<>().$ref(PROBLEM_SCHEMA))
                                        .example(failure.example)));
    }

    private static Schema<?> problemSchema() {
        Map<String, Schema> properties = new LinkedHashMap<>();
        properties.put("type", new StringSchema().format("uri").description("the kind of problem"));
        properties.put("title", new StringSchema().description("the HTTP status in words"));
        properties.put("status", new IntegerSchema().description("the HTTP status"));
        properties.put("detail", new StringSchema().description("what went wrong, for a person"));
        properties.put("instance", new StringSchema().format("uri").description("the path asked for"));
        properties.put(
                "errors",
                new ArraySchema()
                        .items(new ObjectSchema()
                                .addProperty("field", new StringSchema().description("the bad field"))
                                .addProperty("message", new StringSchema().description("why it is refused")))
                        .description("400: each bad field"));
        properties.put("rule", new StringSchema().description("409: the business rule that refused the command"));
        properties.put("code", new StringSchema().description("409: the rule's stable code, for programs"));
        return new ObjectSchema()
                .description("RFC 9457 problem details")
                .properties(properties)
                .required(java.util.List.of("title", "status"));
    }

    private static Optional<Class<?>> requestBodyOf(HandlerMethod handler) {
        return Arrays.stream(handler.getMethodParameters())
                .filter(parameter -> parameter.hasParameterAnnotation(RequestBody.class))
                .findFirst()
                .map(MethodParameter::getParameterType);
    }

    /** The request's example: its type's own {@code static final EXAMPLE} field, if it has one. */
    static Optional<Object> exampleOf(Class<?> requestType) {
        try {
            Field field = requestType.getDeclaredField("EXAMPLE");
            int modifiers = field.getModifiers();
            if (!Modifier.isStatic(modifiers) || !field.getType().equals(requestType)) {
                return Optional.empty();
            }
            field.setAccessible(true);
            return Optional.ofNullable(field.get(null));
        } catch (NoSuchFieldException e) {
            return Optional.empty();
        } catch (IllegalAccessException e) {
            throw new IllegalStateException("the example of " + requestType.getName() + " cannot be read", e);
        }
    }
}
