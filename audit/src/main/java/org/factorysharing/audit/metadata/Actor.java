package org.factorysharing.audit.metadata;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Who sent a command: a signed-in user with their groups, or the system saying what part of it. */
public record Actor(String kind, String name, List<String> groups) {

    public static Actor user(String userId, List<String> groups) {
        return new Actor(AuditMetadata.KIND_USER, userId, List.copyOf(groups));
    }

    public static Actor system(String what) {
        return new Actor(AuditMetadata.KIND_SYSTEM, what, List.of());
    }

    Map<String, Object> metadata() {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put(AuditMetadata.ACTOR_KIND, kind);
        values.put(AuditMetadata.ACTOR, name);
        if (AuditMetadata.KIND_USER.equals(kind)) {
            values.put(AuditMetadata.USER_ID, name);
            values.put(AuditMetadata.GROUPS, groups);
        }
        return values;
    }
}
