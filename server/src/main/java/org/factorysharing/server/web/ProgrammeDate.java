package org.factorysharing.server.web;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.time.LocalDate;
import org.factorysharing.api.shared.ProgrammeTime;

/**
 * A day a person enters: between 2000-01-01 and ten years after today (Western Indonesia Time), see
 * {@link ProgrammeTime}. An absurd date is refused here, at the door, and again by the command side.
 */
@Constraint(validatedBy = ProgrammeDate.Validator.class)
@Target({ElementType.PARAMETER, ElementType.FIELD, ElementType.RECORD_COMPONENT})
@Retention(RetentionPolicy.RUNTIME)
public @interface ProgrammeDate {

    String message() default "must lie between 2000-01-01 and ten years after today";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    /** Null is left to @NotNull; the message names today's exact bounds. */
    class Validator implements ConstraintValidator<ProgrammeDate, LocalDate> {

        @Override
        public boolean isValid(LocalDate day, ConstraintValidatorContext context) {
            LocalDate today = DateWindow.today();
            if (day == null || ProgrammeTime.isUsable(day, today)) {
                return true;
            }
            context.disableDefaultConstraintViolation();
            context.buildConstraintViolationWithTemplate(ProgrammeTime.usableRange(today))
                    .addConstraintViolation();
            return false;
        }
    }
}
