package org.factorysharing.web.task;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The inbox's filters offer only task kinds the process models have, under the BPMN file of their process, each
 * named in both languages (read from the workflows module's sources, beside this module).
 */
class TaskKindsTest {

    private static final Path BPMN = Path.of("..", "workflows", "src", "main", "resources", "bpmn");

    @Test
    void everyKindOfTheFilterIsAUserTaskOfItsProcessAndIsNamedInBothLanguages() throws IOException {
        Properties indonesian = load("messages/task.properties");
        Properties english = load("messages/task_en.properties");
        TaskKinds.BY_PROCESS.forEach((process, kinds) -> {
            String model = read(BPMN.resolve(process + ".bpmn"));
            assertThat(indonesian).containsKey("task.process." + process);
            for (String kind : kinds) {
                assertThat(model).as(process).contains("<bpmn:userTask id=\"" + kind + "\"");
                assertThat(indonesian).containsKey("task." + kind);
                assertThat(english).containsKey("task." + kind);
                for (String field : formFields(model, kind)) {
                    assertThat(indonesian).as(kind).containsKey("task." + kind + "." + field);
                }
            }
        });
    }

    /** The ids of the form fields of one user task in a BPMN file. */
    private static java.util.List<String> formFields(String model, String taskKey) {
        int start = model.indexOf("<bpmn:userTask id=\"" + taskKey + "\"");
        String task = model.substring(start, model.indexOf("</bpmn:userTask>", start));
        Matcher field = Pattern.compile("<camunda:formField id=\"([^\"]+)\"").matcher(task);
        java.util.List<String> ids = new java.util.ArrayList<>();
        while (field.find()) {
            ids.add(field.group(1));
        }
        return ids;
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static Properties load(String path) throws IOException {
        Properties properties = new Properties();
        try (Reader in = new InputStreamReader(
                TaskKindsTest.class.getClassLoader().getResourceAsStream(path), StandardCharsets.UTF_8)) {
            properties.load(in);
        }
        return properties;
    }
}
