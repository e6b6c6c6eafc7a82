package org.factorysharing.workflows.commissioning;

import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.identity.Group;
import org.springframework.stereotype.Component;

/**
 * Creates a factory's own staff group with what the server's IdentitySetup grants every task-working group:
 * Tasklist, its filters, and reading users and groups. Task access itself comes from the candidate group
 * links of each task. Idempotent.
 */
@Component
class FactoryStaffGroup {

    private final IdentityService identity;
    private final AuthorizationService authorizations;

    FactoryStaffGroup(IdentityService identity, AuthorizationService authorizations) {
        this.identity = identity;
        this.authorizations = authorizations;
    }

    void ensure(String groupId, String factoryName) {
        if (identity.createGroupQuery().groupId(groupId).count() == 0) {
            Group group = identity.newGroup(groupId);
            group.setName("Staff of " + factoryName);
            group.setType("WORKFLOW");
            identity.saveGroup(group);
        }
        grant(groupId, Resources.APPLICATION, "tasklist", Permissions.ACCESS);
        grant(groupId, Resources.FILTER, "*", Permissions.READ);
        grant(groupId, Resources.USER, "*", Permissions.READ);
        grant(groupId, Resources.GROUP, "*", Permissions.READ);
    }

    private void grant(String group, Resource resource, String resourceId, Permission... permissions) {
        boolean exists = authorizations.createAuthorizationQuery()
                .groupIdIn(group).resourceType(resource).resourceId(resourceId).count() > 0;
        if (exists) {
            return;
        }
        Authorization authorization = authorizations.createNewAuthorization(AUTH_TYPE_GRANT);
        authorization.setGroupId(group);
        authorization.setResource(resource);
        authorization.setResourceId(resourceId);
        for (Permission permission : permissions) {
            authorization.addPermission(permission);
        }
        authorizations.saveAuthorization(authorization);
    }
}
