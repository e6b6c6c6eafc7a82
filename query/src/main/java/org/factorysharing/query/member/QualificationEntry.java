package org.factorysharing.query.member;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.time.Instant;
import java.time.LocalDate;

/** A machine-type qualification of a member as last granted (row of member_qualification). */
@Embeddable
class QualificationEntry {

    @Column(name = "machine_type")
    String machineType;

    @Column(name = "expires_on")
    LocalDate expiresOn;

    @Column(name = "granted_by")
    String grantedBy;

    @Column(name = "granted_at")
    Instant grantedAt;

    protected QualificationEntry() {}

    QualificationEntry(String machineType) {
        this.machineType = machineType;
    }
}
