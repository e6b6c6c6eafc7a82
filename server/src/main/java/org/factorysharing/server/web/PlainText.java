package org.factorysharing.server.web;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import jakarta.validation.ReportAsSingleViolation;
import jakarta.validation.constraints.Pattern;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.factorysharing.api.shared.TextRules;

/**
 * Text without control characters (tab and line breaks allowed). PostgreSQL refuses NUL in text columns,
 * so without this check such input would be stored as an event and then stop a projection.
 */
@Pattern(regexp = PlainText.PATTERN)
@ReportAsSingleViolation
@Constraint(validatedBy = {})
@Target({ElementType.PARAMETER, ElementType.FIELD, ElementType.RECORD_COMPONENT})
@Retention(RetentionPolicy.RUNTIME)
public @interface PlainText {

    String PATTERN = TextRules.PLAIN;

    String message() default "must not contain control characters";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
