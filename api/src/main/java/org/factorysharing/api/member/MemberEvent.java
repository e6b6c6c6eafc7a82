package org.factorysharing.api.member;

import java.time.LocalDate;
import org.axonframework.serialization.Revision;
import org.factorysharing.api.shared.DataSubject;
import org.factorysharing.api.shared.PersonalData;

/** Everything that can happen to a member; sealed so that a switch over member events is checked. */
public sealed interface MemberEvent {

    MemberId memberId();

    /**
     * A UMKM applied to the programme. The owner's name, NIK and contact details are personal data: stored
     * encrypted with the member's key, {@link PersonalData#FORGOTTEN} once forgotten; never put them in a workflow.
     */
    @Revision("1")
    record MemberRegistered(
            @DataSubject MemberId memberId,
            String nib,
            String businessName,
            @PersonalData String ownerName,
            @PersonalData String ownerNik,
            String sector,
            String province,
            String regency,
            BusinessScale scale,
            @PersonalData String contactPhone,
            @PersonalData String contactEmail)
            implements MemberEvent {}

    @Revision("1")
    record MemberVerified(MemberId memberId, String verifiedBy) implements MemberEvent {}

    @Revision("1")
    record MemberRejected(MemberId memberId, String reason, String rejectedBy) implements MemberEvent {}

    @Revision("1")
    record MemberSuspended(MemberId memberId, String reason, String suspendedBy) implements MemberEvent {}

    @Revision("1")
    record MemberReinstated(MemberId memberId, String reinstatedBy) implements MemberEvent {}

    /** Granted or renewed: a later grant for the same machine type replaces the expiry date. */
    @Revision("1")
    record QualificationGranted(MemberId memberId, String machineType, LocalDate expiresOn, String grantedBy)
            implements MemberEvent {}

    @Revision("1")
    record QualificationRevoked(MemberId memberId, String machineType, String reason, String revokedBy)
            implements MemberEvent {}

    /** A login now acts for this member: it sees the member's own data and books machine time for it. */
    @Revision("1")
    record MemberAccountLinked(MemberId memberId, String userId, String linkedBy) implements MemberEvent {}

    /**
     * A document of the application was handed in. Its content is kept encrypted in the {@link MemberDocumentVault},
     * never in an event: the event holds its SHA-256 (hex), the media type recognised from its content, and its size in
     * bytes. The file name is personal data (it often names the owner).
     */
    @Revision("1")
    record MemberDocumentAttached(
            @DataSubject MemberId memberId,
            String documentId,
            DocumentKind kind,
            @PersonalData String fileName,
            String contentType,
            long size,
            String sha256,
            String attachedBy)
            implements MemberEvent {}

    /** An officer asked the applicant for more documents or information; the note is what the member reads. */
    @Revision("1")
    record MemberInformationRequested(MemberId memberId, String note, String requestedBy) implements MemberEvent {}

    /** The applicant added what was asked for and sent the application back to the officers. */
    @Revision("1")
    record MemberApplicationResubmitted(MemberId memberId, String resubmittedBy) implements MemberEvent {}

    /** The applicant did not answer a request for more information in time; the application is back with officers. */
    @Revision("1")
    record MemberInformationRequestExpired(MemberId memberId) implements MemberEvent {}

    /**
     * The member's personal data were erased (crypto-shredding: its key is deleted, the events stay). Its NIB,
     * business name, status and qualifications are business data and remain.
     */
    @Revision("1")
    record MemberPersonalDataForgotten(MemberId memberId, String reason, String forgottenBy) implements MemberEvent {}
}
