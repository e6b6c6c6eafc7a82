package org.factorysharing.web.audit;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import org.factorysharing.api.shared.ProgrammeTime;
import org.springframework.validation.Errors;

/**
 * The moment an aggregate's state is asked for: a day and a time of day (to the second) in Western Indonesia Time;
 * without them, now. Read at the door: an impossible or absurd date or time is refused next to its field.
 */
public class StateForm {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("H:mm[:ss]");

    private String date;
    private String time;

    /** The instant asked for, or null when the form holds errors (recorded in {@code errors}). */
    Instant instant(Errors errors, Instant now) {
        LocalDate today = LocalDate.ofInstant(now, ProgrammeTime.ZONE);
        LocalDate day = today;
        LocalTime clock = LocalTime.ofInstant(now, ProgrammeTime.ZONE).truncatedTo(ChronoUnit.SECONDS);
        if (date != null && !date.isBlank()) {
            try {
                day = LocalDate.parse(date.strip());
                if (!ProgrammeTime.isUsable(day, today)) {
                    errors.rejectValue(
                            "date",
                            "audit.filter.date-range",
                            new Object[] {
                                ProgrammeTime.EARLIEST.toString(),
                                ProgrammeTime.latest(today).toString()
                            },
                            null);
                }
            } catch (DateTimeParseException notADay) {
                errors.rejectValue("date", "typeMismatch.java.time.LocalDate");
            }
        }
        if (time != null && !time.isBlank()) {
            try {
                clock = LocalTime.parse(time.strip(), TIME);
            } catch (DateTimeParseException notATime) {
                errors.rejectValue("time", "audit.state.time.invalid");
            }
        } else if (date != null && !date.isBlank()) {
            clock = LocalTime.MAX.truncatedTo(ChronoUnit.SECONDS); // a day alone: its end
        }
        if (errors.hasErrors()) {
            return null;
        }
        // the whole second: an event stored at 10:15:30.250 belongs to 10:15:30
        return day.atTime(clock).atZone(ProgrammeTime.ZONE).toInstant().plusNanos(999_999_999);
    }

    /** What the inputs show: what was entered, else the moment used. */
    void show(Instant at) {
        if (at != null && (date == null || date.isBlank())) {
            date = LocalDate.ofInstant(at, ProgrammeTime.ZONE).toString();
        }
        if (at != null && (time == null || time.isBlank())) {
            time = LocalTime.ofInstant(at, ProgrammeTime.ZONE)
                    .truncatedTo(ChronoUnit.SECONDS)
                    .format(DateTimeFormatter.ofPattern("HH:mm:ss"));
        }
    }

    public String getDate() {
        return date;
    }

    public void setDate(String date) {
        this.date = date;
    }

    public String getTime() {
        return time;
    }

    public void setTime(String time) {
        this.time = time;
    }
}
