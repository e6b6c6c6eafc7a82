package org.factorysharing.api.member;

import java.time.LocalDate;
import org.axonframework.serialization.Revision;

/** Everything that can happen to a member; sealed so that a switch over member events is checked. */
public sealed interface MemberEvent {

    MemberId memberId();

    /** A UMKM applied to the programme. Carries the owner's NIK: personal data, never put it in a workflow. */
    @Revision("1")
    record MemberRegistered(MemberId memberId, String nib, String businessName, String ownerName, String ownerNik,
                            String sector, String province, String regency, BusinessScale scale,
                            String contactPhone, String contactEmail) implements MemberEvent {
    }

    @Revision("1")
    record MemberVerified(MemberId memberId, String verifiedBy) implements MemberEvent {
    }

    @Revision("1")
    record MemberRejected(MemberId memberId, String reason, String rejectedBy) implements MemberEvent {
    }

    @Revision("1")
    record MemberSuspended(MemberId memberId, String reason, String suspendedBy) implements MemberEvent {
    }

    @Revision("1")
    record MemberReinstated(MemberId memberId, String reinstatedBy) implements MemberEvent {
    }

    /** Granted or renewed: a later grant for the same machine type replaces the expiry date. */
    @Revision("1")
    record QualificationGranted(MemberId memberId, String machineType, LocalDate expiresOn, String grantedBy)
            implements MemberEvent {
    }

    @Revision("1")
    record QualificationRevoked(MemberId memberId, String machineType, String reason, String revokedBy)
            implements MemberEvent {
    }

    /** A login now acts for this member: it sees the member's own data and books machine time for it. */
    @Revision("1")
    record MemberAccountLinked(MemberId memberId, String userId, String linkedBy) implements MemberEvent {
    }
}
