package org.factorysharing.benchmark;

import org.factorysharing.api.member.MemberCommands.RegisterMember;
import org.factorysharing.api.member.MemberEvent.MemberRegistered;
import org.factorysharing.workflows.member.MemberOnboardingProcess;
import org.factorysharing.workflows.shared.ProcessStarts;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The onboarding bridge's work without the bridge: onboarding processes started through the engine alone, as the
 * bridge starts one per registration (the once-only check, the screening decision, the verification task and its
 * timer, with full history, from the bridge's own variables), in transactions of the bridge's batch size. Its rate is
 * the most registrations per second that the workflow side can take on this machine, whatever the HTTP and command
 * layers cost.
 */
final class OnboardingStarts {

    /** As many starts per transaction as the onboarding bridge's batch holds. */
    static final int BATCH = 5;

    private final ProcessStarts processes;
    private final TransactionTemplate transactions;

    OnboardingStarts(Server server) {
        this.processes = server.bean(ProcessStarts.class);
        this.transactions = new TransactionTemplate(server.bean(PlatformTransactionManager.class));
    }

    void startBatch() {
        transactions.executeWithoutResult(status -> {
            for (int i = 0; i < BATCH; i++) {
                // what the command side records for the benchmark's usual registration
                RegisterMember command = Members.registration();
                MemberRegistered registration = new MemberRegistered(
                        command.memberId(),
                        command.nib(),
                        command.businessName(),
                        command.ownerName(),
                        command.ownerNik(),
                        command.sector(),
                        command.province(),
                        command.regency(),
                        command.scale(),
                        command.contactPhone(),
                        command.contactEmail());
                processes.startOnce(
                        MemberOnboardingProcess.KEY,
                        registration.memberId().value(),
                        () -> MemberOnboardingProcess.startVariables(registration));
            }
        });
    }
}
