package org.factorysharing.web.task;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The processes and their user tasks the inbox offers as filters (the BPMN files' keys, in the order of work). A task
 * kind missing here still shows in the inbox and opens; it only has no entry in the filter.
 */
final class TaskKinds {

    static final Map<String, List<String>> BY_PROCESS = byProcess();

    private TaskKinds() {}

    private static Map<String, List<String>> byProcess() {
        Map<String, List<String>> kinds = new LinkedHashMap<>();
        kinds.put("member_onboarding", List.of("user_verify_documents"));
        kinds.put(
                "factory_commissioning",
                List.of(
                        "user_install_machine",
                        "user_inspect_factory",
                        "user_resolve_findings",
                        "user_commissioning_signoff"));
        kinds.put(
                "production_job",
                List.of("user_start_job", "user_record_output", "user_quality_inspection", "user_reschedule_job"));
        kinds.put("pilot_rollout", List.of("user_propose_outcome"));
        kinds.put("scale_up_approval", List.of("user_regional_review", "user_planning_review", "user_final_approval"));
        return Collections.unmodifiableMap(kinds);
    }

    static List<String> taskKeys() {
        return BY_PROCESS.values().stream().flatMap(List::stream).toList();
    }
}
