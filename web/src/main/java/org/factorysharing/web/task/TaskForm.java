package org.factorysharing.web.task;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.factorysharing.api.shared.ProgrammeTime;
import org.factorysharing.api.shared.TextRules;
import org.factorysharing.api.task.TaskQueries.FormFieldView;
import org.factorysharing.api.task.TaskQueries.TaskDetailView;
import org.factorysharing.web.shared.Fmt;

/**
 * A task's form as the process model defines it, shown field by field by its type and read back at the door: a
 * fraction or a separator in a whole number, an impossible or absurd date, a choice the model does not offer, text
 * with control characters or a missing required value are refused next to the field, and nothing is sent. What the
 * door lets through is typed as the task rules expect it (whole numbers as Long, yes/no as Boolean, dates as the
 * engine's dd/MM/yyyy); the task rules and the process listeners then check again.
 */
final class TaskForm {

    /** Parameter names of the form's fields: {@code field.<fieldId>}. */
    static final String PREFIX = "field.";

    /** Longest free text the door lets through; the model's own maxlength is the task rules' check. */
    static final int MAX_TEXT = 4000;

    /** The engine's date format (Camunda's default date form type). */
    static final DateTimeFormatter ENGINE_DATE = DateTimeFormatter.ofPattern("dd/MM/uuuu");

    private static final DateTimeFormatter TYPED_DATE =
            DateTimeFormatter.ofPattern("d/M/uuuu").withResolverStyle(ResolverStyle.STRICT);

    private static final String WHOLE_NUMBER = "[+-]?\\d{1,18}";

    /** One field as the page shows it: the value for its input (or its display, read-only) and its error. */
    public record Field(
            String id,
            String htmlId,
            String name,
            String label,
            String type,
            boolean required,
            boolean readonly,
            String value,
            String display,
            Map<String, String> options,
            String error) {

        public boolean hasError() {
            return error != null;
        }

        /** The ids of the hint and error this field's input is described by. */
        public String describedBy() {
            String hint = htmlId + "-hint";
            return hasError() ? hint + " " + htmlId + "-error" : hint;
        }
    }

    /** What the door read: the values to complete the task with, or the errors by field id. */
    record Reading(Map<String, Object> variables, Map<String, String> errors, Map<String, String> entered) {

        boolean accepted() {
            return errors.isEmpty();
        }
    }

    private final TaskDetailView detail;
    private final TaskTexts texts;

    TaskForm(TaskDetailView detail, TaskTexts texts) {
        this.detail = detail;
        this.texts = texts;
    }

    /** The fields to show, with what the person entered (if anything) and the errors by field id. */
    List<Field> fields(Map<String, String> entered, Map<String, String> errors, Fmt fmt) {
        List<Field> fields = new ArrayList<>();
        String taskKey = detail.task().taskKey();
        for (FormFieldView field : detail.form()) {
            Map<String, String> options = new LinkedHashMap<>();
            if (field.options() != null) {
                field.options().forEach((id, name) -> options.put(id, texts.option(taskKey, field.id(), id, name)));
            }
            String value = entered.containsKey(field.id()) ? entered.get(field.id()) : inputValue(field);
            fields.add(new Field(
                    field.id(),
                    "f-" + field.id().replaceAll("[^A-Za-z0-9_-]", "_"),
                    PREFIX + field.id(),
                    texts.field(taskKey, field.id(), field.label()),
                    type(field),
                    field.required(),
                    field.readonly(),
                    value,
                    display(field, options, fmt),
                    options,
                    errors.get(field.id())));
        }
        return fields;
    }

    /** Reads the submitted parameters for every field a person may fill in. */
    Reading read(Map<String, String> parameters) {
        Map<String, Object> variables = new HashMap<>();
        Map<String, String> errors = new HashMap<>();
        Map<String, String> entered = new HashMap<>();
        for (FormFieldView field : detail.form()) {
            if (field.readonly()) {
                continue;
            }
            String raw = parameters.get(PREFIX + field.id());
            entered.put(field.id(), raw == null ? "" : raw);
            String text = raw == null ? "" : raw.strip();
            try {
                Object value = text.isEmpty() ? null : typed(field, text);
                if (value == null && field.required()) {
                    errors.put(field.id(), texts.message("task.field.required"));
                } else if (value != null) {
                    variables.put(field.id(), value);
                }
            } catch (Refused refused) {
                errors.put(field.id(), refused.getMessage());
            }
        }
        return new Reading(variables, errors, entered);
    }

