package org.factorysharing.workflows.shared;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.persistence.entity.JobEntity;
import org.factorysharing.audit.metadata.Actor;
import org.factorysharing.audit.metadata.AuditMetadata;
import org.factorysharing.audit.metadata.WorkflowContext;
import org.springframework.stereotype.Component;

/** Who acts and which BPMN step runs, as Camunda knows it on this thread: for the audit metadata of commands. */
@Component
class EngineWorkflowContext implements WorkflowContext {

    private final IdentityService identity;

    EngineWorkflowContext(IdentityService identity) {
        this.identity = identity;
    }

    @Override
    public Optional<Actor> engineUser() {
        Authentication engineUser = identity.getCurrentAuthentication();
        if (engineUser == null || engineUser.getUserId() == null) {
            return Optional.empty();
        }
        String user = engineUser.getUserId();
        List<String> groups = engineUser.getGroupIds() != null
                ? engineUser.getGroupIds()
                : identity.createGroupQuery().groupMember(user).list().stream()
                        .map(Group::getId)
                        .toList();
        return Optional.of(Actor.user(user, groups));
    }

    @Override
    public boolean runningJob() {
        return currentJob() != null;
    }

    @Override
    public Map<String, Object> stepMetadata() {
        Map<String, Object> metadata = new HashMap<>();
        WorkflowStep step = WorkflowStep.current();
        if (step != null) {
            metadata.putAll(step.metadata());
        }
        JobEntity job = currentJob();
        if (job != null) {
            metadata.put(AuditMetadata.CAMUNDA_JOB_ID, job.getId());
        }
        return metadata;
    }

    /** The workflow job (timer, async continuation) the engine is executing on this thread, if any. */
    private static JobEntity currentJob() {
        return Context.getCommandContext() == null
                ? null
                : Context.getCommandContext().getCurrentJob();
    }
}
