package org.factorysharing.web.shared;

/**
 * The page on which a feature lets a person work on one kind of workflow task (the officers' verification with the
 * documents beside the form, a staff member's inspection on a phone), declared as a bean by that feature.
 * {@code path} holds {@code {taskId}} and may hold {@code {businessKey}}; tasks without a route open on the inbox's
 * general task page.
 */
public record TaskRoute(String taskKey, String path) {

    public String pathFor(String taskId, String businessKey) {
        return path.replace("{taskId}", taskId).replace("{businessKey}", businessKey == null ? "" : businessKey);
    }
}
