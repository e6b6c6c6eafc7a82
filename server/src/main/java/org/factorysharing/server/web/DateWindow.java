package org.factorysharing.server.web;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import org.axonframework.eventhandling.GenericEventMessage;
import org.factorysharing.api.shared.InvalidField;
import org.factorysharing.api.shared.ProgrammeTime;

/** Checks of date parameters in the programme's calendar; a failure is a 400 naming the parameter. */
public final class DateWindow {

    private DateWindow() {}

    /** Today in Western Indonesia Time, by the clock the command side stamps its events with. */
    public static LocalDate today() {
        return ProgrammeTime.dateOf(GenericEventMessage.clock.instant());
    }

    /** {@code from..to} inclusive must run forwards and span at most {@code maxDays} days after {@code from}. */
    public static void require(String fromName, LocalDate from, String toName, LocalDate to, int maxDays) {
        if (to.isBefore(from)) {
            throw new InvalidField(toName, "must not be before " + fromName);
        }
        if (ChronoUnit.DAYS.between(from, to) > maxDays) {
            throw new InvalidField(toName, "must be at most " + maxDays + " days after " + fromName);
        }
    }
}
