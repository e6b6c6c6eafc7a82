package org.factorysharing.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.method.HandlerMethod;

class ApiDocumentationTest {

    private static ValidatorFactory validators;
    private static Validator validator;

    @BeforeAll
    static void validator() {
        validators = Validation.buildDefaultValidatorFactory();
        validator = validators.getValidator();
    }

    @AfterAll
    static void close() {
        validators.close();
    }

    @Test
    void every_json_request_body_of_the_api_has_an_example_that_its_own_constraints_accept() {
        Set<String> bodies = new TreeSet<>();
        for (JavaClass controller : new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.factorysharing.server")) {
            if (!controller.isAnnotatedWith(RestController.class)) {
                continue;
            }
            for (Method method : controller.reflect().getDeclaredMethods()) {
                for (Parameter parameter : method.getParameters()) {
                    if (parameter.isAnnotationPresent(RequestBody.class) && parameter.getType() != byte[].class) {
                        bodies.add(parameter.getType().getName());
                        Object example = ApiDocumentation.exampleOf(parameter.getType())
                                .orElseThrow(() ->
                                        new AssertionError(parameter.getType().getName() + " (a request body of "
                                                + method + ") has no EXAMPLE"));
                        Set<ConstraintViolation<Object>> violations = validator.validate(example);
                        assertThat(violations)
                                .as("the example of %s", parameter.getType().getSimpleName())
                                .isEmpty();
                    }
                }
            }
        }
        // the scan found the API's request bodies (a wrong package would find none and prove nothing)
        assertThat(bodies).hasSizeGreaterThan(10).anyMatch(name -> name.endsWith("RegisterMemberRequest"));
    }

    @Test
    void a_declared_status_is_the_documented_success() throws Exception {
        assertThat(ApiDocumentation.successOf(handler("create"))).isEqualTo(HttpStatus.CREATED);
    }

    @Test
    void a_response_without_a_body_is_documented_as_204() throws Exception {
        assertThat(ApiDocumentation.successOf(handler("change"))).isEqualTo(HttpStatus.NO_CONTENT);
    }

    @Test
    void a_response_with_a_body_and_no_declared_status_is_documented_as_200() throws Exception {
        assertThat(ApiDocumentation.successOf(handler("read"))).isEqualTo(HttpStatus.OK);
        assertThat(ApiDocumentation.successOf(handler("readEntity"))).isEqualTo(HttpStatus.OK);
    }

    @Test
    void a_type_without_an_example_field_has_none() {
        assertThat(ApiDocumentation.exampleOf(String.class)).isEmpty();
    }

    private static HandlerMethod handler(String name) {
        Method method = Arrays.stream(Handlers.class.getDeclaredMethods())
                .filter(m -> m.getName().equals(name))
                .findFirst()
                .orElseThrow();
        return new HandlerMethod(new Handlers(), method);
    }

    static class Handlers {
        @ResponseStatus(HttpStatus.CREATED)
        ResponseEntity<String> create() {
            return ResponseEntity.status(HttpStatus.CREATED).body("created");
        }

        ResponseEntity<Void> change() {
            return ResponseEntity.noContent().build();
        }

        String read() {
            return "read";
        }

        ResponseEntity<String> readEntity() {
            return ResponseEntity.ok("read");
        }
    }
}
