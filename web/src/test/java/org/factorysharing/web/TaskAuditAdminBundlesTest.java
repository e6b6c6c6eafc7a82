package org.factorysharing.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The inbox's, the auditors' and the admins' texts exist in both languages, key for key. */
class TaskAuditAdminBundlesTest {

    @ParameterizedTest
    @ValueSource(strings = {"task", "audit", "admin"})
    void indonesianAndEnglishHoldTheSameKeys(String bundle) throws IOException {
        Properties indonesian = load("messages/" + bundle + ".properties");
        Properties english = load("messages/" + bundle + "_en.properties");

        assertThat(indonesian).isNotEmpty();
        assertThat(english.stringPropertyNames()).isEqualTo(indonesian.stringPropertyNames());
        Set<String> keys = indonesian.stringPropertyNames();
        assertThat(keys)
                .allMatch(key -> key.startsWith(bundle + ".") || key.startsWith("enum.") || key.startsWith("rule."));
        assertThat(keys)
                .allMatch(key -> !indonesian.getProperty(key).isBlank()
                        && !english.getProperty(key).isBlank());
    }

    private static Properties load(String path) throws IOException {
        Properties properties = new Properties();
        try (Reader in = new InputStreamReader(
                TaskAuditAdminBundlesTest.class.getClassLoader().getResourceAsStream(path), StandardCharsets.UTF_8)) {
            properties.load(in);
        }
        return properties;
    }
}
