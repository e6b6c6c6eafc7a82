package org.factorysharing.command.shared;

import java.time.Instant;
import java.time.LocalDate;
import org.axonframework.eventhandling.GenericEventMessage;
import org.factorysharing.api.shared.BusinessRuleViolation;
import org.factorysharing.api.shared.InvalidField;
import org.factorysharing.api.shared.ProgrammeTime;

/** Input checks and the programme clock shared by the aggregates. Bad input throws; rules are violations. */
public final class Require {

    private Require() {}

    public static String text(String value, String field) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(field + " is required");
        }
        return value.strip();
    }

    /**
     * A day a person entered: required, and in the range the programme can use (checked at the door too; here again
     * so that no path stores an absurd date).
     */
    public static LocalDate usableDate(LocalDate day, String field) {
        if (day == null) {
            throw new InvalidField(field, "is required");
        }
        if (!ProgrammeTime.isUsable(day, today())) {
            throw new InvalidField(field, ProgrammeTime.usableRange(today()));
        }
        return day;
    }

    public static void that(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException(message);
        }
    }

    public static BusinessRuleViolation violation(String code, String rule) {
        return new BusinessRuleViolation(code, rule);
    }

    /** The current instant, from Axon's event clock so that fixtures can move time. */
    public static Instant now() {
        return GenericEventMessage.clock.instant();
    }

    /** Today on the programme calendar, from Axon's event clock so that fixtures can move time. */
    public static LocalDate today() {
        return ProgrammeTime.dateOf(GenericEventMessage.clock.instant());
    }
}
