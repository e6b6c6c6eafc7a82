package org.factorysharing.web.task;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.factorysharing.api.shared.ProgrammeTime;
import org.factorysharing.api.task.TaskQueries.FormFieldView;
import org.factorysharing.api.task.TaskQueries.TaskDetailView;
import org.factorysharing.api.task.TaskQueries.TaskView;
import org.factorysharing.web.shared.Fmt;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.context.support.StaticMessageSource;

/** The general task form at the door: values typed as the task rules expect them, bad ones refused by field. */
class TaskFormTest {

    private final StaticMessageSource messages = new StaticMessageSource();
    private final TaskTexts texts = new TaskTexts(messages);

    @BeforeEach
    void indonesian() {
        LocaleContextHolder.setLocale(Locale.forLanguageTag("id-ID"));
        messages.setUseCodeAsDefaultMessage(true);
        messages.addMessage("task.user_record_output.goodUnits", Locale.forLanguageTag("id-ID"), "Unit baik");
    }

    @AfterEach
    void reset() {
        LocaleContextHolder.resetLocaleContext();
    }

    @ParameterizedTest
    @ValueSource(strings = {"1,5", "1.5", "12a", "1.234", " ", "9999999999999999999"})
    void aWholeNumberFieldTakesDigitsOnly(String entered) {
        TaskForm.Reading reading = form().read(required("field.goodUnits", entered));

        assertThat(reading.accepted()).isFalse();
        assertThat(reading.errors()).containsOnlyKeys("goodUnits");
        assertThat(reading.entered()).containsEntry("goodUnits", entered);
    }

    @Test
    void acceptedValuesAreTypedAsTheTaskRulesExpectThem() {
        TaskForm.Reading reading = form().read(Map.of(
                "field.goodUnits", " 12 ",
                "field.rejectedUnits", "0",
                "field.passed", "true",
                "field.decision", "REJECT",
                "field.notes", "rework the seams",
                "field.inspectedOn", LocalDate.now(ProgrammeTime.ZONE).toString(),
                "field.product", "ignored: read-only"));

        assertThat(reading.errors()).isEmpty();
        assertThat(reading.variables())
                .containsEntry("goodUnits", 12L)
                .containsEntry("rejectedUnits", 0L)
                .containsEntry("passed", true)
                .containsEntry("decision", "REJECT")
                .containsEntry("notes", "rework the seams")
                .containsEntry("inspectedOn", TaskForm.ENGINE_DATE.format(LocalDate.now(ProgrammeTime.ZONE)))
                .doesNotContainKey("product");
    }

    @Test
    void missingRequiredValuesAbsurdDatesUnknownChoicesAndControlCharactersAreRefused() {
        TaskForm.Reading reading = form().read(Map.of(
                "field.goodUnits", "",
                "field.rejectedUnits", "3",
                "field.passed", "perhaps",
                "field.decision", "MAYBE",
                "field.notes", "a\u0000b",
                "field.inspectedOn", "9999-12-31"));

        assertThat(reading.errors())
                .containsOnlyKeys("goodUnits", "passed", "decision", "notes", "inspectedOn")
                .containsEntry("goodUnits", "task.field.required")
                .containsEntry("inspectedOn", "task.field.date-range");
        assertThat(reading.variables()).containsOnlyKeys("rejectedUnits");
    }

    @Test
    void aDayTypedWithoutADatePickerIsReadAndAnImpossibleOneRefused() {
        String today =
                LocalDate.now(ProgrammeTime.ZONE).format(java.time.format.DateTimeFormatter.ofPattern("d/M/uuuu"));
        assertThat(form().read(required("field.inspectedOn", today)).variables())
                .containsKey("inspectedOn");
        assertThat(form().read(required("field.inspectedOn", "31/02/2026")).errors())
                .containsEntry("inspectedOn", "task.field.date");
    }

    @Test
    void fieldsAreLabelledFromTheBundleElseFromTheModel() {
        List<TaskForm.Field> fields = form().fields(Map.of(), Map.of("notes", "refused"), new Fmt());

        assertThat(fields).extracting(TaskForm.Field::label).contains("Unit baik", "Good-ish notes");
        TaskForm.Field notes =
                fields.stream().filter(f -> f.id().equals("notes")).findFirst().orElseThrow();
        assertThat(notes.error()).isEqualTo("refused");
        assertThat(notes.describedBy()).isEqualTo("f-notes-hint f-notes-error");
        TaskForm.Field quantity = fields.stream()
                .filter(f -> f.id().equals("quantity"))
                .findFirst()
                .orElseThrow();
        assertThat(quantity.display()).isEqualTo("1.200");
    }

    private Map<String, String> required(String name, String value) {
        Map<String, String> values = new LinkedHashMap<>(Map.of("field.goodUnits", "1", "field.rejectedUnits", "0"));
        values.put("field.passed", "false");
        values.put("field.decision", "APPROVE");
        values.put(name, value);
        return values;
    }

    private TaskForm form() {
        TaskView task = new TaskView(
                "t1",
                "Record output",
                "user_record_output",
                "production_job",
                "p1",
                "job-1",
                null,
                List.of("factory-f-staff"),
                50,
                Instant.EPOCH,
                null,
                null);
        Map<String, String> decisions = new LinkedHashMap<>();
        decisions.put("APPROVE", "Approve");
        decisions.put("REJECT", "Reject");
        return new TaskForm(
                new TaskDetailView(
                        task,
                        List.of(
                                new FormFieldView("product", "Product", "string", false, true, "Copra", null),
                                new FormFieldView("quantity", "Quantity", "long", false, true, 1200L, null),
                                new FormFieldView("goodUnits", "Good units", "long", true, false, null, null),
                                new FormFieldView("rejectedUnits", "Rejected units", "long", true, false, null, null),
                                new FormFieldView("passed", "Passed", "boolean", true, false, null, null),
                                new FormFieldView("decision", "Decision", "enum", true, false, null, decisions),
                                new FormFieldView("notes", "Good-ish notes", "string", false, false, null, null),
                                new FormFieldView("inspectedOn", "Inspected on", "date", false, false, null, null))),
                texts);
    }
}
