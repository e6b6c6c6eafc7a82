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

    /** One page of the member directory; null filters match everything. Pages count from 0. */
    public record FindMembers(
            String province,
            String sector,
            MemberStatus status,
            int page,
            int size,
            MemberSort sort,
            boolean descending) {}

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

    /** Member detail. The owner's NIK is shown masked: the read side never needs it in clear. */
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
            List<QualificationView> qualifications) {}

    /** A qualification with its state on the day of the query. */
    public record QualificationView(
            String machineType, LocalDate expiresOn, boolean expired, String grantedBy, Instant grantedAt) {}
}
