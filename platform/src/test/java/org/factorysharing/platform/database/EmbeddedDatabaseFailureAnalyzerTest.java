package org.factorysharing.platform.database;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.BeanCreationException;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalyzer;
import org.springframework.core.io.support.SpringFactoriesLoader;

class EmbeddedDatabaseFailureAnalyzerTest {

    @Test
    void aStartFailureOfTheEmbeddedDatabaseIsReportedAsWhatWasFoundAndWhatToDo() {
        EmbeddedDatabaseStartException cause =
                new EmbeddedDatabaseStartException("Data directory /d is in use.", "Stop that server.");
        BeanCreationException failure = new BeanCreationException("embeddedPostgres", "failed", cause);

        FailureAnalysis analysis = new EmbeddedDatabaseFailureAnalyzer().analyze(failure);

        assertThat(analysis.getDescription()).isEqualTo("Data directory /d is in use.");
        assertThat(analysis.getAction()).isEqualTo("Stop that server.");
        assertThat(cause.getMessage()).isEqualTo("Data directory /d is in use. Stop that server.");
    }

    @Test
    void theAnalyzerIsRegistered() {
        // the others need the context to be made; only ours is looked for here
        assertThat(SpringFactoriesLoader.forDefaultResourceLocation()
                        .load(FailureAnalyzer.class, SpringFactoriesLoader.FailureHandler.handleMessage((m, e) -> {})))
                .anyMatch(EmbeddedDatabaseFailureAnalyzer.class::isInstance);
    }
}
