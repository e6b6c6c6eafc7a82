package org.factorysharing.web.shared;

import java.text.NumberFormat;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;
import org.factorysharing.api.shared.ProgrammeTime;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * Dates, times and numbers as a person of the page's language writes them: days and times in Western Indonesia
 * Time, numbers with the language's separators ({@code 1.234,5} in Indonesian). Used in templates as
 * {@code ${@fmt.date(day)}}.
 */
@Component("fmt")
public class Fmt {

    public String date(LocalDate day) {
        return day == null
                ? ""
                : day.format(
                        DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(locale()));
    }

    /** An instant as a day and time in Western Indonesia Time, with the zone's name (WIB). */
    public String dateTime(Instant instant) {
        if (instant == null) {
            return "";
        }
        return DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
                        .withLocale(locale())
                        .withZone(ProgrammeTime.ZONE)
                        .format(instant)
                + " WIB";
    }

    public String number(Number value) {
        return value == null ? "" : NumberFormat.getNumberInstance(locale()).format(value);
    }

    /** A number with one decimal, e.g. 1.234,5 in Indonesian. */
    public String decimal(Number value) {
        if (value == null) {
            return "";
        }
        NumberFormat format = NumberFormat.getNumberInstance(locale());
        format.setMinimumFractionDigits(1);
        format.setMaximumFractionDigits(1);
        return format.format(value);
    }

    /** A rate (0..1) as a percentage with one decimal, e.g. 83,3 %. */
    public String percent(Number rate) {
        if (rate == null) {
            return "";
        }
        NumberFormat format = NumberFormat.getPercentInstance(locale());
        format.setMinimumFractionDigits(1);
        format.setMaximumFractionDigits(1);
        return format.format(rate.doubleValue());
    }

    /** Today in Western Indonesia Time, for date fields' defaults and bounds. */
    public LocalDate today() {
        return LocalDate.now(ProgrammeTime.ZONE);
    }

    private static Locale locale() {
        return LocaleContextHolder.getLocale();
    }
}
