package org.factorysharing.workflows.member;

import java.util.Map;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.factorysharing.api.member.MemberEvent.MemberRegistered;
import org.factorysharing.workflows.shared.ProcessStarts;
import org.springframework.stereotype.Component;

/**
 * Event-to-process bridge: a registration starts the onboarding process. It runs in the streaming
 * processor's transaction, so the process start and the processor's token commit together.
 */
@Component
@ProcessingGroup(MemberOnboardingBridge.PROCESSING_GROUP)
class MemberOnboardingBridge {

    static final String PROCESSING_GROUP = "member-onboarding-workflow";

    private final ProcessStarts processes;

    MemberOnboardingBridge(ProcessStarts processes) {
        this.processes = processes;
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
                MemberOnboardingProcess.KEY,
                businessKey,
                () -> Map.of(
                        MemberOnboardingProcess.MEMBER_ID, businessKey,
                        MemberOnboardingProcess.NIB, event.nib(),
                        MemberOnboardingProcess.BUSINESS_NAME, event.businessName(),
                        MemberOnboardingProcess.SCALE, event.scale().name(),
                        MemberOnboardingProcess.SECTOR, event.sector(),
                        MemberOnboardingProcess.PROVINCE, event.province(),
                        MemberOnboardingProcess.REGENCY, event.regency()));
    }
}
