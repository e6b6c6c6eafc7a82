package org.factorysharing.api.member;

import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Commands of the member feature. Input shape is validated at the edge; rules live in the aggregate. */
public final class MemberCommands {

    private MemberCommands() {}

    /**
     * Apply to the programme; the NIB must not be registered yet. {@code accountUserId}, when given, is the login that
     * applies for itself: it is linked to the new member in the same transaction (a member's login must name itself,
     * and a login acts for at most one member).
     */
    public record RegisterMember(
            @TargetAggregateIdentifier MemberId memberId,
            String nib,
            String businessName,
            String ownerName,
            String ownerNik,
            String sector,
            String province,
            String regency,
            BusinessScale scale,
            String contactPhone,
            String contactEmail,
            String accountUserId) {}

    /** An officer accepted the member's documents. */
    public record VerifyMember(@TargetAggregateIdentifier MemberId memberId, String verifiedBy) {}

    /** An officer turned the application down, with the reason given to the applicant. */
    public record RejectMember(@TargetAggregateIdentifier MemberId memberId, String reason, String rejectedBy) {}

    /** Temporarily bar a verified member from booking machines. */
    public record SuspendMember(@TargetAggregateIdentifier MemberId memberId, String reason, String suspendedBy) {}

    /** Lift a suspension. */
    public record ReinstateMember(@TargetAggregateIdentifier MemberId memberId, String reinstatedBy) {}

    /** Certify that the member's people may operate a machine type until {@code expiresOn} (inclusive). */
    public record GrantQualification(
            @TargetAggregateIdentifier MemberId memberId, String machineType, LocalDate expiresOn, String grantedBy) {}

    /** Withdraw a qualification before it expires. */
    public record RevokeQualification(
            @TargetAggregateIdentifier MemberId memberId, String machineType, String reason, String revokedBy) {}

    /** Link a login (a user of the identity store) to the member it acts for; a login belongs to one member. */
    public record LinkMemberAccount(
            @TargetAggregateIdentifier MemberId memberId, String userId, String linkedBy) {}

    /**
     * Hand in a document of the application (the NIB certificate, the owner's KTP, ...): PDF, JPEG or PNG by its
     * content, at most 5 MB. The member's own login, or an officer for it (papers handed in at the office); only while
     * the application is open. {@code documentId} is chosen by the sender: sending the same one again changes nothing.
     * The content goes to the {@link MemberDocumentVault}, encrypted; the event keeps its SHA-256, never the content.
     */
    public record AttachMemberDocument(
            @TargetAggregateIdentifier MemberId memberId,
            String documentId,
            DocumentKind kind,
            String fileName,
            byte[] content,
            String attachedBy) {

        @Override
        public String toString() {
            // never the content, not even in a log line
            return "AttachMemberDocument[memberId=" + memberId + ", documentId=" + documentId + ", kind=" + kind
                    + ", bytes=" + (content == null ? 0 : content.length) + ", attachedBy=" + attachedBy + "]";
        }
    }

    /** An officer asks the applicant for more (sent by the onboarding process); the note is shown to the member. */
    public record RequestMemberInformation(
            @TargetAggregateIdentifier MemberId memberId, String note, String requestedBy) {}

    /**
     * The applicant sends the application back after adding what was asked for (at least one document since the
     * request). The member's own login, or an officer for it.
     */
    public record ResubmitMemberApplication(
            @TargetAggregateIdentifier MemberId memberId, String resubmittedBy) {}

    /** The applicant did not answer a request for more information in time (sent by the onboarding process). */
    public record ExpireInformationRequest(
            @TargetAggregateIdentifier MemberId memberId) {}

    /** Erase the owner's personal data (name, NIK, contact details) at the data subject's request; repeat is a no-op. */
    public record ForgetMemberPersonalData(
            @TargetAggregateIdentifier MemberId memberId, String reason, String requestedBy) {}
}
