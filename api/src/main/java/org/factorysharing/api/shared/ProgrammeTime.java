package org.factorysharing.api.shared;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/** The programme's reference calendar: dates such as qualification expiry are days in Western Indonesia Time. */
public final class ProgrammeTime {

    public static final ZoneId ZONE = ZoneId.of("Asia/Jakarta");

    private ProgrammeTime() {}

    public static LocalDate dateOf(Instant instant) {
        return LocalDate.ofInstant(instant, ZONE);
    }
}
