package org.factorysharing.web.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import org.factorysharing.api.audit.AuditQueries.EventFilter;
import org.junit.jupiter.api.Test;
import org.springframework.validation.BeanPropertyBindingResult;

/** The event log's filters: days are whole days in Western Indonesia Time, and bad values are named at the door. */
class EventFilterFormTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 27);

    @Test
    void daysAreWholeDaysInWesternIndonesiaTimeWithTheLastOneIncluded() {
        EventFilterForm form = new EventFilterForm();
        form.setFrom(LocalDate.of(2026, 11, 1));
        form.setTo(LocalDate.of(2026, 11, 2));
        form.setActor(" dewi ");
        form.setAggregateType(" ");

        EventFilter filter = form.filter();

        assertThat(filter.from()).isEqualTo(Instant.parse("2026-10-31T17:00:00Z"));
        assertThat(filter.to()).isEqualTo(Instant.parse("2026-11-02T17:00:00Z"));
        assertThat(filter.user()).isEqualTo("dewi");
        assertThat(filter.aggregateType()).isNull();
    }

    @Test
    void theDownloadsCarryTheFiltersEncodedAndNotTheCursor() {
        EventFilterForm form = new EventFilterForm();
        form.setActor("gita, \"si\" auditor+1");
        form.setAggregateType("Member");
        form.setAfter(42L);
        form.setLimit(2);

        assertThat(form.download("csv"))
                .isEqualTo("/audit/export?format=csv&aggregateType=Member&actor=gita%2C+%22si%22+auditor%2B1");
        assertThat(form.base()).isEqualTo("/audit?aggregateType=Member&actor=gita%2C+%22si%22+auditor%2B1&limit=2");
        assertThat(new EventFilterForm().base()).isEqualTo("/audit");
    }

    @Test
    void badValuesAreNamedByField() {
        EventFilterForm form = new EventFilterForm();
        form.setEventType("member.Registered");
        form.setFrom(LocalDate.of(1999, 12, 31));
        form.setTo(TODAY.plusYears(11));
        form.setAggregateId("a\u0000b");
        BeanPropertyBindingResult errors = new BeanPropertyBindingResult(form, "filter");

        form.check(errors, TODAY);

        assertThat(errors.getFieldErrors())
                .extracting(e -> e.getField() + ":" + e.getCode())
                .containsExactlyInAnyOrder(
                        "aggregateId:audit.filter.text",
                        "eventType:audit.filter.eventType.invalid",
                        "from:audit.filter.date-range",
                        "to:audit.filter.date-range");
    }

    @Test
    void theLastDayMayNotComeBeforeTheFirst() {
        EventFilterForm form = new EventFilterForm();
        form.setFrom(TODAY);
        form.setTo(TODAY.minusDays(1));
        BeanPropertyBindingResult errors = new BeanPropertyBindingResult(form, "filter");

        form.check(errors, TODAY);

        assertThat(errors.getFieldError("to").getCode()).isEqualTo("audit.filter.to-before-from");
        assertThat(form.limitValue()).isEqualTo(EventFilterForm.DEFAULT_LIMIT);
    }
}
