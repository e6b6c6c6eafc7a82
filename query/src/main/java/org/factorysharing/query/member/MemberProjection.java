package org.factorysharing.query.member;

import java.time.Instant;
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
 * Feeds the member directory and detail view. Every handler writes absolute values keyed by id, so handling an event
 * twice leaves the same rows (idempotent), and a reset rebuilds from scratch. The writes never read the row first
 * (loading the entity with its qualifications to change one column cost most of a replay's time). Each write runs
 * in its handler, not batched up to the commit, so a write that fails is the handler's failure: the dead-letter queue
 * parks that event, and an admin's retry of it succeeds or fails on its own.
 */
@Component
@ProcessingGroup(MemberProjection.PROCESSING_GROUP)
class MemberProjection {

    static final String PROCESSING_GROUP = "member-directory";

    private final JdbcTemplate jdbc;

    MemberProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(MemberRegistered event, @Timestamp Instant at) {
        jdbc.update(
                """
                INSERT INTO member_directory (member_id, nib, business_name, sector, province, regency, scale, status,
                                              status_reason, registered_at, updated_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, NULL, ?, ?)
                ON CONFLICT (member_id) DO UPDATE SET
                    nib = EXCLUDED.nib, business_name = EXCLUDED.business_name, sector = EXCLUDED.sector,
                    province = EXCLUDED.province, regency = EXCLUDED.regency, scale = EXCLUDED.scale,
                    status = EXCLUDED.status, status_reason = NULL, registered_at = EXCLUDED.registered_at,
                    updated_at = EXCLUDED.updated_at""",
                event.memberId().value(),
                event.nib(),
                event.businessName(),
                event.sector(),
                event.province(),
                event.regency(),
                event.scale() == null ? null : event.scale().name(),
                MemberStatus.APPLIED.name(),
                sqlTime(at),
                sqlTime(at));
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
        touch(event.memberId(), at);
        jdbc.update(
                """
                INSERT INTO member_qualification (member_id, machine_type, expires_on, granted_by, granted_at)
                VALUES (?, ?, ?, ?, ?)
                ON CONFLICT (member_id, machine_type) DO UPDATE SET
                    expires_on = EXCLUDED.expires_on, granted_by = EXCLUDED.granted_by,
                    granted_at = EXCLUDED.granted_at""",
                event.memberId().value(),
                event.machineType(),
                java.sql.Date.valueOf(event.expiresOn()),
                event.grantedBy(),
                sqlTime(at));
    }

    @EventHandler
    void on(QualificationRevoked event, @Timestamp Instant at) {
        touch(event.memberId(), at);
        jdbc.update(
                "DELETE FROM member_qualification WHERE member_id = ? AND machine_type = ?",
                event.memberId().value(),
                event.machineType());
    }

    @EventHandler
    void on(MemberAccountLinked event, @Timestamp Instant at) {
        jdbc.update("""
                INSERT INTO member_account (user_id, member_id, linked_at) VALUES (?, ?, ?)
                ON CONFLICT (user_id) DO UPDATE SET member_id = EXCLUDED.member_id""", event.userId(), event.memberId().value(), sqlTime(at));
    }

    @EventHandler
    void on(MemberInformationRequested event, @Timestamp Instant at) {
        update(
                event.memberId(),
                at,
                """
                information_note = ?, information_requested_by = ?, information_requested_at = ?,
                information_state = ?, information_closed_at = NULL""",
                event.note(),
                event.requestedBy(),
                sqlTime(at),
                InformationRequestState.OPEN.name());
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
        touch(event.memberId(), at);
    }

    @ResetHandler
    void reset() {
        jdbc.update("DELETE FROM member_account");
        jdbc.update("DELETE FROM member_qualification");
        jdbc.update("DELETE FROM member_directory");
    }

    private void closeInformationRequest(MemberId memberId, InformationRequestState state, Instant at) {
        update(memberId, at, "information_state = ?, information_closed_at = ?", state.name(), sqlTime(at));
    }

    private void changeStatus(MemberId memberId, MemberStatus status, String reason, Instant at) {
        update(memberId, at, "status = ?, status_reason = ?", status.name(), reason);
    }

    private void touch(MemberId memberId, Instant at) {
        update(memberId, at, null);
    }

    /**
     * Sets the given columns and when the member last changed. A member missing from the directory is an error (its
     * registration was not applied), so the event is parked rather than lost silently.
     */
    private void update(MemberId memberId, Instant at, String assignments, Object... values) {
        Object[] arguments = new Object[values.length + 2];
        System.arraycopy(values, 0, arguments, 0, values.length);
        arguments[values.length] = sqlTime(at);
        arguments[values.length + 1] = memberId.value();
        String set = assignments == null ? "updated_at = ?" : assignments + ", updated_at = ?";
        if (jdbc.update("UPDATE member_directory SET " + set + " WHERE member_id = ?", arguments) == 0) {
            throw new IllegalStateException("member " + memberId + " is not in the directory");
        }
    }

    private static java.sql.Timestamp sqlTime(Instant at) {
        return java.sql.Timestamp.from(at);
    }
}
