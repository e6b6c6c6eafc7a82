package org.factorysharing.workflows.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.factorysharing.api.shared.Groups;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * Group names are written once in code (api's Groups); the process models name them too, so each user task's
 * candidate groups must be one of those or a factory's own staff group (the process variable staffGroup).
 */
class CandidateGroupsTest {

    @Test
    void everyUserTaskIsOfferedToAProgrammeGroupOrAFactorysStaff() throws IOException {
        List<String> offered = new ArrayList<>();
        for (Resource model : new PathMatchingResourcePatternResolver().getResources("classpath*:bpmn/*.bpmn")) {
            try (InputStream in = model.getInputStream()) {
                BpmnModelInstance process = Bpmn.readModelFromStream(in);
                for (UserTask task : process.getModelElementsByType(UserTask.class)) {
                    String groups = task.getCamundaCandidateGroups();
                    assertThat(groups)
                            .as(model.getFilename() + " " + task.getId() + " has candidate groups")
                            .isNotBlank();
                    for (String group : groups.split(",")) {
                        offered.add(group.strip());
                    }
                }
            }
        }
        assertThat(offered)
                .isNotEmpty()
                .allSatisfy(group -> assertThat(group)
                        .satisfiesAnyOf(
                                g -> assertThat(Groups.ALL).contains(g),
                                g -> assertThat(g).isEqualTo("${staffGroup}")));
    }
}
