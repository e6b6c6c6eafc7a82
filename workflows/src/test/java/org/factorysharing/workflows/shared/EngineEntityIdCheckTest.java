package org.factorysharing.workflows.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.cfg.IdGenerator;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.db.DbEntity;
import org.camunda.bpm.engine.impl.db.entitymanager.DbEntityManager;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.factorysharing.workflows.WorkflowTest;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The engine's entity managers check ids through {@link EngineEntityIdCheck}: valid ids pass without the error
 * message being built, and the ids Camunda refuses are refused with Camunda's own exception and message.
 */
class EngineEntityIdCheckTest {

    /** A row whose {@code toString} counts how often it is called (the message Camunda builds calls it). */
    static final class Row implements DbEntity {
        private String id;
        int described;

        Row(String id) {
            this.id = id;
        }

        @Override
        public String getId() {
            return id;
        }

        @Override
        public void setId(String id) {
            this.id = id;
        }

        @Override
        public Object getPersistentState() {
            return Row.class;
        }

        @Override
        public String toString() {
            described++;
            return "Row[" + id + "]";
        }
    }

    /** An id generator that hands out none, so that an entity reaches the check without an id. */
    private static final IdGenerator NO_IDS = () -> null;

    @Test
    void aValidIdIsInsertedWithoutBuildingTheErrorMessage() {
        DbEntityManager entities = new EngineEntityIdCheck.CheckingOnlyRefusedIds(NO_IDS, null);
        Row row = new Row("7f3c2a10-0000-4000-8000-000000000001");

        entities.insert(row);

        assertThat(entities.getCachedEntity(Row.class, row.getId())).isSameAs(row);
        assertThat(row.described).isZero();
    }

    @Test
    void aMissingIdIsRefusedWithCamundasExceptionAndMessage() {
        String camundas = refusal(new DbEntityManager(NO_IDS, null), new Row(null));

        assertThatThrownBy(() -> new EngineEntityIdCheck.CheckingOnlyRefusedIds(NO_IDS, null).insert(new Row(null)))
                .isExactlyInstanceOf(ProcessEngineException.class)
                .hasMessage(camundas)
                .hasMessageContaining("Row[null] has an invalid id");
    }

    @Test
    void theWildcardIdIsRefusedWithCamundasExceptionAndMessage() {
        String camundas = refusal(new DbEntityManager(NO_IDS, null), new Row("*"));

        assertThatThrownBy(() -> new EngineEntityIdCheck.CheckingOnlyRefusedIds(NO_IDS, null).insert(new Row("*")))
                .isExactlyInstanceOf(ProcessEngineException.class)
                .hasMessage(camundas)
                .hasMessageContaining("cannot be *");
    }

    private static String refusal(DbEntityManager entities, Row row) {
        try {
            entities.insert(row);
        } catch (ProcessEngineException e) {
            return e.getMessage();
        }
        throw new AssertionError("Camunda's own entity manager accepted the id " + row.getId());
    }

    @Nested
    @WorkflowTest
    class InTheEngine {

        @Autowired
        ProcessEngineConfigurationImpl configuration;

        @Autowired
        RepositoryService repository;

        @Autowired
        RuntimeService runtime;

        @Autowired
        HistoryService history;

        @Test
        void theEngineOpensTheseEntityManagersAndStillWritesItsRows() {
            repository
                    .createDeployment()
                    .addModelInstance(
                            "id_check_probe.bpmn",
                            Bpmn.createExecutableProcess("id_check_probe")
                                    .startEvent()
                                    .userTask("probe_task")
                                    .endEvent()
                                    .done())
                    .deploy();
            String businessKey = "id-check-" + System.nanoTime();

            String instance = runtime.startProcessInstanceByKey(
                            "id_check_probe", businessKey, Map.of("first", 1, "second", "two"))
                    .getId();

            assertThat(configuration.getSessionFactories().get(DbEntityManager.class))
                    .isInstanceOf(EngineEntityIdCheck.EntityManagers.class);
            assertThat(history.createHistoricProcessInstanceQuery()
                            .processInstanceBusinessKey(businessKey)
                            .count())
                    .isEqualTo(1);
            assertThat(history.createHistoricVariableInstanceQuery()
                            .processInstanceId(instance)
                            .count())
                    .isEqualTo(2);
            assertThat(runtime.getVariables(instance)).isEqualTo(Map.of("first", 1, "second", "two"));
        }
    }
}
