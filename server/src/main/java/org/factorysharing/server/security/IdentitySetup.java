package org.factorysharing.server.security;

import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.ProcessInstancePermissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.authorization.TaskPermissions;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.factorysharing.server.database.DatabaseMode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.StringUtils;

/**
 * Creates the programme's groups and their Camunda authorisations (idempotent, every start), the first
 * administrator when FS_ADMIN_USER/FS_ADMIN_PASSWORD are given, and in the embedded default one demo
 * user per group. Admins are engine admin groups (see application.yml).
 */
@Component
public class IdentitySetup {

    private static final Logger log = LoggerFactory.getLogger(IdentitySetup.class);

    /** Demo user id -> its group. */
    public static final Map<String, String> DEMO_USERS = Map.of(
            "officer", Groups.OFFICERS,
            "officer2", Groups.OFFICERS,
            "supervisor", Groups.SUPERVISORS,
            "auditor", Groups.AUDITORS,
            "staff", Groups.FACTORY_STAFF,
            "member", Groups.MEMBERS,
            "admin", Groups.ADMINS);

    private static final String CAMUNDA_ADMIN = org.camunda.bpm.engine.authorization.Groups.CAMUNDA_ADMIN;

    private final IdentityService identity;
    private final AuthorizationService authorizations;
    private final DatabaseMode databaseMode;
    private final String demoUsersEnabled;
    private final String demoPassword;
    private final String adminUser;
    private final String adminPassword;

    IdentitySetup(IdentityService identity, AuthorizationService authorizations, DatabaseMode databaseMode,
                  @Value("${fs.demo-users.enabled:}") String demoUsersEnabled,
                  @Value("${fs.demo-users.password}") String demoPassword,
                  @Value("${fs.admin.user:}") String adminUser,
                  @Value("${fs.admin.password:}") String adminPassword) {
        this.adminUser = adminUser;
        this.adminPassword = adminPassword;
        this.identity = identity;
        this.authorizations = authorizations;
        this.databaseMode = databaseMode;
        this.demoUsersEnabled = demoUsersEnabled;
        this.demoPassword = demoPassword;
    }

    public boolean demoUsersEnabled() {
        return StringUtils.hasText(demoUsersEnabled) ? Boolean.parseBoolean(demoUsersEnabled)
                : databaseMode.embedded();
    }

    @EventListener(ApplicationStartedEvent.class)
    @Order(0)
    @Transactional
    public void setUp() {
        Groups.ALL.forEach(this::ensureGroup);
        ensureGroup(CAMUNDA_ADMIN);
        for (Resource resource : Resources.values()) {
            grant(Groups.ADMINS, resource, "*", Permissions.ALL);
            grant(CAMUNDA_ADMIN, resource, "*", Permissions.ALL);
        }
        for (String reader : List.of(Groups.OFFICERS, Groups.SUPERVISORS, Groups.AUDITORS)) {
            grant(reader, Resources.APPLICATION, "cockpit", Permissions.ACCESS);
            grant(reader, Resources.PROCESS_DEFINITION, "*", ProcessDefinitionPermissions.READ,
                    ProcessDefinitionPermissions.READ_INSTANCE, ProcessDefinitionPermissions.READ_HISTORY,
                    ProcessDefinitionPermissions.READ_TASK);
            grant(reader, Resources.PROCESS_INSTANCE, "*", ProcessInstancePermissions.READ);
            grant(reader, Resources.TASK, "*", TaskPermissions.READ);
            grant(reader, Resources.DECISION_DEFINITION, "*", Permissions.READ,
                    Permissions.READ_HISTORY);
            grant(reader, Resources.DECISION_REQUIREMENTS_DEFINITION, "*", Permissions.READ);
            grant(reader, Resources.DEPLOYMENT, "*", Permissions.READ);
        }
        for (String group : List.of(Groups.OFFICERS, Groups.SUPERVISORS, Groups.AUDITORS, Groups.FACTORY_STAFF,
                Groups.MEMBERS)) {
            grant(group, Resources.APPLICATION, "tasklist", Permissions.ACCESS);
            grant(group, Resources.FILTER, "*", Permissions.READ);
            grant(group, Resources.USER, "*", Permissions.READ);
            grant(group, Resources.GROUP, "*", Permissions.READ);
        }
        if (StringUtils.hasText(adminUser) && StringUtils.hasText(adminPassword)) {
            ensureUser(adminUser, adminPassword, Groups.ADMINS);
        }
        if (demoUsersEnabled()) {
            DEMO_USERS.forEach((user, group) -> ensureUser(user, demoPassword, group));
            log.info("Demo users {} (password from fs.demo-users.password / FS_DEMO_PASSWORD)",
                    DEMO_USERS.keySet().stream().sorted().toList());
        }
    }

    private void ensureGroup(String id) {
        if (identity.createGroupQuery().groupId(id).count() == 0) {
            Group group = identity.newGroup(id);
            group.setName(id);
            group.setType("WORKFLOW");
            identity.saveGroup(group);
        }
    }

    private void ensureUser(String id, String password, String group) {
        if (identity.createUserQuery().userId(id).count() == 0) {
            User user = identity.newUser(id);
            user.setFirstName(id);
            user.setLastName(Groups.ADMINS.equals(group) ? "(administrator)" : "(demo)");
            user.setEmail(id + "@factorysharing.invalid");
            user.setPassword(password);
            identity.saveUser(user);
        }
        ensureMembership(id, group);
        if (Groups.ADMINS.equals(group)) {
            // the webapps look for a camunda-admin member before they leave their first-run setup page
            ensureMembership(id, CAMUNDA_ADMIN);
        }
    }

    private void ensureMembership(String user, String group) {
        if (identity.createUserQuery().userId(user).memberOfGroup(group).count() == 0) {
            identity.createMembership(user, group);
        }
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
