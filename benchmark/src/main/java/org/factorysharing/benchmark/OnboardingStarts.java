package org.factorysharing.benchmark;

import java.util.Map;
import java.util.UUID;
import org.factorysharing.workflows.member.MemberOnboardingProcess;
import org.factorysharing.workflows.shared.ProcessStarts;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The onboarding bridge's work without the bridge: onboarding processes started through the engine alone, as the
 * bridge starts one per registration (the once-only check, the screening decision, the verification task and its
 * timer, with full history), in transactions of the bridge's batch size. Its rate is the most registrations per
 * second that the workflow side can take on this machine, whatever the HTTP and command layers cost.
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
                String memberId = UUID.randomUUID().toString();
                processes.startOnce(
                        MemberOnboardingProcess.KEY,
                        memberId,
                        () -> Map.of(
                                MemberOnboardingProcess.MEMBER_ID, memberId,
                                MemberOnboardingProcess.NIB,
                                        "9" + memberId.substring(0, 12).replace("-", ""),
                                MemberOnboardingProcess.BUSINESS_NAME, "Kelapa Jaya Mandiri",
                                MemberOnboardingProcess.SCALE, "MICRO",
                                MemberOnboardingProcess.SECTOR, "coconut",
                                MemberOnboardingProcess.PROVINCE, "Sulawesi Utara",
                                MemberOnboardingProcess.REGENCY, "Minahasa"));
            }
        });
    }
}
