package org.factorysharing.web.audit;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.StringJoiner;
import java.util.regex.Pattern;
import org.factorysharing.api.audit.AuditQueries.EventFilter;
import org.factorysharing.api.shared.ProgrammeTime;
import org.factorysharing.api.shared.TextRules;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.validation.Errors;

/**
 * The event log's filters as the GET form sends them: aggregate type and id, event type (a simple name such as
 * MemberRegistered), actor (the user id in the metadata), and days from and to (inclusive, in Western Indonesia
 * Time), checked at the door like the API's parameters; plus the cursor ({@code after}) and the page's length.
 */
public class EventFilterForm {

    static final int DEFAULT_LIMIT = 50;
    static final int MAX_LIMIT = 500;
    static final int MAX_TEXT = 200;
    private static final Pattern SIMPLE_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    private String aggregateType;
    private String aggregateId;
    private String eventType;
    private String actor;

    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    private LocalDate from;

    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    private LocalDate to;

    private Long after;
    private Integer limit;

    /** Checks the values the binding let through; errors name the field, in the bundles' words. */
    void check(Errors errors, LocalDate today) {
        text(errors, "aggregateType", aggregateType);
        text(errors, "aggregateId", aggregateId);
        text(errors, "actor", actor);
        if (blankToNull(eventType) != null
                && !SIMPLE_NAME.matcher(eventType.strip()).matches()) {
            errors.rejectValue("eventType", "audit.filter.eventType.invalid");
        }
        Object[] range = {
            ProgrammeTime.EARLIEST.toString(), ProgrammeTime.latest(today).toString()
        };
        if (from != null && !ProgrammeTime.isUsable(from, today)) {
            errors.rejectValue("from", "audit.filter.date-range", range, null);
        }
        if (to != null && !ProgrammeTime.isUsable(to, today)) {
            errors.rejectValue("to", "audit.filter.date-range", range, null);
        }
        if (from != null && to != null && to.isBefore(from) && !errors.hasFieldErrors("to")) {
            errors.rejectValue("to", "audit.filter.to-before-from");
        }
    }

    private static void text(Errors errors, String field, String value) {
        if (value != null && (value.length() > MAX_TEXT || !value.matches(TextRules.PLAIN))) {
            errors.rejectValue(field, "audit.filter.text", new Object[] {MAX_TEXT}, null);
        }
    }

    /** The filter of the audit queries: {@code from} the start of its day, {@code to} the end of its day, in WIB. */
    EventFilter filter() {
        return new EventFilter(
                blankToNull(aggregateId),
                blankToNull(aggregateType),
                blankToNull(eventType),
                blankToNull(actor),
                from == null ? null : startOf(from),
                to == null ? null : startOf(to.plusDays(1)));
    }

    static Instant startOf(LocalDate day) {
        return day.atStartOfDay(ProgrammeTime.ZONE).toInstant();
    }

    public long afterValue() {
        return after == null || after < 0 ? 0 : after;
    }

    public int limitValue() {
        return limit == null ? DEFAULT_LIMIT : Math.min(MAX_LIMIT, Math.max(1, limit));
    }

    /** The filters as query parameters (without cursor and length), for the downloads and the next page. */
    public String query() {
        StringJoiner query = new StringJoiner("&");
        add(query, "aggregateType", blankToNull(aggregateType));
        add(query, "aggregateId", blankToNull(aggregateId));
        add(query, "eventType", blankToNull(eventType));
        add(query, "actor", blankToNull(actor));
        add(query, "from", from);
        add(query, "to", to);
        return query.toString();
    }

    /** The log's address with these filters and the page's length, without the cursor. */
    public String base() {
        String query = query();
        if (limitValue() != DEFAULT_LIMIT) {
            query = (query.isEmpty() ? "" : query + "&") + "limit=" + limitValue();
        }
        return query.isEmpty() ? "/audit" : "/audit?" + query;
    }

    /** A download of the filtered log in {@code format} (csv or jsonl). */
    public String download(String format) {
        String query = query();
        return "/audit/export?format=" + format + (query.isEmpty() ? "" : "&" + query);
    }

    private static void add(StringJoiner query, String name, Object value) {
        if (value != null) {
            query.add(name + "=" + URLEncoder.encode(value.toString(), StandardCharsets.UTF_8));
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    public String getAggregateType() {
        return aggregateType;
    }

    public void setAggregateType(String aggregateType) {
        this.aggregateType = aggregateType;
    }

    public String getAggregateId() {
        return aggregateId;
    }

    public void setAggregateId(String aggregateId) {
        this.aggregateId = aggregateId;
    }

    public String getEventType() {
        return eventType;
    }

    public void setEventType(String eventType) {
        this.eventType = eventType;
    }

    public String getActor() {
        return actor;
    }

    public void setActor(String actor) {
        this.actor = actor;
    }

    public LocalDate getFrom() {
        return from;
    }

    public void setFrom(LocalDate from) {
        this.from = from;
    }

    public LocalDate getTo() {
        return to;
    }

    public void setTo(LocalDate to) {
        this.to = to;
    }

    public Long getAfter() {
        return after;
    }

    public void setAfter(Long after) {
        this.after = after;
    }

    public Integer getLimit() {
        return limit;
    }

    public void setLimit(Integer limit) {
        this.limit = limit;
    }
}
