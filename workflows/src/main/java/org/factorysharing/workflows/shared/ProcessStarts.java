package org.factorysharing.workflows.shared;

import java.util.Map;
import java.util.function.Supplier;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Starts a process once per business key, for the event-to-process bridges: an event delivered again (after a
 * crash before the token was stored, or a processor moved back) must not start a second process.
 */
@Component
public class ProcessStarts {

    private final RuntimeService runtime;
    private final JdbcTemplate jdbc;

    ProcessStarts(RuntimeService runtime, JdbcTemplate jdbc) {
        this.runtime = runtime;
        this.jdbc = jdbc;
    }

    /** Starts the process unless one with this key and business key ever ran; the variables are made only then. */
    public void startOnce(String processKey, String businessKey, Supplier<Map<String, Object>> variables) {
        if (!everStarted(processKey, businessKey)) {
            runtime.startProcessInstanceByKey(processKey, businessKey, variables.get());
        }
    }

    /**
     * Whether the engine's history holds such a process instance, running or ended: one statement on the history's
     * business-key index, in the caller's transaction (so it sees a start earlier in the same batch). The engine's
     * own history query says the same but builds its SQL from a mapping of dozens of conditions and joins the process
     * definitions: about a tenth of the CPU of starting an onboarding process.
     */
    private boolean everStarted(String processKey, String businessKey) {
        return Boolean.TRUE.equals(jdbc.queryForObject(
                "SELECT EXISTS (SELECT 1 FROM act_hi_procinst WHERE business_key_ = ? AND proc_def_key_ = ?)",
                Boolean.class,
                businessKey,
                processKey));
    }
}
