package org.factorysharing.api.member;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** Queries of the member read models and their answers. */
public final class MemberQueries {

    private MemberQueries() {}

    /** Sortable columns of the member directory. */
    public enum MemberSort {
        BUSINESS_NAME,
        REGISTERED_AT,
        PROVINCE,
        STATUS
    }

    /**
     * One page of the member directory; null filters match everything. Pages count from 0. {@code memberIds}, when
     * given, narrows the page to those members (e.g. the ones a search on personal data found).
     */
    public record FindMembers(
            String province,
            String sector,
            MemberStatus status,
            int page,
            int size,
            MemberSort sort,
            boolean descending,
            List<String> memberIds) {}

    /** The member a login acts for, or nothing when the login is not linked to a member. */
    public record FindMemberOfAccount(String userId) {}

    public record MemberAccountView(String userId, String memberId) {}

    /** The detail view of one member, or nothing when the id is unknown. */
    public record FindMember(MemberId memberId) {}

    /** A line of the member directory. */
    public record MemberSummaryView(
            String memberId,
            String nib,
            String businessName,
            String sector,
            String province,
            String regency,
            BusinessScale scale,
            MemberStatus status,
            Instant registeredAt) {}

    public record MemberPage(List<MemberSummaryView> items, int page, int size, long totalItems, int totalPages) {}

    /**
     * Member detail. The read model holds no personal data: the owner's name, masked NIK and contacts come from the
     * member's own registration event, decrypted when read ({@link FindPersonalData}), and read [forgotten] once the
     * member's personal data are forgotten.
     */
    public record MemberView(
            String memberId,
            String nib,
            String businessName,
            String ownerName,
            String ownerNikMasked,
            String sector,
            String province,
            String regency,
            BusinessScale scale,
            String contactPhone,
            String contactEmail,
            MemberStatus status,
            String statusReason,
            Instant registeredAt,
            Instant updatedAt,
            List<QualificationView> qualifications,
            InformationRequestView informationRequest) {

        /** The same member with its personal data, as the privacy module reads them. */
        public MemberView withPersonalData(PersonalDataView personal) {
            return new MemberView(
                    memberId,
                    nib,
                    businessName,
                    personal.ownerName(),
                    personal.ownerNikMasked(),
                    sector,
                    province,
                    regency,
                    scale,
                    personal.contactPhone(),
                    personal.contactEmail(),
                    status,
                    statusReason,
                    registeredAt,
                    updatedAt,
                    qualifications,
                    informationRequest);
        }

        /** True while the officers wait for the applicant to add what they asked for. */
        public boolean awaitingInformation() {
            return informationRequest != null && informationRequest.state() == InformationRequestState.OPEN;
        }
    }

    /** The owner's personal data of a member, decrypted from its registration; nothing for an unknown member. */
    public record FindPersonalData(MemberId memberId) {}

    /** The owner's name, NIK (masked to its last four digits) and contacts, or [forgotten]. */
    public record PersonalDataView(String ownerName, String ownerNikMasked, String contactPhone, String contactEmail) {}

    /** Personal data an officer may search by, exactly (after normalising), without any copy in clear. */
    public enum PersonalField {
        NIK,
        PHONE,
        EMAIL
    }

    /** The members whose owner has this NIK, phone number or e-mail address (an exact, normalised match). */
    public record FindMembersByPersonalData(PersonalField field, String value) {}

    /** Ids of the members found. */
    public record MemberIds(List<String> memberIds) {}

    /** Where the last request for more information stands. */
    public enum InformationRequestState {
        /** The officers wait for the applicant. */
        OPEN,
        /** The applicant sent the application back. */
        ANSWERED,
        /** The applicant did not answer in time; the application went back to the officers. */
        EXPIRED
    }

    /** The last request for more information an officer made of an applicant, or null when none was made. */
    public record InformationRequestView(
            String note, String requestedBy, Instant requestedAt, InformationRequestState state, Instant closedAt) {}

    /**
     * The documents of a member, oldest first: for officers, supervisors and auditors, and for the member's own login;
     * anyone else is answered as if the member did not exist. The file names are decrypted as they are read.
     */
    public record FindMemberDocuments(MemberId memberId, String userId, List<String> groups) {}

    /** One document with its content, decrypted, for the same people; nothing for an unknown or forgotten one. */
    public record FindMemberDocument(MemberId memberId, String documentId, String userId, List<String> groups) {}

    /**
     * A document of a member, without its content. {@code forgotten}: the member's personal data were forgotten, so
     * its name reads [forgotten] and its content is gone.
     */
    public record MemberDocumentView(
            String documentId,
            DocumentKind kind,
            String fileName,
            String contentType,
            long size,
            String sha256,
            String attachedBy,
            Instant attachedAt,
            boolean forgotten) {}

    /** A document and its content, as served to a reader. */
    public record MemberDocumentContent(MemberDocumentView document, byte[] content) {

        @Override
        public String toString() {
            return "MemberDocumentContent[" + document + ", bytes=" + content.length + "]";
        }
    }

    /** A qualification with its state on the day of the query. */
    public record QualificationView(
            String machineType, LocalDate expiresOn, boolean expired, String grantedBy, Instant grantedAt) {}
}
