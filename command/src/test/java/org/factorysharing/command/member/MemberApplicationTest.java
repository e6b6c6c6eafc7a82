package org.factorysharing.command.member;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.factorysharing.api.member.BusinessScale;
import org.factorysharing.api.member.DocumentKind;
import org.factorysharing.api.member.MemberCommands.AttachMemberDocument;
import org.factorysharing.api.member.MemberCommands.ExpireInformationRequest;
import org.factorysharing.api.member.MemberCommands.RequestMemberInformation;
import org.factorysharing.api.member.MemberCommands.ResubmitMemberApplication;
import org.factorysharing.api.member.MemberDocumentVault;
import org.factorysharing.api.member.MemberDocumentVault.StoredDocument;
import org.factorysharing.api.member.MemberEvent.MemberAccountLinked;
import org.factorysharing.api.member.MemberEvent.MemberApplicationResubmitted;
import org.factorysharing.api.member.MemberEvent.MemberDocumentAttached;
import org.factorysharing.api.member.MemberEvent.MemberInformationRequestExpired;
import org.factorysharing.api.member.MemberEvent.MemberInformationRequested;
import org.factorysharing.api.member.MemberEvent.MemberPersonalDataForgotten;
import org.factorysharing.api.member.MemberEvent.MemberRegistered;
import org.factorysharing.api.member.MemberEvent.MemberRejected;
import org.factorysharing.api.member.MemberEvent.MemberVerified;
import org.factorysharing.api.member.MemberId;
import org.factorysharing.api.shared.ActorMetaData;
import org.factorysharing.api.shared.BusinessRuleViolation;
import org.factorysharing.api.shared.InvalidField;
import org.factorysharing.api.shared.NotPermitted;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;

/** The application's documents and the officers' requests for more: who may add what, when, and sending it back. */
class MemberApplicationTest {

