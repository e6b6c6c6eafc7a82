package org.factorysharing.workflows.member;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.camunda.bpm.engine.RuntimeService;
import org.factorysharing.api.member.MemberEvent.MemberApplicationResubmitted;
import org.factorysharing.api.member.MemberEvent.MemberRegistered;
import org.factorysharing.workflows.shared.ProcessStarts;
import org.springframework.stereotype.Component;

/**
 * Event-to-process bridge: a registration starts the onboarding process; an applicant sending the application back
 * is delivered to the process waiting for it. It runs in the streaming processor's transaction, so each process step
 * and the processor's token commit together.
 */
@Component
@ProcessingGroup(MemberOnboardingBridge.PROCESSING_GROUP)
class MemberOnboardingBridge {

    static final String PROCESSING_GROUP = "member-onboarding-workflow";

    private final ProcessStarts processes;
    private final RuntimeService runtime;

    MemberOnboardingBridge(ProcessStarts processes, RuntimeService runtime) {
        this.processes = processes;
        this.runtime = runtime;
    }

    /**
     * Resetting this processor is safe: replayed registrations are skipped (@DisallowReplay), so a reset
     * only moves its position, e.g. to the head of the stream after a bulk import.
     */
    @ResetHandler
    void reset() {
        // nothing to clear: running processes live on in the engine
    }

    @EventHandler
    @DisallowReplay // a replay rebuilds read models; it must not onboard members a second time
    void on(MemberRegistered event) {
        String businessKey = event.memberId().value();
        processes.startOnce(
                MemberOnboardingProcess.KEY, businessKey, () -> MemberOnboardingProcess.startVariables(event));
    }

    /**
     * Back to the officers' verification. Delivered only to a process that waits for it: after the answer period
     * the process has moved on (the request expired, so the command side refuses a late answer anyway), and a
     * member onboarded before this path existed has no process waiting; neither is an error.
     */
    @EventHandler
    @DisallowReplay
    void on(MemberApplicationResubmitted event) {
        runtime.createMessageCorrelation(MemberOnboardingProcess.MESSAGE_APPLICATION_RESUBMITTED)
                .processInstanceBusinessKey(event.memberId().value())
                .correlateAllWithResult();
    }
}
