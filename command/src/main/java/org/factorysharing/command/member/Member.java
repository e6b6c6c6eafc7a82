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
import org.factorysharing.api.member.DocumentFormat;
import org.factorysharing.api.member.MemberCommands.AttachMemberDocument;
import org.factorysharing.api.member.MemberCommands.ExpireInformationRequest;
import org.factorysharing.api.member.MemberCommands.ForgetMemberPersonalData;
import org.factorysharing.api.member.MemberCommands.GrantQualification;
import org.factorysharing.api.member.MemberCommands.RegisterMember;
import org.factorysharing.api.member.MemberCommands.ReinstateMember;
import org.factorysharing.api.member.MemberCommands.RejectMember;
import org.factorysharing.api.member.MemberCommands.RequestMemberInformation;
import org.factorysharing.api.member.MemberCommands.ResubmitMemberApplication;
import org.factorysharing.api.member.MemberCommands.RevokeQualification;
import org.factorysharing.api.member.MemberCommands.SuspendMember;
import org.factorysharing.api.member.MemberCommands.VerifyMember;
import org.factorysharing.api.member.MemberEvent.MemberAccountLinked;
import org.factorysharing.api.member.MemberEvent.MemberApplicationResubmitted;
import org.factorysharing.api.member.MemberEvent.MemberDocumentAttached;
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
import org.factorysharing.api.member.MemberStatus;
import org.factorysharing.api.shared.ActorMetaData;
import org.factorysharing.api.shared.Groups;
import org.factorysharing.api.shared.InvalidField;
import org.factorysharing.api.shared.NotPermitted;
import org.factorysharing.api.shared.TextRules;
import org.factorysharing.command.shared.Acting;
import org.factorysharing.command.shared.Require;

/** A UMKM in the programme: its lifecycle and its machine qualifications. */
@Aggregate
class Member {

    private static final Pattern NIB = Pattern.compile("\\d{13}");
    private static final Pattern NIK = Pattern.compile("\\d{16}");
    private static final Pattern DOCUMENT_ID = Pattern.compile("[A-Za-z0-9-]{1,64}");

    /** The most documents one application holds: enough for every paper a ministry asks for, twice over. */
    static final int MAX_DOCUMENTS = 20;

    static final int MAX_NOTE_LENGTH = 1000;
    static final int MAX_FILE_NAME_LENGTH = 200;

    @AggregateIdentifier
    private MemberId memberId;

    private MemberStatus status;
    private final Map<String, LocalDate> qualifications = new HashMap<>();
    private final Set<String> accounts = new HashSet<>();
    // the aggregate never holds the owner's personal data itself: nothing to forget in a cached or snapshotted one
    private boolean personalDataForgotten;
    private final Set<String> documents = new HashSet<>();
    // an officer's request for more information is open; documents added since it was made
    private boolean awaitingInformation;
    private int documentsSinceRequest;

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
     * Not a command handler: attaching goes through {@link MemberDocuments}, which keeps the content in the vault in
     * the same transaction. Answers whether the document is new (false: the same document id again, nothing to do).
     */
    boolean attachDocument(AttachMemberDocument cmd, Acting acting, DocumentFormat format, String sha256) {
        requireMayAttach(acting);
        if (cmd.documentId() == null || !DOCUMENT_ID.matcher(cmd.documentId()).matches()) {
            throw new InvalidField("documentId", "must be 1 to 64 letters, digits or hyphens");
        }
        if (documents.contains(cmd.documentId())) {
            return false; // the same document again (a retried upload) changes nothing
        }
        if (cmd.kind() == null) {
            throw new InvalidField("kind", "is required");
        }
        String fileName = requireText(cmd.fileName(), "fileName");
        if (fileName.length() > MAX_FILE_NAME_LENGTH || !fileName.matches(TextRules.PLAIN)) {
            throw new InvalidField(
                    "fileName", "must be at most " + MAX_FILE_NAME_LENGTH + " characters, without control characters");
        }
        if (status != MemberStatus.APPLIED) {
            throw violation(
                    "member.not-applicant",
                    "documents are added to an open application only; this member is " + status);
        }
        if (personalDataForgotten) {
            throw violation(
                    "member.personal-data-forgotten",
                    "the member's personal data are forgotten: no document can be kept for it any more");
        }
        if (documents.size() >= MAX_DOCUMENTS) {
            throw violation(
                    "member.too-many-documents", "an application holds at most " + MAX_DOCUMENTS + " documents");
        }
        apply(new MemberDocumentAttached(
                memberId,
                cmd.documentId(),
                cmd.kind(),
                fileName,
                format.contentType(),
                cmd.content().length,
                sha256,
                requireText(cmd.attachedBy(), "attachedBy")));
        return true;
    }

