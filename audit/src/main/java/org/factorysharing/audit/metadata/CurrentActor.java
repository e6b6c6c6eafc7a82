package org.factorysharing.audit.metadata;

import org.axonframework.eventhandling.ReplayToken;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * Finds out who is acting on this thread: the user of the HTTP request (Spring Security), else the user the
 * workflow engine was told about (Tasklist, engine REST, our task API), else which part of the system runs the
 * code: a workflow job (timer, async step), an event processor (live or replaying), or plain application code.
 */
@Component
class CurrentActor {

    private static final String GROUP_AUTHORITY = "GROUP_";

    private final ObjectProvider<WorkflowContext> workflows;

    CurrentActor(ObjectProvider<WorkflowContext> workflows) {
        this.workflows = workflows;
    }

    Actor get() {
        var authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null
                && authentication.isAuthenticated()
                && !(authentication instanceof AnonymousAuthenticationToken)) {
            return Actor.user(
                    authentication.getName(),
                    authentication.getAuthorities().stream()
                            .map(GrantedAuthority::getAuthority)
                            .filter(authority -> authority.startsWith(GROUP_AUTHORITY))
                            .map(authority -> authority.substring(GROUP_AUTHORITY.length()))
                            .toList());
        }
        WorkflowContext workflow = workflow();
        var engineUser = workflow.engineUser();
        if (engineUser.isPresent()) {
            return engineUser.get();
        }
        if (workflow.runningJob()) {
            return Actor.system(AuditMetadata.SYSTEM_CAMUNDA_JOB);
        }
        if (CurrentUnitOfWork.isStarted()) {
            UnitOfWork<?> root = CurrentUnitOfWork.get().root();
            String processor = root.getResource(EventProcessorNames.RESOURCE);
            if (processor != null) {
                boolean replay = ReplayToken.isReplay(root.getMessage());
                return Actor.system(
                        (replay ? AuditMetadata.SYSTEM_REPLAY : AuditMetadata.SYSTEM_EVENT_PROCESSOR) + processor);
            }
        }
        return Actor.system(AuditMetadata.SYSTEM_APPLICATION);
    }

    WorkflowContext workflow() {
        return workflows.getIfAvailable(() -> WorkflowContext.NONE);
    }
}
