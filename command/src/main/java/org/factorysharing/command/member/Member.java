package org.factorysharing.command.member;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;
import static org.factorysharing.command.shared.Require.today;
import static org.factorysharing.command.shared.Require.violation;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.spring.stereotype.Aggregate;
import org.factorysharing.api.member.MemberCommands.ForgetMemberPersonalData;
import org.factorysharing.api.member.MemberCommands.GrantQualification;
import org.factorysharing.api.member.MemberCommands.RegisterMember;
import org.factorysharing.api.member.MemberCommands.ReinstateMember;
import org.factorysharing.api.member.MemberCommands.RejectMember;
import org.factorysharing.api.member.MemberCommands.RevokeQualification;
import org.factorysharing.api.member.MemberCommands.SuspendMember;
import org.factorysharing.api.member.MemberCommands.VerifyMember;
import org.factorysharing.api.member.MemberEvent.MemberAccountLinked;
import org.factorysharing.api.member.MemberEvent.MemberPersonalDataForgotten;
import org.factorysharing.api.member.MemberEvent.MemberRegistered;
import org.factorysharing.api.member.MemberEvent.MemberReinstated;
import org.factorysharing.api.member.MemberEvent.MemberRejected;
import org.factorysharing.api.member.MemberEvent.MemberSuspended;
import org.factorysharing.api.member.MemberEvent.MemberVerified;
import org.factorysharing.api.member.MemberEvent.QualificationGranted;
import org.factorysharing.api.member.MemberEvent.QualificationRevoked;
import org.factorysharing.api.member.MemberId;
import org.factorysharing.api.member.MemberStatus;
import org.factorysharing.api.shared.ActorMetaData;
import org.factorysharing.command.shared.Acting;
import org.factorysharing.command.shared.Require;

/** A UMKM in the programme: its lifecycle and its machine qualifications. */
@Aggregate
class Member {

    private static final Pattern NIB = Pattern.compile("\\d{13}");
    private static final Pattern NIK = Pattern.compile("\\d{16}");

    @AggregateIdentifier
    private MemberId memberId;

    private MemberStatus status;
    private final Map<String, LocalDate> qualifications = new HashMap<>();
    private final Set<String> accounts = new HashSet<>();
    // the aggregate never holds the owner's personal data itself: nothing to forget in a cached or snapshotted one
    private boolean personalDataForgotten;

    Member() {
        // for Axon: rebuilt from its events
    }

    /** Not a command handler: registration goes through {@link MemberRegistration}, which claims the NIB first. */
    Member(RegisterMember cmd) {
        requireValid(cmd);
        apply(new MemberRegistered(
                cmd.memberId(),
                cmd.nib(),
                cmd.businessName().strip(),
                cmd.ownerName().strip(),
                cmd.ownerNik(),
                cmd.sector().strip(),
                cmd.province().strip(),
                cmd.regency().strip(),
                cmd.scale(),
                stripped(cmd.contactPhone()),
                stripped(cmd.contactEmail())));
        if (cmd.accountUserId() != null) {
            apply(new MemberAccountLinked(cmd.memberId(), cmd.accountUserId(), cmd.accountUserId()));
        }
    }

    /** Plain input checks of a registration, run before the NIB is claimed. */
    static void requireValid(RegisterMember cmd) {
        requireMatch(cmd.nib(), NIB, "nib must be 13 digits");
        requireMatch(cmd.ownerNik(), NIK, "ownerNik must be 16 digits");
        requireText(cmd.businessName(), "businessName");
        requireText(cmd.ownerName(), "ownerName");
        requireText(cmd.sector(), "sector");
        requireText(cmd.province(), "province");
        requireText(cmd.regency(), "regency");
        if (cmd.scale() == null) {
            throw new IllegalArgumentException("scale is required");
        }
    }

    @CommandHandler
    void handle(VerifyMember cmd) {
        switch (status) {
            case VERIFIED -> {} // already verified: repeated approval is harmless
            case APPLIED -> apply(new MemberVerified(memberId, cmd.verifiedBy()));
            case REJECTED -> throw violation("member.rejected", "a rejected member cannot be verified");
            case SUSPENDED -> throw violation("member.suspended", "a suspended member is reinstated, not verified");
        }
    }

    @CommandHandler
    void handle(RejectMember cmd) {
        requireText(cmd.reason(), "reason");
        switch (status) {
            case REJECTED -> {}
            case APPLIED -> apply(new MemberRejected(memberId, cmd.reason().strip(), cmd.rejectedBy()));
            case VERIFIED, SUSPENDED ->
                throw violation("member.not-applicant", "only an applicant can be rejected; this member is " + status);
        }
    }

    @CommandHandler
    void handle(SuspendMember cmd) {
        requireText(cmd.reason(), "reason");
        switch (status) {
            case SUSPENDED -> {}
            case VERIFIED -> apply(new MemberSuspended(memberId, cmd.reason().strip(), cmd.suspendedBy()));
            case APPLIED, REJECTED ->
                throw violation(
                        "member.not-verified", "only a verified member can be suspended; this member is " + status);
        }
    }

