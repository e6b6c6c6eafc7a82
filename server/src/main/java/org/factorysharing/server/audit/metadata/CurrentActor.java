package org.factorysharing.server.audit.metadata;

import java.util.List;

import org.axonframework.eventhandling.ReplayToken;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.persistence.entity.JobEntity;
import org.factorysharing.server.security.CurrentUser;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * Finds out who is acting on this thread: the user of the HTTP request (Spring Security), else the user the
 * workflow engine was told about (Tasklist, engine REST, our task API), else which part of the system runs the
 * code: a workflow job (timer, async step), an event processor (live or replaying), or plain application code.
 */
@Component
class CurrentActor {

    private final IdentityService identity;

    CurrentActor(IdentityService identity) {
        this.identity = identity;
    }

    Actor get() {
        var authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.isAuthenticated()
                && !(authentication instanceof AnonymousAuthenticationToken)) {
            CurrentUser user = CurrentUser.of(authentication);
            return Actor.user(user.id(), user.groups());
        }
        Authentication engineUser = identity.getCurrentAuthentication();
        if (engineUser != null && engineUser.getUserId() != null) {
            String user = engineUser.getUserId();
            List<String> groups = engineUser.getGroupIds() != null ? engineUser.getGroupIds()
                    : identity.createGroupQuery().groupMember(user).list().stream().map(Group::getId).toList();
            return Actor.user(user, groups);
        }
        if (currentJob() != null) {
            return Actor.system(AuditMetadata.SYSTEM_CAMUNDA_JOB);
        }
        if (CurrentUnitOfWork.isStarted()) {
            UnitOfWork<?> root = CurrentUnitOfWork.get().root();
            String processor = root.getResource(EventProcessorNames.RESOURCE);
            if (processor != null) {
                boolean replay = ReplayToken.isReplay(root.getMessage());
                return Actor.system((replay ? AuditMetadata.SYSTEM_REPLAY : AuditMetadata.SYSTEM_EVENT_PROCESSOR)
                        + processor);
            }
        }
        return Actor.system(AuditMetadata.SYSTEM_APPLICATION);
    }

    /** The workflow job (timer, async continuation) the engine is executing on this thread, if any. */
    static JobEntity currentJob() {
        return Context.getCommandContext() == null ? null : Context.getCommandContext().getCurrentJob();
    }
}
