package org.factorysharing.query.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.factorysharing.platform.axon.ProcessorSettings;
import org.factorysharing.query.QueryTest;
import org.factorysharing.testing.EventFeed;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A read model runs on as many segments as its processor has worker threads (Axon's pool of 4): more segments do not
 * run more at once, and each one makes the coordinator's reading of every event dearer (see
 * {@link ProcessorSettings#DEFAULT_SEGMENTS}).
 */
@QueryTest
class ProcessorSegmentsTest {

    private static final int WORKER_THREADS = 4;

    @Autowired
    List<ProcessorSettings> groups;

    @Autowired
    EventFeed feed;

    @Autowired
    TokenStore tokens;

    @Test
    void theMemberDirectoryRunsOnAsManySegmentsAsWorkerThreads() {
        feed.awaitCaughtUp("member-directory");

        assertThat(tokens.fetchSegments("member-directory")).hasSize(WORKER_THREADS);
    }

    @Test
    void everyPooledGroupIsSplitAsItsSettingsSay() {
        List<ProcessorSettings> pooled = groups.stream()
                .filter(group -> group.mode() == ProcessorSettings.Mode.POOLED)
                .toList();
        assertThat(pooled).extracting(ProcessorSettings::group).contains("member-directory", "programme-kpi");

        for (ProcessorSettings group : pooled) {
            feed.awaitCaughtUp(group.group());
            assertThat(tokens.fetchSegments(group.group())).as(group.group()).hasSize(group.segments());
        }
    }
}
