package org.factorysharing.workflows.identity;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.ProcessInstancePermissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.authorization.TaskPermissions;
import org.camunda.bpm.engine.identity.User;
import org.factorysharing.api.shared.Groups;
import org.factorysharing.platform.database.DatabaseMode;
import org.factorysharing.workflows.shared.TasklistFilters;
import org.factorysharing.workflows.shared.WorkGroups;
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
 * Creates the programme's groups, their Camunda authorisations and Tasklist filters (idempotent, every start), the first
 * administrator when FS_ADMIN_USER/FS_ADMIN_PASSWORD are given, and in the embedded default one demo
 * user per group. Admins are engine admin groups (see EngineAdminGroups). Passwords are hashed with bcrypt
 * (PasswordHashing): one longer than 72 bytes is refused at start with a message naming the setting.
 */
@Component
public class IdentitySetup {

    private static final Logger log = LoggerFactory.getLogger(IdentitySetup.class);

    /** Demo user id -> its group. */
    public static final Map<String, String> DEMO_USERS = Map.of(
            "officer", Groups.OFFICERS,
            "officer2", Groups.OFFICERS,
            "supervisor", Groups.SUPERVISORS,
            "planner", Groups.PLANNERS,
            "executive", Groups.EXECUTIVES,
            "auditor", Groups.AUDITORS,
            "staff", Groups.FACTORY_STAFF,
            "member", Groups.MEMBERS,
            "admin", Groups.ADMINS);

    private static final String CAMUNDA_ADMIN = org.camunda.bpm.engine.authorization.Groups.CAMUNDA_ADMIN;

    private final IdentityService identity;
    private final WorkGroups workGroups;
    private final TasklistFilters tasklistFilters;
    private final DatabaseMode databaseMode;
    private final String demoUsersEnabled;
    private final String demoPassword;
    private final String adminUser;
    private final String adminPassword;

    IdentitySetup(
            IdentityService identity,
            WorkGroups workGroups,
            TasklistFilters tasklistFilters,
            DatabaseMode databaseMode,
            @Value("${fs.demo-users.enabled:}") String demoUsersEnabled,
            @Value("${fs.demo-users.password}") String demoPassword,
            @Value("${fs.admin.user:}") String adminUser,
            @Value("${fs.admin.password:}") String adminPassword) {
        this.adminUser = adminUser;
        this.adminPassword = adminPassword;
        this.identity = identity;
        this.workGroups = workGroups;
        this.tasklistFilters = tasklistFilters;
        this.databaseMode = databaseMode;
        this.demoUsersEnabled = demoUsersEnabled;
        this.demoPassword = demoPassword;
    }

    public boolean demoUsersEnabled() {
        return StringUtils.hasText(demoUsersEnabled) ? Boolean.parseBoolean(demoUsersEnabled) : databaseMode.embedded();
    }

    @EventListener(ApplicationStartedEvent.class)
    @Order(0)
    @Transactional
    public void setUp() {
        Groups.ALL.forEach(group -> workGroups.ensureGroup(group, group));
        workGroups.ensureGroup(CAMUNDA_ADMIN, CAMUNDA_ADMIN);
        for (Resource resource : Resources.values()) {
            workGroups.grant(Groups.ADMINS, resource, "*", Permissions.ALL);
            workGroups.grant(CAMUNDA_ADMIN, resource, "*", Permissions.ALL);
        }
        for (String reader :
                List.of(Groups.OFFICERS, Groups.SUPERVISORS, Groups.PLANNERS, Groups.EXECUTIVES, Groups.AUDITORS)) {
            workGroups.grant(reader, Resources.APPLICATION, "cockpit", Permissions.ACCESS);
            workGroups.grant(
                    reader,
                    Resources.PROCESS_DEFINITION,
                    "*",
                    ProcessDefinitionPermissions.READ,
                    ProcessDefinitionPermissions.READ_INSTANCE,
                    ProcessDefinitionPermissions.READ_HISTORY,
                    ProcessDefinitionPermissions.READ_TASK);
            workGroups.grant(reader, Resources.PROCESS_INSTANCE, "*", ProcessInstancePermissions.READ);
            workGroups.grant(reader, Resources.TASK, "*", TaskPermissions.READ);
            workGroups.grant(reader, Resources.DECISION_DEFINITION, "*", Permissions.READ, Permissions.READ_HISTORY);
            workGroups.grant(reader, Resources.DECISION_REQUIREMENTS_DEFINITION, "*", Permissions.READ);
            workGroups.grant(reader, Resources.DEPLOYMENT, "*", Permissions.READ);
        }
        for (String group : List.of(
                Groups.OFFICERS,
                Groups.SUPERVISORS,
                Groups.PLANNERS,
                Groups.EXECUTIVES,
                Groups.AUDITORS,
                Groups.FACTORY_STAFF,
                Groups.MEMBERS)) {
            workGroups.grantTaskWork(group);
        }
        tasklistFilters.removeOldDefaultFilter();
        tasklistFilters.ensureProgrammeFilters();
        if (StringUtils.hasText(adminUser) && StringUtils.hasText(adminPassword)) {
            requireHashable(adminPassword, "FS_ADMIN_PASSWORD (fs.admin.password)");
            ensureUser(adminUser, adminPassword, Groups.ADMINS);
        }
        if (demoUsersEnabled()) {
            requireHashable(demoPassword, "FS_DEMO_PASSWORD (fs.demo-users.password)");
            DEMO_USERS.forEach((user, group) -> ensureUser(user, demoPassword, group));
            log.info(
                    "Demo users {} (password from fs.demo-users.password / FS_DEMO_PASSWORD)",
                    DEMO_USERS.keySet().stream().sorted().toList());
        }
    }

    /** bcrypt reads at most 72 bytes of a password: refuse a longer one rather than store a hash of part of it. */
    private static void requireHashable(String password, String setting) {
        if (PasswordHashing.tooLong(password)) {
            throw new IllegalStateException(setting + " is longer than " + PasswordHashing.MAX_PASSWORD_BYTES
                    + " bytes (UTF-8); passwords are hashed with bcrypt, which reads at most "
                    + PasswordHashing.MAX_PASSWORD_BYTES + " bytes. Choose a shorter one.");
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
}