    private static final MemberId ID = new MemberId("member-1");
    private static final byte[] PDF = "%PDF-1.4\n1 0 obj <<>> endobj\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);
    private static final String PDF_SHA256 = MemberDocuments.sha256(PDF);
    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 13};

    private static final MemberRegistered REGISTERED = new MemberRegistered(
            ID,
            "1234567890123",
            "CV Kelapa Jaya",
            "Siti Rahma",
            "3201234567890001",
            "coconut",
            "Sulawesi Utara",
            "Minahasa",
            BusinessScale.MICRO,
            "+62811000111",
            "siti@example.id");
    private static final MemberAccountLinked SITI_LINKED = new MemberAccountLinked(ID, "siti", "siti");
    private static final MemberDocumentAttached NIB_ATTACHED = attached("doc-1", DocumentKind.NIB_CERTIFICATE);
    private static final MemberInformationRequested ASKED =
            new MemberInformationRequested(ID, "The KTP scan is unreadable; please add a sharper one.", "officer-1");

    private static final Map<String, Object> OFFICER =
            Map.of(ActorMetaData.USER_ID, "officer-1", ActorMetaData.GROUPS, List.of("officers"));
    private static final Map<String, Object> SUPERVISOR =
            Map.of(ActorMetaData.USER_ID, "supervisor-1", ActorMetaData.GROUPS, List.of("supervisors"));

    private final List<StoredDocument> stored = new ArrayList<>();
    private FixtureConfiguration<Member> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Member.class);
        MemberDocumentVault vault = (document, content) -> stored.add(document);
        StaticListableBeanFactory beans = new StaticListableBeanFactory(Map.of("vault", vault));
        fixture.registerAnnotatedCommandHandler(
                new MemberDocuments(fixture.getRepository(), beans.getBeanProvider(MemberDocumentVault.class)));
    }

    // --- documents ---

    @Test
    void theApplicantsOwnLoginAttachesADocumentRecordedWithoutItsContent() {
        fixture.given(REGISTERED, SITI_LINKED)
                .when(attach("doc-1", DocumentKind.NIB_CERTIFICATE, " nib.pdf ", PDF, "siti"), memberLogin("siti"))
                .expectSuccessfulHandlerExecution()
                .expectEvents(NIB_ATTACHED);
        assertEquals(1, stored.size(), "the content went to the vault");
        assertEquals("nib.pdf", stored.get(0).fileName());
        assertEquals(PDF_SHA256, stored.get(0).sha256());
    }

    @Test
    void theTypeIsTheContentsNotTheNames() {
        fixture.given(REGISTERED)
                .when(attach("doc-2", DocumentKind.OWNER_ID_CARD, "ktp.pdf", PNG, "officer-1"), OFFICER)
                .expectEvents(new MemberDocumentAttached(
                        ID,
                        "doc-2",
                        DocumentKind.OWNER_ID_CARD,
                        "ktp.pdf",
                        "image/png",
                        PNG.length,
                        MemberDocuments.sha256(PNG),
                        "officer-1"));
    }

    @Test
    void textRenamedToPdfIsRefusedAndNothingIsStored() {
        fixture.given(REGISTERED, SITI_LINKED)
                .when(
                        attach("doc-1", DocumentKind.NIB_CERTIFICATE, "nib.pdf", "hello".getBytes(), "siti"),
                        memberLogin("siti"))
                .expectException(InvalidField.class)
                .expectExceptionMessage("content is not a PDF, JPEG or PNG file (judged by its content, not its name)")
                .expectNoEvents();
        assertTrue(stored.isEmpty());
    }

    @Test
    void anEmptyOrOversizedDocumentIsRefused() {
        fixture.given(REGISTERED)
                .when(attach("doc-1", DocumentKind.OTHER, "empty.pdf", new byte[0], "officer-1"), OFFICER)
                .expectException(InvalidField.class)
                .expectExceptionMessage("content is empty")
                .expectNoEvents();
        byte[] tooLarge = new byte[5 * 1024 * 1024 + 1];
        System.arraycopy(PDF, 0, tooLarge, 0, PDF.length);
        fixture.given(REGISTERED)
                .when(attach("doc-1", DocumentKind.OTHER, "big.pdf", tooLarge, "officer-1"), OFFICER)
                .expectException(InvalidField.class)
                .expectExceptionMessage("content is larger than 5242880 bytes (5 MB)")
                .expectNoEvents();
        assertTrue(stored.isEmpty());
    }

    @Test
    void theSameDocumentAgainChangesNothing() {
        fixture.given(REGISTERED, SITI_LINKED, NIB_ATTACHED)
                .when(attach("doc-1", DocumentKind.NIB_CERTIFICATE, "nib.pdf", PDF, "siti"), memberLogin("siti"))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
        assertTrue(stored.isEmpty(), "nothing stored twice");
    }

    @Test
    void anotherMembersLoginFindsNoMemberToAttachTo() {
        fixture.given(REGISTERED, SITI_LINKED)
                .when(attach("doc-1", DocumentKind.NIB_CERTIFICATE, "nib.pdf", PDF, "budi"), memberLogin("budi"))
                .expectException(AggregateNotFoundException.class)
                .expectNoEvents();
        // not even a bad upload is told before the login is known to act for the member
        fixture.given(REGISTERED, SITI_LINKED)
                .when(
                        attach("doc-1", DocumentKind.NIB_CERTIFICATE, "nib.pdf", new byte[0], "budi"),
                        memberLogin("budi"))
                .expectException(AggregateNotFoundException.class);
        assertTrue(stored.isEmpty());
    }

    @Test
    void onlyTheApplicantOrAnOfficerAddsDocuments() {
        fixture.given(REGISTERED)
                .when(attach("doc-1", DocumentKind.OTHER, "x.pdf", PDF, "supervisor-1"), SUPERVISOR)
                .expectException(NotPermitted.class)
                .expectNoEvents();
    }

    @Test
    void documentsAreAddedToAnOpenApplicationOnly() {
        fixture.given(REGISTERED, new MemberVerified(ID, "officer-1"))
                .when(attach("doc-1", DocumentKind.OTHER, "x.pdf", PDF, "officer-1"), OFFICER)
                .expectException(BusinessRuleViolation.class)
                .expectExceptionMessage("documents are added to an open application only; this member is VERIFIED")
                .expectNoEvents();
        fixture.given(REGISTERED, new MemberRejected(ID, "forged", "officer-1"))
                .when(attach("doc-1", DocumentKind.OTHER, "x.pdf", PDF, "officer-1"), OFFICER)
                .expectException(BusinessRuleViolation.class)
                .expectNoEvents();
    }

    @Test
    void aForgottenMemberGetsNoNewDocuments() {
        fixture.given(REGISTERED, SITI_LINKED, new MemberPersonalDataForgotten(ID, "asked", "siti"))
                .when(attach("doc-1", DocumentKind.OTHER, "x.pdf", PDF, "siti"), memberLogin("siti"))
                .expectException(BusinessRuleViolation.class)
                .expectNoEvents();
    }

    @Test
    void anApplicationHoldsAtMostTwentyDocuments() {
        List<Object> twenty = new ArrayList<>(List.of(REGISTERED));
        for (int i = 0; i < Member.MAX_DOCUMENTS; i++) {
            twenty.add(attached("doc-" + i, DocumentKind.OTHER));
        }
        fixture.given(twenty)
                .when(attach("doc-more", DocumentKind.OTHER, "x.pdf", PDF, "officer-1"), OFFICER)
                .expectException(BusinessRuleViolation.class)
                .expectNoEvents();
    }

    @Test
    void aDocumentNeedsAKindAFileNameAndAUsableId() {
        fixture.given(REGISTERED)
                .when(attach("doc-1", null, "x.pdf", PDF, "officer-1"), OFFICER)
                .expectException(InvalidField.class)
                .expectNoEvents();
        fixture.given(REGISTERED)
                .when(attach("doc-1", DocumentKind.OTHER, " ", PDF, "officer-1"), OFFICER)
                .expectException(IllegalArgumentException.class)
                .expectNoEvents();
        fixture.given(REGISTERED)
                .when(attach("../etc", DocumentKind.OTHER, "x.pdf", PDF, "officer-1"), OFFICER)
                .expectException(InvalidField.class)
                .expectNoEvents();
        fixture.given(REGISTERED)
                .when(attach("doc-1", DocumentKind.OTHER, "a\u0000b.pdf", PDF, "officer-1"), OFFICER)
                .expectException(InvalidField.class)
                .expectNoEvents();
    }

    // --- asking for more, and sending the application back ---

    @Test
    void anOfficersRequestForMoreIsRecordedWithItsNote() {
        fixture.given(REGISTERED)
                .when(new RequestMemberInformation(
                        ID, " The KTP scan is unreadable; please add a sharper one. ", "officer-1"))
                .expectEvents(ASKED);
    }

    @Test
    void aSecondRequestWhileOneIsOpenChangesNothing() {
        fixture.given(REGISTERED, ASKED)
                .when(new RequestMemberInformation(ID, "Also the NIB, please.", "officer-2"))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void onlyAnApplicantIsAskedForMore() {
        fixture.given(REGISTERED, new MemberVerified(ID, "officer-1"))
                .when(new RequestMemberInformation(ID, "More, please.", "officer-1"))
                .expectException(BusinessRuleViolation.class)
                .expectNoEvents();
    }

    @Test
    void aRequestNeedsANoteOfAtMostAThousandCharacters() {
        fixture.given(REGISTERED)
                .when(new RequestMemberInformation(ID, "  ", "officer-1"))
                .expectException(IllegalArgumentException.class)
                .expectNoEvents();
        fixture.given(REGISTERED)
                .when(new RequestMemberInformation(ID, "x".repeat(1001), "officer-1"))
                .expectException(InvalidField.class)
                .expectNoEvents();
    }

    @Test
    void theApplicantSendsTheApplicationBackAfterAddingADocument() {
        fixture.given(REGISTERED, SITI_LINKED, NIB_ATTACHED, ASKED, attached("doc-2", DocumentKind.OWNER_ID_CARD))
                .when(new ResubmitMemberApplication(ID, "siti"), memberLogin("siti"))
                .expectEvents(new MemberApplicationResubmitted(ID, "siti"));
    }

    @Test
    void theApplicationIsNotSentBackWithoutANewDocument() {
        // the document handed in before the request does not count
        fixture.given(REGISTERED, SITI_LINKED, NIB_ATTACHED, ASKED)
                .when(new ResubmitMemberApplication(ID, "siti"), memberLogin("siti"))
                .expectException(BusinessRuleViolation.class)
                .expectExceptionMessage("add at least one document before sending the application back")
                .expectNoEvents();
    }

    @Test
    void nothingIsSentBackWhenNothingWasAskedFor() {
        fixture.given(REGISTERED, SITI_LINKED, NIB_ATTACHED)
                .when(new ResubmitMemberApplication(ID, "siti"), memberLogin("siti"))
                .expectException(BusinessRuleViolation.class)
                .expectNoEvents();
        fixture.given(REGISTERED, SITI_LINKED, ASKED, NIB_ATTACHED, new MemberApplicationResubmitted(ID, "siti"))
                .when(new ResubmitMemberApplication(ID, "siti"), memberLogin("siti"))
                .expectException(BusinessRuleViolation.class)
                .expectNoEvents();
    }

    @Test
    void anotherMembersLoginCannotSendTheApplicationBack() {
        fixture.given(REGISTERED, SITI_LINKED, ASKED, NIB_ATTACHED)
                .when(new ResubmitMemberApplication(ID, "budi"), memberLogin("budi"))
                .expectException(AggregateNotFoundException.class)
                .expectNoEvents();
        fixture.given(REGISTERED, SITI_LINKED, ASKED, NIB_ATTACHED)
                .when(new ResubmitMemberApplication(ID, "supervisor-1"), SUPERVISOR)
                .expectException(NotPermitted.class)
                .expectNoEvents();
    }

    @Test
    void anOfficerMaySendItBackForTheApplicant() {
        fixture.given(REGISTERED, ASKED, NIB_ATTACHED)
                .when(new ResubmitMemberApplication(ID, "officer-1"), OFFICER)
                .expectEvents(new MemberApplicationResubmitted(ID, "officer-1"));
    }

    @Test
    void anUnansweredRequestExpires() {
        fixture.given(REGISTERED, ASKED)
                .when(new ExpireInformationRequest(ID))
                .expectEvents(new MemberInformationRequestExpired(ID));
    }

    @Test
    void anAnsweredRequestDoesNotExpire() {
        fixture.given(REGISTERED, ASKED, NIB_ATTACHED, new MemberApplicationResubmitted(ID, "siti"))
                .when(new ExpireInformationRequest(ID))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void afterExpiryTheApplicationCannotBeSentBackButDocumentsMayStillBeAdded() {
        fixture.given(REGISTERED, SITI_LINKED, ASKED, NIB_ATTACHED, new MemberInformationRequestExpired(ID))
                .when(new ResubmitMemberApplication(ID, "siti"), memberLogin("siti"))
                .expectException(BusinessRuleViolation.class)
                .expectNoEvents();
        fixture.given(REGISTERED, SITI_LINKED, ASKED, new MemberInformationRequestExpired(ID))
                .when(attach("doc-1", DocumentKind.NIB_CERTIFICATE, "nib.pdf", PDF, "siti"), memberLogin("siti"))
                .expectEvents(NIB_ATTACHED);
    }

    @Test
    void aNewRequestAfterAnAnswerNeedsANewDocumentAgain() {
        fixture.given(
                        REGISTERED,
                        SITI_LINKED,
                        ASKED,
                        NIB_ATTACHED,
                        new MemberApplicationResubmitted(ID, "siti"),
                        new MemberInformationRequested(ID, "And the KTP, please.", "officer-1"))
                .when(new ResubmitMemberApplication(ID, "siti"), memberLogin("siti"))
                .expectException(BusinessRuleViolation.class)
                .expectNoEvents();
    }

    // --- helpers ---

    private static AttachMemberDocument attach(
            String documentId, DocumentKind kind, String fileName, byte[] content, String by) {
        return new AttachMemberDocument(ID, documentId, kind, fileName, content, by);
    }

    private static MemberDocumentAttached attached(String documentId, DocumentKind kind) {
        return new MemberDocumentAttached(
                ID, documentId, kind, "nib.pdf", "application/pdf", PDF.length, PDF_SHA256, "siti");
    }

    private static Map<String, Object> memberLogin(String userId) {
        return Map.of(ActorMetaData.USER_ID, userId, ActorMetaData.GROUPS, List.of("members"));
    }
}