    private Object typed(FormFieldView field, String text) {
        return switch (type(field)) {
            case "long" -> {
                if (!text.matches(WHOLE_NUMBER)) {
                    throw new Refused(texts.message("task.field.whole-number"));
                }
                yield Long.parseLong(text);
            }
            case "boolean" -> {
                if (!text.equals("true") && !text.equals("false")) {
                    throw new Refused(texts.message("task.field.yes-no"));
                }
                yield Boolean.valueOf(text);
            }
            case "date" -> {
                LocalDate day = day(text);
                LocalDate today = LocalDate.now(ProgrammeTime.ZONE);
                if (!ProgrammeTime.isUsable(day, today)) {
                    throw new Refused(texts.message(
                            "task.field.date-range", ProgrammeTime.EARLIEST, ProgrammeTime.latest(today)));
                }
                yield ENGINE_DATE.format(day);
            }
            case "enum" -> {
                if (field.options() == null || !field.options().containsKey(text)) {
                    throw new Refused(texts.message("task.field.choice"));
                }
                yield text;
            }
            default -> {
                if (!text.matches(TextRules.PLAIN)) {
                    throw new Refused(texts.message("task.field.plain"));
                }
                if (text.length() > MAX_TEXT) {
                    throw new Refused(texts.message("task.field.too-long", MAX_TEXT));
                }
                yield text;
            }
        };
    }

    /** A day as a date input sends it (2026-11-27), or as a person types it without one (27/11/2026). */
    private LocalDate day(String text) {
        try {
            return text.contains("/") ? LocalDate.parse(text, TYPED_DATE) : LocalDate.parse(text);
        } catch (DateTimeParseException notADay) {
            throw new Refused(texts.message("task.field.date"));
        }
    }

    /** The type the page renders; types it does not know are shown and read as text. */
    private static String type(FormFieldView field) {
        String type = field.type() == null ? "string" : field.type();
        return switch (type) {
            case "string", "long", "boolean", "date", "enum" -> type;
            default -> "string";
        };
    }

    /** The model's value as the field's input takes it. */
    private static String inputValue(FormFieldView field) {
        Object value = field.value();
        if (value == null) {
            return "";
        }
        if ("date".equals(type(field))) {
            LocalDate day = engineDay(value);
            return day == null ? "" : day.toString();
        }
        return String.valueOf(value);
    }

    /** A read-only value as a person reads it: yes/no, numbers and days in the page's language. */
    private String display(FormFieldView field, Map<String, String> options, Fmt fmt) {
        Object value = field.value();
        if (value == null || value instanceof String s && s.isBlank()) {
            return "—";
        }
        if (value instanceof Boolean b) {
            return texts.message(b ? "task.yes" : "task.no");
        }
        if (value instanceof Number n) {
            return fmt.number(n);
        }
        if ("date".equals(type(field)) || value instanceof Date) {
            LocalDate day = engineDay(value);
            return day == null ? String.valueOf(value) : fmt.date(day);
        }
        if (options.containsKey(String.valueOf(value))) {
            return options.get(String.valueOf(value));
        }
        return String.valueOf(value);
    }

    private static LocalDate engineDay(Object value) {
        if (value instanceof Date date) {
            return LocalDate.ofInstant(date.toInstant(), ProgrammeTime.ZONE);
        }
        try {
            return LocalDate.parse(String.valueOf(value), ENGINE_DATE);
        } catch (DateTimeParseException notADay) {
            return null;
        }
    }

    /** A value the door refuses, with the message shown next to its field. */
    private static final class Refused extends RuntimeException {
        Refused(String message) {
            super(message, null, false, false);
        }
    }
}
