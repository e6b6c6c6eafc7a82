package org.factorysharing.workflows.factory;

import java.util.List;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.factorysharing.api.factory.FactoryCommands.ImportFactoryStaff;
import org.factorysharing.api.factory.FactoryId;
import org.factorysharing.api.shared.Groups;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Staff memberships made before staff changes were events live only in the engine's groups: at start-up each
 * factory's members are recorded once as events (like the regions' reference data). A factory whose staff changes
 * are recorded already ignores this, so it is safe on every start and on every node.
 */
@Component
class FactoryStaffImport {

    private static final Logger log = LoggerFactory.getLogger(FactoryStaffImport.class);

    private final IdentityService identity;
    private final CommandGateway commands;

    FactoryStaffImport(IdentityService identity, CommandGateway commands) {
        this.identity = identity;
        this.commands = commands;
    }

    @EventListener(ApplicationStartedEvent.class)
    @Order(10)
    void importMemberships() {
        for (Group group :
                identity.createGroupQuery().groupType(FactoryStaffGroup.TYPE).list()) {
            String factoryId = Groups.factoryOfStaffGroup(group.getId());
            if (factoryId == null) {
                continue;
            }
            List<String> members = identity.createUserQuery().memberOfGroup(group.getId()).list().stream()
                    .map(User::getId)
                    .toList();
            if (members.isEmpty()) {
                continue;
            }
            try {
                commands.sendAndWait(new ImportFactoryStaff(new FactoryId(factoryId), members));
            } catch (AggregateNotFoundException noFactory) {
                log.warn("Group {} names no factory; its members were not imported as staff", group.getId());
            }
        }
    }
}