    @CommandHandler
    void handle(ReinstateMember cmd) {
        switch (status) {
            case VERIFIED -> {}
            case SUSPENDED -> apply(new MemberReinstated(memberId, cmd.reinstatedBy()));
            case APPLIED, REJECTED ->
                throw violation(
                        "member.not-suspended", "only a suspended member can be reinstated; this member is " + status);
        }
    }

    @CommandHandler
    void handle(GrantQualification cmd) {
        requireText(cmd.machineType(), "machineType");
        Require.usableDate(cmd.expiresOn(), "expiresOn");
        if (status != MemberStatus.VERIFIED) {
            throw violation("member.not-verified", "only a verified member can be qualified; this member is " + status);
        }
        if (!cmd.expiresOn().isAfter(today())) {
            throw violation("qualification.expiry-not-future", "a qualification must expire after today");
        }
        if (cmd.expiresOn().equals(qualifications.get(cmd.machineType()))) {
            return; // the same grant again changes nothing
        }
        apply(new QualificationGranted(memberId, cmd.machineType(), cmd.expiresOn(), cmd.grantedBy()));
    }

    @CommandHandler
    void handle(RevokeQualification cmd) {
        requireText(cmd.machineType(), "machineType");
        requireText(cmd.reason(), "reason");
        if (!holdsQualification(cmd.machineType(), today())) {
            throw violation(
                    "qualification.not-held", "the member holds no unexpired qualification for " + cmd.machineType());
        }
        apply(new QualificationRevoked(memberId, cmd.machineType(), cmd.reason().strip(), cmd.revokedBy()));
    }

    /** Not a command handler: linking goes through {@link MemberAccounts}, which claims the login first. */
    void linkAccount(String userId, String linkedBy) {
        if (status == MemberStatus.REJECTED) {
            throw violation("member.rejected", "a rejected applicant gets no login");
        }
        if (!accounts.contains(userId)) {
            apply(new MemberAccountLinked(memberId, userId, linkedBy));
        }
    }

    /**
     * Allowed in every status: the right to erasure does not depend on how the application went. A member's own login
     * may forget only its own member; another member is answered as unknown, as everywhere.
     */
    @CommandHandler
    void handle(
            ForgetMemberPersonalData cmd,
            @MetaDataValue(ActorMetaData.USER_ID) String userId,
            @MetaDataValue(ActorMetaData.GROUPS) List<String> groups) {
        Acting acting = Acting.of(userId, groups);
        if (acting.onlyForOwnMember() && !accounts.contains(acting.userId())) {
            throw new AggregateNotFoundException(memberId.value(), "no member " + memberId);
        }
        requireText(cmd.reason(), "reason");
        if (!personalDataForgotten) {
            apply(new MemberPersonalDataForgotten(memberId, cmd.reason().strip(), cmd.requestedBy()));
        }
    }

    /** Why this member may not book machine time of a type on a day, or empty when it may. */
    java.util.Optional<MemberEligibility.Refusal> refusalFor(String machineType, LocalDate day) {
        return MemberEligibility.refusal(status, holdsQualification(machineType, day), machineType);
    }

    /** A qualification counts up to and including its expiry day. */
    boolean holdsQualification(String machineType, LocalDate day) {
        LocalDate expiresOn = qualifications.get(machineType);
        return expiresOn != null && !day.isAfter(expiresOn);
    }

    @EventSourcingHandler
    void on(MemberRegistered event) {
        memberId = event.memberId();
        status = MemberStatus.APPLIED;
    }

    @EventSourcingHandler
    void on(MemberVerified event) {
        status = MemberStatus.VERIFIED;
    }

    @EventSourcingHandler
    void on(MemberRejected event) {
        status = MemberStatus.REJECTED;
    }

    @EventSourcingHandler
    void on(MemberSuspended event) {
        status = MemberStatus.SUSPENDED;
    }

    @EventSourcingHandler
    void on(MemberReinstated event) {
        status = MemberStatus.VERIFIED;
    }

    @EventSourcingHandler
    void on(QualificationGranted event) {
        qualifications.put(event.machineType(), event.expiresOn());
    }

    @EventSourcingHandler
    void on(MemberAccountLinked event) {
        accounts.add(event.userId());
    }

    @EventSourcingHandler
    void on(MemberPersonalDataForgotten event) {
        personalDataForgotten = true;
    }

    @EventSourcingHandler
    void on(QualificationRevoked event) {
        qualifications.remove(event.machineType());
    }

    private static String stripped(String optional) {
        return optional == null || optional.isBlank() ? null : optional.strip();
    }

    private static void requireText(String value, String field) {
        Require.text(value, field);
    }

    private static void requireMatch(String value, Pattern pattern, String message) {
        if (value == null || !pattern.matcher(value).matches()) {
            throw new IllegalArgumentException(message);
        }
    }
}
