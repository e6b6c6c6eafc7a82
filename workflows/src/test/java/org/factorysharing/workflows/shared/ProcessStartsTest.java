package org.factorysharing.workflows.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.factorysharing.workflows.WorkflowTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** A bridge's start happens once per process and business key, whether the first one still runs or has ended. */
@WorkflowTest
class ProcessStartsTest {

    private static final String PROCESS = "once_probe";
    private static final String OTHER_PROCESS = "once_probe_other";

    @Autowired
    ProcessStarts starts;

    @Autowired
    RepositoryService repository;

    @Autowired
    RuntimeService runtime;

    @Autowired
    TaskService tasks;

    @Autowired
    HistoryService history;

    @Autowired
    PlatformTransactionManager transactions;

    private final AtomicInteger variablesMade = new AtomicInteger();
    private String businessKey;

    @BeforeEach
    void deployProbes() {
        for (String key : new String[] {PROCESS, OTHER_PROCESS}) {
            repository
                    .createDeployment()
                    .addModelInstance(
                            key + ".bpmn",
                            Bpmn.createExecutableProcess(key)
                                    .startEvent()
                                    .userTask("probe_task")
                                    .endEvent()
                                    .done())
                    .enableDuplicateFiltering(true)
                    .deploy();
        }
        businessKey = "once-" + System.nanoTime();
    }

    @Test
    void givenARunningProcessWhenItsEventComesAgainThenNoSecondStartsAndNoVariablesAreMade() {
        starts.startOnce(PROCESS, businessKey, variables());

        starts.startOnce(PROCESS, businessKey, variables());

        assertThat(started(PROCESS)).isOne();
        assertThat(variablesMade).hasValue(1);
    }

    @Test
    void givenAnEndedProcessWhenItsEventComesAgainThenItIsNotStartedAgain() {
        starts.startOnce(PROCESS, businessKey, variables());
        tasks.complete(tasks.createTaskQuery()
                .processInstanceBusinessKey(businessKey)
                .singleResult()
                .getId());
        assertThat(runtime.createProcessInstanceQuery()
                        .processInstanceBusinessKey(businessKey)
                        .count())
                .isZero();

        starts.startOnce(PROCESS, businessKey, variables());

        assertThat(started(PROCESS)).isOne();
        assertThat(runtime.createProcessInstanceQuery()
                        .processInstanceBusinessKey(businessKey)
                        .count())
                .isZero();
    }

    @Test
    void givenOneProcessForABusinessKeyWhenAnotherProcessStartsForItThenBothRun() {
        starts.startOnce(PROCESS, businessKey, variables());

        starts.startOnce(OTHER_PROCESS, businessKey, variables());

        assertThat(started(PROCESS)).isOne();
        assertThat(started(OTHER_PROCESS)).isOne();
    }

    @Test
    void givenOneTransactionWhenTheSameEventComesTwiceInItThenTheSecondSeesTheFirstStart() {
        new TransactionTemplate(transactions).executeWithoutResult(status -> {
            starts.startOnce(PROCESS, businessKey, variables());
            starts.startOnce(PROCESS, businessKey, variables());
        });

        assertThat(started(PROCESS)).isOne();
        assertThat(runtime.getVariables(runtime.createProcessInstanceQuery()
                        .processInstanceBusinessKey(businessKey)
                        .singleResult()
                        .getId()))
                .containsEntry("made", 1);
    }

    private Supplier<Map<String, Object>> variables() {
        return () -> Map.of("made", variablesMade.incrementAndGet());
    }

    private long started(String processKey) {
        return history.createHistoricProcessInstanceQuery()
                .processDefinitionKey(processKey)
                .processInstanceBusinessKey(businessKey)
                .count();
    }
}
