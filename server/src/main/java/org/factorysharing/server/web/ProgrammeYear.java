package org.factorysharing.server.web;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.factorysharing.api.shared.ProgrammeTime;

/** A year a person enters: from 2000 to ten years after this year, as for dates ({@link ProgrammeDate}). */
@Constraint(validatedBy = ProgrammeYear.Validator.class)
@Target({ElementType.PARAMETER, ElementType.FIELD, ElementType.RECORD_COMPONENT})
@Retention(RetentionPolicy.RUNTIME)
public @interface ProgrammeYear {

    String message() default "must lie between 2000 and ten years after this year";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    /** Null is left to @NotNull. */
    class Validator implements ConstraintValidator<ProgrammeYear, Integer> {

        @Override
        public boolean isValid(Integer year, ConstraintValidatorContext context) {
            int latest = ProgrammeTime.latest(DateWindow.today()).getYear();
            if (year == null || year >= ProgrammeTime.EARLIEST.getYear() && year <= latest) {
                return true;
            }
            context.disableDefaultConstraintViolation();
            context.buildConstraintViolationWithTemplate(
                            "must lie between " + ProgrammeTime.EARLIEST.getYear() + " and " + latest)
                    .addConstraintViolation();
            return false;
        }
    }
}
