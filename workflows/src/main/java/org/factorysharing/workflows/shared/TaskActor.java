package org.factorysharing.workflows.shared;

import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.factorysharing.api.shared.NotPermitted;

/**
 * The user completing a task, as the engine knows them: set by our task API, the webapps and engine REST
 * alike. Never the assignee, which anyone allowed to assign tasks could set to someone else's name.
 */
public record TaskActor(String user, List<String> groups) {

    /** The engine's current user; refuses when nobody is signed in. */
    public static TaskActor current(IdentityService identity, String what) {
        Authentication current = identity.getCurrentAuthentication();
        if (current == null || current.getUserId() == null) {
            throw new NotPermitted(what + " must be completed by a signed-in user");
        }
        String user = current.getUserId();
        List<String> groups = current.getGroupIds() != null
                ? current.getGroupIds()
                : identity.createGroupQuery().groupMember(user).list().stream()
                        .map(Group::getId)
                        .toList();
        return new TaskActor(user, List.copyOf(groups));
    }

    public boolean isIn(String group) {
        return groups.contains(group);
    }
}
