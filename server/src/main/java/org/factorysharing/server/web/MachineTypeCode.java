package org.factorysharing.server.web;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import jakarta.validation.ReportAsSingleViolation;
import jakarta.validation.constraints.Pattern;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** A machine type as the programme codes it: upper case, digits and underscores, e.g. COCONUT_OIL_PRESS. */
@Pattern(regexp = "[A-Z][A-Z0-9_]{1,63}")
@ReportAsSingleViolation
@Constraint(validatedBy = {})
@Target({ElementType.PARAMETER, ElementType.FIELD, ElementType.RECORD_COMPONENT})
@Retention(RetentionPolicy.RUNTIME)
public @interface MachineTypeCode {

    String message() default "must be an upper-case code such as CNC_ROUTER";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
