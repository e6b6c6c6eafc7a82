package org.factorysharing.web.factory;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import org.axonframework.eventhandling.GenericEventMessage;
import org.factorysharing.api.shared.ProgrammeTime;

/**
 * Days as the pages check them: today by the clock the command side stamps its events with (Western Indonesia Time),
 * and the range of days a person may enter (2000-01-01 .. ten years ahead, see {@link ProgrammeTime}).
 */
public final class ProgrammeDays {

    private ProgrammeDays() {}

    public static LocalDate today() {
        return ProgrammeTime.dateOf(GenericEventMessage.clock.instant());
    }

    /** Whether a day a person entered lies in the range the programme can use. */
    public static boolean usable(LocalDate day) {
        return day != null && ProgrammeTime.isUsable(day, today());
    }

    /** The Monday of the day's week: capacity is shown by whole weeks. */
    public static LocalDate weekOf(LocalDate day) {
        return day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
    }
}
