package org.factorysharing.api.shared;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * The programme's reference calendar: dates such as qualification expiry are days in Western Indonesia Time, and
 * every date a person enters lies between {@link #EARLIEST} and ten years after today, so that an absurd date (a
 * typo of the year, a date centuries away) is refused at the door instead of being stored.
 */
public final class ProgrammeTime {

    public static final ZoneId ZONE = ZoneId.of("Asia/Jakarta");

    /** The first day the programme's records may name (its history starts well after it). */
    public static final LocalDate EARLIEST = LocalDate.of(2000, 1, 1);

    /** How far ahead a date may lie: plans, deadlines and expiries within ten years. */
    public static final int YEARS_AHEAD = 10;

    private ProgrammeTime() {}

    public static LocalDate dateOf(Instant instant) {
        return LocalDate.ofInstant(instant, ZONE);
    }

    /** The last day a date may name, seen from today. */
    public static LocalDate latest(LocalDate today) {
        return today.plusYears(YEARS_AHEAD);
    }

    /** Whether the day lies in the range the programme can use, seen from today. */
    public static boolean isUsable(LocalDate day, LocalDate today) {
        return !day.isBefore(EARLIEST) && !day.isAfter(latest(today));
    }

    /** The rule in words, for an answer that names the field. */
    public static String usableRange(LocalDate today) {
        return "must lie between " + EARLIEST + " and " + latest(today);
    }
}
