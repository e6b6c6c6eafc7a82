package org.factorysharing.query.member;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.factorysharing.api.member.BusinessScale;
import org.factorysharing.api.member.MemberQueries.InformationRequestState;
import org.factorysharing.api.member.MemberStatus;

/**
 * A row of the member directory; the detail view adds its qualifications. No personal data: the owner's name, NIK
 * and contacts stay in the member's encrypted registration event, read and decrypted only when shown.
 */
@Entity
@Table(name = "member_directory")
class MemberEntry {

    @Id
    @Column(name = "member_id")
    String memberId;

    String nib;

    @Column(name = "business_name")
    String businessName;

    String sector;
    String province;
    String regency;

    @Enumerated(EnumType.STRING)
    BusinessScale scale;

    @Enumerated(EnumType.STRING)
    MemberStatus status;

    @Column(name = "status_reason")
    String statusReason;

    @Column(name = "registered_at")
    Instant registeredAt;

    @Column(name = "updated_at")
    Instant updatedAt;

    @Column(name = "information_note")
    String informationNote;

    @Column(name = "information_requested_by")
    String informationRequestedBy;

    @Column(name = "information_requested_at")
    Instant informationRequestedAt;

    @Enumerated(EnumType.STRING)
    @Column(name = "information_state")
    InformationRequestState informationState;

    @Column(name = "information_closed_at")
    Instant informationClosedAt;

    @ElementCollection
    @CollectionTable(name = "member_qualification", joinColumns = @JoinColumn(name = "member_id"))
    @OrderBy("machineType")
    List<QualificationEntry> qualifications = new ArrayList<>();

    protected MemberEntry() {}

    MemberEntry(String memberId) {
        this.memberId = memberId;
    }
}
