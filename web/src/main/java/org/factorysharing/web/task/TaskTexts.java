package org.factorysharing.web.task;

import java.util.List;
import java.util.stream.Collectors;
import org.factorysharing.api.shared.Groups;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * Names of tasks, processes and form fields in the reader's language: {@code task.<taskKey>},
 * {@code task.process.<processKey>}, {@code task.<taskKey>.<fieldId>} (and {@code .<optionId>} for a choice) from
 * the bundle when present, else the process model's own words, so a task kind added to a BPMN file still reads.
 */
@Component("taskTexts")
public class TaskTexts {

    private final MessageSource messages;

    TaskTexts(MessageSource messages) {
        this.messages = messages;
    }

    /** The task's name: {@code task.<taskKey>}, else the model's name, else its key. */
    public String name(String taskKey, String modelName) {
        return text("task." + taskKey, modelName != null ? modelName : taskKey);
    }

    public String process(String processKey) {
        return processKey == null ? "" : text("task.process." + processKey, processKey);
    }

    /** Candidate groups as people call them: a factory's own staff group is "the factory's staff". */
    String groups(List<String> groups) {
        return groups.stream()
                .map(group -> Groups.factoryOfStaffGroup(group) != null
                        ? message("task.group.factory-staff")
                        : text("task.group." + group, group))
                .distinct()
                .collect(Collectors.joining(", "));
    }

    String field(String taskKey, String fieldId, String modelLabel) {
        return text("task." + taskKey + "." + fieldId, modelLabel != null ? modelLabel : fieldId);
    }

    String option(String taskKey, String fieldId, String optionId, String modelName) {
        return text("task." + taskKey + "." + fieldId + "." + optionId, modelName != null ? modelName : optionId);
    }

    String text(String key, String fallback) {
        return messages.getMessage(key, null, fallback, LocaleContextHolder.getLocale());
    }

    String message(String key, Object... arguments) {
        return messages.getMessage(key, arguments, key, LocaleContextHolder.getLocale());
    }
}
