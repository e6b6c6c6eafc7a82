package org.factorysharing.workflows.identity;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.factorysharing.api.shared.Groups;
import org.springframework.stereotype.Component;

/**
 * Our {@code admins} group is an engine admin group (admin-only engine operations); its permissions on
 * every resource are granted in IdentitySetup, as Camunda's own first-admin setup does for camunda-admin.
 */
@Component
class EngineAdminGroups extends AbstractProcessEnginePlugin {

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        List<String> adminGroups = new ArrayList<>();
        if (configuration.getAdminGroups() != null) {
            adminGroups.addAll(configuration.getAdminGroups());
        }
        if (!adminGroups.contains(Groups.ADMINS)) {
            adminGroups.add(Groups.ADMINS);
        }
        configuration.setAdminGroups(adminGroups);
    }
}
