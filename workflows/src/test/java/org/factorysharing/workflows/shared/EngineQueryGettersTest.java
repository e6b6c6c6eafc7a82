package org.factorysharing.workflows.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.apache.ibatis.ognl.OgnlRuntime;
import org.apache.ibatis.scripting.xmltags.ExpressionEvaluator;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.TaskQueryImpl;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.factorysharing.workflows.WorkflowTest;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The engine's queries read their properties through {@link EngineQueryGetters}: the same values, errors and
 * fallbacks as OGNL's own accessor, read as MyBatis reads them when it builds a query's SQL.
 */
class EngineQueryGettersTest {

    private final ExpressionEvaluator mybatis = new ExpressionEvaluator();

    /** Each kind of property OGNL resolves on a plain object. */
    public static class Probe {
        public String plain = "field";
        private final boolean on;

        public Probe(boolean on) {
            this.on = on;
        }

        public boolean isActive() {
            return on;
        }

        public boolean isOrQueryActive() {
            return on;
        }

        public String getBroken() {
            throw new IllegalStateException("broken getter");
        }
    }

    @Test
    void aPropertyNamedLikeItsMethodIsReadFromThatMethodEveryTime() {
        EngineQueryGetters.install();

        assertThat(mybatis.evaluateBoolean("isOrQueryActive", new Probe(true))).isTrue();
        assertThat(mybatis.evaluateBoolean("isOrQueryActive", new Probe(false))).isFalse();
        assertThat(mybatis.evaluateBoolean("isOrQueryActive", new Probe(true))).isTrue();
    }

    @Test
    void getterAndFieldPropertiesReadAsBefore() {
        EngineQueryGetters.install();

        assertThat(mybatis.evaluateBoolean("active and plain == 'field'", new Probe(true)))
                .isTrue();
        assertThat(mybatis.evaluateBoolean("active", new Probe(false))).isFalse();
    }

    @Test
    void aFailingGetterStillFailsWithItsCause() {
        EngineQueryGetters.install();

        assertThatThrownBy(() -> mybatis.evaluateBoolean("broken != null", new Probe(true)))
                .rootCause()
                .hasMessage("broken getter");
        assertThatThrownBy(() -> mybatis.evaluateBoolean("missing != null", new Probe(true)))
                .hasMessageContaining("missing");
    }

    @Test
    void anEngineQueryAndItsOrBranchAreToldApart() {
        EngineQueryGetters.install();
        TaskQueryImpl query = new TaskQueryImpl();
        Object orBranch = query.or();

        assertThat(mybatis.evaluateBoolean("isOrQueryActive", query)).isFalse();
        assertThat(mybatis.evaluateBoolean("isOrQueryActive", orBranch)).isTrue();
        // maps keep OGNL's map accessor: a key, not a getter
        assertThat(mybatis.evaluateBoolean("isOrQueryActive", Map.of("isOrQueryActive", true)))
                .isTrue();
    }

    @Nested
    @WorkflowTest
    class InTheEngine {

        @Autowired
        RepositoryService repository;

        @Autowired
        RuntimeService runtime;

        @Autowired
        TaskService tasks;

        @Test
        void theEngineInstallsItAndItsQueriesStillFindTheirTasks() throws Exception {
            repository
                    .createDeployment()
                    .addModelInstance(
                            "ognl_probe.bpmn",
                            Bpmn.createExecutableProcess("ognl_probe")
                                    .startEvent()
                                    .userTask("probe_task")
                                    .camundaCandidateGroups("ognl-staff")
                                    .endEvent()
                                    .done())
                    .deploy();
            String businessKey = "ognl-" + System.nanoTime();
            runtime.startProcessInstanceByKey("ognl_probe", businessKey);

            List<Task> either = tasks.createTaskQuery()
                    .processInstanceBusinessKey(businessKey)
                    .or()
                    .taskAssignee("nobody")
                    .taskCandidateGroup("ognl-staff")
                    .endOr()
                    .list();
            long neither = tasks.createTaskQuery()
                    .processInstanceBusinessKey(businessKey)
                    .or()
                    .taskAssignee("nobody")
                    .taskCandidateGroup("no-such-group")
                    .endOr()
                    .count();

            assertThat(OgnlRuntime.getPropertyAccessor(Object.class))
                    .isInstanceOf(EngineQueryGetters.CachedGetters.class);
            assertThat(either).hasSize(1);
            assertThat(neither).isZero();
        }
    }
}
