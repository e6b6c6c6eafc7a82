package org.factorysharing.query.member;

import java.time.Instant;
import java.util.function.Consumer;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.Timestamp;
import org.factorysharing.api.member.MemberEvent.MemberAccountLinked;
import org.factorysharing.api.member.MemberEvent.MemberApplicationResubmitted;
import org.factorysharing.api.member.MemberEvent.MemberInformationRequestExpired;
import org.factorysharing.api.member.MemberEvent.MemberInformationRequested;
import org.factorysharing.api.member.MemberEvent.MemberPersonalDataForgotten;
import org.factorysharing.api.member.MemberEvent.MemberRegistered;
import org.factorysharing.api.member.MemberEvent.MemberReinstated;
import org.factorysharing.api.member.MemberEvent.MemberRejected;
import org.factorysharing.api.member.MemberEvent.MemberSuspended;
import org.factorysharing.api.member.MemberEvent.MemberVerified;
import org.factorysharing.api.member.MemberEvent.QualificationGranted;
import org.factorysharing.api.member.MemberEvent.QualificationRevoked;
import org.factorysharing.api.member.MemberId;
import org.factorysharing.api.member.MemberQueries.InformationRequestState;
import org.factorysharing.api.member.MemberStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Feeds the member directory and detail view. Every handler writes absolute values keyed by id,
 * so handling an event twice leaves the same rows (idempotent), and a reset rebuilds from scratch.
 */
@Component
@ProcessingGroup(MemberProjection.PROCESSING_GROUP)
class MemberProjection {

    static final String PROCESSING_GROUP = "member-directory";

    private final MemberEntryRepository members;
    private final JdbcTemplate jdbc;

    MemberProjection(MemberEntryRepository members, JdbcTemplate jdbc) {
        this.members = members;
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(MemberRegistered event, @Timestamp Instant at) {
        MemberEntry entry = members.findById(event.memberId().value())
                .orElseGet(() -> new MemberEntry(event.memberId().value()));
        entry.nib = event.nib();
        entry.businessName = event.businessName();
        entry.sector = event.sector();
        entry.province = event.province();
        entry.regency = event.regency();
        entry.scale = event.scale();
        entry.status = MemberStatus.APPLIED;
        entry.statusReason = null;
        entry.registeredAt = at;
        entry.updatedAt = at;
        members.save(entry);
    }

    @EventHandler
    void on(MemberVerified event, @Timestamp Instant at) {
        changeStatus(event.memberId(), MemberStatus.VERIFIED, null, at);
    }

    @EventHandler
    void on(MemberRejected event, @Timestamp Instant at) {
        changeStatus(event.memberId(), MemberStatus.REJECTED, event.reason(), at);
    }

    @EventHandler
    void on(MemberSuspended event, @Timestamp Instant at) {
        changeStatus(event.memberId(), MemberStatus.SUSPENDED, event.reason(), at);
    }

    @EventHandler
    void on(MemberReinstated event, @Timestamp Instant at) {
        changeStatus(event.memberId(), MemberStatus.VERIFIED, null, at);
    }

    @EventHandler
    void on(QualificationGranted event, @Timestamp Instant at) {
        update(event.memberId(), at, entry -> {
            QualificationEntry qualification = entry.qualifications.stream()
                    .filter(q -> q.machineType.equals(event.machineType()))
                    .findFirst()
                    .orElseGet(() -> {
                        QualificationEntry created = new QualificationEntry(event.machineType());
                        entry.qualifications.add(created);
                        return created;
                    });
            qualification.expiresOn = event.expiresOn();
            qualification.grantedBy = event.grantedBy();
            qualification.grantedAt = at;
        });
    }

    @EventHandler
    void on(QualificationRevoked event, @Timestamp Instant at) {
        update(
                event.memberId(),
                at,
                entry -> entry.qualifications.removeIf(q -> q.machineType.equals(event.machineType())));
    }

    @EventHandler
    void on(MemberAccountLinked event, @Timestamp Instant at) {
        members.flush(); // the member row must be in the table before the account row refers to it
        jdbc.update("""
                INSERT INTO member_account (user_id, member_id, linked_at) VALUES (?, ?, ?)
                ON CONFLICT (user_id) DO UPDATE SET member_id = EXCLUDED.member_id""", event.userId(), event.memberId().value(), java.sql.Timestamp.from(at));
    }

    @EventHandler
    void on(MemberInformationRequested event, @Timestamp Instant at) {
        update(event.memberId(), at, entry -> {
            entry.informationNote = event.note();
            entry.informationRequestedBy = event.requestedBy();
            entry.informationRequestedAt = at;
            entry.informationState = InformationRequestState.OPEN;
            entry.informationClosedAt = null;
        });
    }

    @EventHandler
    void on(MemberApplicationResubmitted event, @Timestamp Instant at) {
        closeInformationRequest(event.memberId(), InformationRequestState.ANSWERED, at);
    }

    @EventHandler
    void on(MemberInformationRequestExpired event, @Timestamp Instant at) {
        closeInformationRequest(event.memberId(), InformationRequestState.EXPIRED, at);
    }

    /** The directory holds no personal data to blank: the forget only changes when the member last changed. */
    @EventHandler
    void on(MemberPersonalDataForgotten event, @Timestamp Instant at) {
        update(event.memberId(), at, entry -> {});
    }

    @ResetHandler
    void reset() {
        jdbc.update("DELETE FROM member_account");
        members.deleteAllInBatch();
    }

    private void closeInformationRequest(MemberId memberId, InformationRequestState state, Instant at) {
        update(memberId, at, entry -> {
            entry.informationState = state;
            entry.informationClosedAt = at;
        });
    }

    private void changeStatus(MemberId memberId, MemberStatus status, String reason, Instant at) {
        update(memberId, at, entry -> {
            entry.status = status;
            entry.statusReason = reason;
        });
    }

    private void update(MemberId memberId, Instant at, Consumer<MemberEntry> change) {
        MemberEntry entry = members.findById(memberId.value())
                .orElseThrow(() -> new IllegalStateException("member " + memberId + " is not in the directory"));
        change.accept(entry);
        entry.updatedAt = at;
        members.save(entry);
    }
}