    /** Sent by the onboarding process when an officer asks for more; a second request while one is open is a no-op. */
    @CommandHandler
    void handle(RequestMemberInformation cmd) {
        String note = requireText(cmd.note(), "note");
        if (note.length() > MAX_NOTE_LENGTH) {
            throw new InvalidField("note", "must be at most " + MAX_NOTE_LENGTH + " characters");
        }
        if (status != MemberStatus.APPLIED) {
            throw violation(
                    "member.not-applicant", "only an applicant can be asked for more; this member is " + status);
        }
        if (!awaitingInformation) {
            apply(new MemberInformationRequested(memberId, note, requireText(cmd.requestedBy(), "requestedBy")));
        }
    }

    /** The applicant sends the application back, having added at least one document since the officers asked. */
    @CommandHandler
    void handle(
            ResubmitMemberApplication cmd,
            @MetaDataValue(ActorMetaData.USER_ID) String userId,
            @MetaDataValue(ActorMetaData.GROUPS) List<String> groups) {
        requireApplicantOrOfficer(Acting.of(userId, groups), "send the application back");
        if (!awaitingInformation) {
            throw violation(
                    "member.no-information-requested",
                    "the officers are not waiting for more from this applicant: there is nothing to send back");
        }
        if (documentsSinceRequest == 0) {
            throw violation("member.no-new-documents", "add at least one document before sending the application back");
        }
        apply(new MemberApplicationResubmitted(memberId, requireText(cmd.resubmittedBy(), "resubmittedBy")));
    }

    /** Sent by the onboarding process when the applicant did not answer in time; nothing to do once answered. */
    @CommandHandler
    void handle(ExpireInformationRequest cmd) {
        if (awaitingInformation) {
            apply(new MemberInformationRequestExpired(memberId));
        }
    }

    /** Who may add documents: see {@link #requireApplicantOrOfficer}. */
    void requireMayAttach(Acting acting) {
        requireApplicantOrOfficer(acting, "add documents");
    }

    /**
     * The applicant's own login (another member's login is answered as unknown, as everywhere), or an officer acting
     * for the applicant; the system (a process) may too.
     */
    private void requireApplicantOrOfficer(Acting acting, String action) {
        if (acting.onlyForOwnMember()) {
            if (!accounts.contains(acting.userId())) {
                throw new AggregateNotFoundException(memberId.value(), "no member " + memberId);
            }
            return;
        }
        if (acting.userId() != null && !acting.groups().contains(Groups.OFFICERS)) {
            throw new NotPermitted("only the applicant's own login or an officer may " + action);
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
        awaitingInformation = false;
    }

    @EventSourcingHandler
    void on(MemberRejected event) {
        status = MemberStatus.REJECTED;
        awaitingInformation = false;
    }

    @EventSourcingHandler
    void on(MemberDocumentAttached event) {
        documents.add(event.documentId());
        if (awaitingInformation) {
            documentsSinceRequest++;
        }
    }

    @EventSourcingHandler
    void on(MemberInformationRequested event) {
        awaitingInformation = true;
        documentsSinceRequest = 0;
    }

    @EventSourcingHandler
    void on(MemberApplicationResubmitted event) {
        awaitingInformation = false;
    }

    @EventSourcingHandler
    void on(MemberInformationRequestExpired event) {
        awaitingInformation = false;
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

    private static String requireText(String value, String field) {
        return Require.text(value, field);
    }

    private static void requireMatch(String value, Pattern pattern, String message) {
        if (value == null || !pattern.matcher(value).matches()) {
            throw new IllegalArgumentException(message);
        }
    }
}
