package org.factorysharing.workflows.shared;

import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.identity.Group;
import org.springframework.stereotype.Component;

/**
 * Groups of the one identity store (Camunda's) and their authorisations: the programme's groups at start-up,
 * a factory's own staff group when it is proposed. Every method is idempotent.
 */
@Component
public class WorkGroups {

    /** The type of every group the programme creates (Camunda shows it in Admin). */
    public static final String TYPE = "WORKFLOW";

    private final IdentityService identity;
    private final AuthorizationService authorizations;

    WorkGroups(IdentityService identity, AuthorizationService authorizations) {
        this.identity = identity;
        this.authorizations = authorizations;
    }

    /**
     * Creates the group unless it exists (also when another transaction has just created it); answers the name it
     * has (an existing group keeps its own).
     */
    public String ensureGroup(String groupId, String name) {
        Group existing = identity.createGroupQuery().groupId(groupId).singleResult();
        if (existing != null) {
            return existing.getName();
        }
        Group group = identity.newGroup(groupId);
        group.setName(name);
        group.setType(TYPE);
        try {
            identity.saveGroup(group);
        } catch (BadUserRequestException createdMeanwhile) {
            // Camunda checks for the id before it inserts: nothing was written, the group is there
            Group other = identity.createGroupQuery().groupId(groupId).singleResult();
            if (other == null) {
                throw createdMeanwhile;
            }
            return other.getName();
        }
        return name;
    }

    /**
     * What every task-working group needs besides its tasks: Tasklist and reading users and groups. Access to a
     * task itself comes from the task's candidate group links; each group reads its own Tasklist filter
     * ({@link TasklistFilters}), no longer every filter (an earlier grant of all is removed).
     */
    public void grantTaskWork(String groupId) {
        grant(groupId, Resources.APPLICATION, "tasklist", Permissions.ACCESS);
        grant(groupId, Resources.USER, "*", Permissions.READ);
        grant(groupId, Resources.GROUP, "*", Permissions.READ);
        revoke(groupId, Resources.FILTER, Authorization.ANY);
    }

    /** Removes the group's authorisations on that resource, if any. */
    public void revoke(String groupId, Resource resource, String resourceId) {
        authorizations
                .createAuthorizationQuery()
                .groupIdIn(groupId)
                .resourceType(resource)
                .resourceId(resourceId)
                .list()
                .forEach(authorization -> authorizations.deleteAuthorization(authorization.getId()));
    }

    /** Grants the permissions unless the group already has an authorisation on that resource. */
    public void grant(String groupId, Resource resource, String resourceId, Permission... permissions) {
        boolean exists = authorizations
                        .createAuthorizationQuery()
                        .groupIdIn(groupId)
                        .resourceType(resource)
                        .resourceId(resourceId)
                        .count()
                > 0;
        if (exists) {
            return;
        }
        Authorization authorization = authorizations.createNewAuthorization(AUTH_TYPE_GRANT);
        authorization.setGroupId(groupId);
        authorization.setResource(resource);
        authorization.setResourceId(resourceId);
        for (Permission permission : permissions) {
            authorization.addPermission(permission);
        }
        authorizations.saveAuthorization(authorization);
    }
}
