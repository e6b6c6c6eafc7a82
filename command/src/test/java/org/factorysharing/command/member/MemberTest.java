package org.factorysharing.command.member;

import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.instanceOf;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.factorysharing.api.factory.ReservationRejection;
import org.factorysharing.api.member.BusinessScale;
import org.factorysharing.api.member.MemberCommands.ForgetMemberPersonalData;
import org.factorysharing.api.member.MemberCommands.GrantQualification;
import org.factorysharing.api.member.MemberCommands.LinkMemberAccount;
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
import org.factorysharing.api.shared.ActorMetaData;
import org.factorysharing.api.shared.BusinessRuleViolation;
import org.factorysharing.api.shared.DuplicateEntity;
import org.factorysharing.api.shared.NotPermitted;
import org.factorysharing.command.member.MemberEligibility.Refusal;
import org.hamcrest.FeatureMatcher;
import org.hamcrest.Matcher;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class MemberTest {

    private static final MemberId ID = new MemberId("member-1");
    private static final String NIB = "1234567890123";
    private static final String NIK = "3201234567890001";
    private static final String PRESS = "COCONUT_OIL_PRESS";

    /** 10:00 on 1 July 2025 in Jakarta (UTC+7). */
    private static final Instant JULY_1 = Instant.parse("2025-07-01T03:00:00Z");

    private static final LocalDate TODAY = LocalDate.of(2025, 7, 1);

    private static final MemberRegistered REGISTERED = new MemberRegistered(
            ID,
            NIB,
            "CV Kelapa Jaya",
            "Siti Rahma",
            NIK,
            "coconut",
            "Sulawesi Utara",
            "Minahasa",
            BusinessScale.MICRO,
            "+62811000111",
            "siti@example.id");
    private static final MemberVerified VERIFIED = new MemberVerified(ID, "officer-1");
    private static final MemberRejected REJECTED = new MemberRejected(ID, "documents forged", "officer-1");
    private static final MemberSuspended SUSPENDED = new MemberSuspended(ID, "unpaid fees", "officer-1");
    private static final MemberAccountLinked SITI_LINKED = new MemberAccountLinked(ID, "siti", "siti");

    /** The metadata of a command sent by an officer. */
    private static final Map<String, Object> OFFICER =
            Map.of(ActorMetaData.USER_ID, "officer-1", ActorMetaData.GROUPS, List.of("officers"));

    private final Map<String, MemberId> nibClaims = new HashMap<>();
    private final InMemoryAccountClaims accountClaims = new InMemoryAccountClaims();
    private FixtureConfiguration<Member> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Member.class);
        NibClaims claims = (nib, memberId) -> nibClaims.putIfAbsent(nib, memberId) == null;
        fixture.registerAnnotatedCommandHandler(new MemberRegistration(fixture.getRepository(), claims, accountClaims));
        fixture.registerAnnotatedCommandHandler(
                new EligibilityDesk(new AggregateMemberEligibility(fixture.getRepository())));
        fixture.registerAnnotatedCommandHandler(new MemberAccounts(fixture.getRepository(), accountClaims));
    }

    // --- logins acting for a member ---

    @Test
    void aLoginIsLinkedToTheMemberItActsFor() {
        fixture.given(REGISTERED)
                .when(new LinkMemberAccount(ID, "siti", "siti"))
                .expectEvents(new MemberAccountLinked(ID, "siti", "siti"));
    }

    @Test
    void linkingTheSameLoginAgainChangesNothing() {
        accountClaims.put("siti", ID);
        fixture.given(REGISTERED, new MemberAccountLinked(ID, "siti", "siti"))
                .when(new LinkMemberAccount(ID, "siti", "officer-1"))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void aLoginActsForOneMemberOnly() {
        accountClaims.put("siti", new MemberId("member-2"));
        fixture.given(REGISTERED)
                .when(new LinkMemberAccount(ID, "siti", "officer-1"))
                .expectException(DuplicateEntity.class)
                .expectNoEvents();
    }

    @Test
    void aRejectedApplicantGetsNoLogin() {
        fixture.given(REGISTERED, REJECTED)
                .when(new LinkMemberAccount(ID, "siti", "officer-1"))
                .expectException(BusinessRuleViolation.class)
                .expectNoEvents();
    }

    @Test
    void aLoginIsNotLinkedToAnUnknownMember() {
        fixture.givenNoPriorActivity()
                .when(new LinkMemberAccount(new MemberId("member-9"), "siti", "officer-1"))
                .expectException(org.axonframework.modelling.command.AggregateNotFoundException.class)
                .expectNoEvents();
        org.junit.jupiter.api.Assertions.assertFalse(
                accountClaims.memberOf("siti").isPresent(), "nothing claimed");
    }

    // --- personal data (right to erasure) ---

    @Test
    void forgettingPersonalDataRecordsWhoAndWhy() {
        fixture.given(REGISTERED, VERIFIED)
                .when(new ForgetMemberPersonalData(ID, " owner asked for erasure ", "officer-1"))
                .expectEvents(new MemberPersonalDataForgotten(ID, "owner asked for erasure", "officer-1"));
    }

    @Test
    void forgettingAgainChangesNothing() {
        fixture.given(REGISTERED, new MemberPersonalDataForgotten(ID, "owner asked", "officer-1"))
                .when(new ForgetMemberPersonalData(ID, "asked again", "siti"))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void aRejectedApplicantMayBeForgottenToo() {
        fixture.given(REGISTERED, REJECTED)
                .when(new ForgetMemberPersonalData(ID, "application withdrawn", "siti"))
                .expectEvents(new MemberPersonalDataForgotten(ID, "application withdrawn", "siti"));
    }

    @Test
    void aForgottenMemberKeepsItsStatusAndQualifications() {
        fixture.given(REGISTERED, VERIFIED, new MemberPersonalDataForgotten(ID, "owner asked", "officer-1"))
                .when(new SuspendMember(ID, "unpaid fees", "officer-1"))
                .expectEvents(SUSPENDED);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = "  ")
    void forgettingNeedsAReason(String blank) {
        fixture.given(REGISTERED)
                .when(new ForgetMemberPersonalData(ID, blank, "officer-1"))
                .expectException(IllegalArgumentException.class)
                .expectNoEvents();
    }

    @Test
    void aMembersOwnLoginMayForgetItsMember() {
        fixture.given(REGISTERED, SITI_LINKED)
                .when(new ForgetMemberPersonalData(ID, "I leave the programme", "siti"), memberLogin("siti"))
                .expectEvents(new MemberPersonalDataForgotten(ID, "I leave the programme", "siti"));
    }

    @Test
    void anotherMembersLoginFindsNoMemberToForget() {
        // answered as unknown, as everywhere: a login learns nothing of members it does not act for
        accountClaims.put("budi", new MemberId("member-2"));
        fixture.given(REGISTERED, SITI_LINKED)
                .when(new ForgetMemberPersonalData(ID, "erase them", "budi"), memberLogin("budi"))
                .expectException(AggregateNotFoundException.class)
                .expectNoEvents();
        // not even a missing reason is told before the login is known to act for the member
        fixture.given(REGISTERED, SITI_LINKED)
                .when(new ForgetMemberPersonalData(ID, " ", "budi"), memberLogin("budi"))
                .expectException(AggregateNotFoundException.class)
                .expectNoEvents();
    }

    @Test
    void anOfficerForgetsAnyMember() {
        fixture.given(REGISTERED, SITI_LINKED)
                .when(new ForgetMemberPersonalData(ID, "owner asked for erasure", "officer-1"), OFFICER)
                .expectEvents(new MemberPersonalDataForgotten(ID, "owner asked for erasure", "officer-1"));
    }

    @Test
    void anUnknownMemberCannotBeForgotten() {
        fixture.givenNoPriorActivity()
                .when(new ForgetMemberPersonalData(new MemberId("member-9"), "owner asked", "officer-1"))
                .expectException(org.axonframework.modelling.command.AggregateNotFoundException.class)
                .expectNoEvents();
    }

    // --- registration ---

    @Test
    void registeringEmitsMemberRegisteredWithTextFieldsStripped() {
        fixture.givenNoPriorActivity()
                .when(new RegisterMember(
                        ID,
                        NIB,
                        "  CV Kelapa Jaya ",
                        "\tSiti Rahma ",
                        NIK,
                        " coconut ",
                        " Sulawesi Utara",
                        "Minahasa  ",
                        BusinessScale.MICRO,
                        "+62811000111",
                        "siti@example.id",
                        null))
                .expectSuccessfulHandlerExecution()
                .expectResultMessagePayload(ID.value())
                .expectEvents(REGISTERED);
    }

    @Test
    void registeringClaimsTheNib() {
        fixture.givenNoPriorActivity().when(register(NIB, NIK)).expectSuccessfulHandlerExecution();
        assertEquals(Map.of(NIB, ID), nibClaims);
    }

    @Test
    void cannotRegisterANibThatIsAlreadyTaken() {
        nibClaims.put(NIB, new MemberId("someone-else"));

        fixture.givenNoPriorActivity()
                .when(register(NIB, NIK))
                .expectException(violation(DuplicateEntity.class, "member.nib-taken"))
                .expectExceptionMessage("a member with NIB " + NIB + " is already registered")
                .expectNoEvents();
    }

    @Test
    void aRegistrationWithTheApplyingLoginLinksThatLoginToTheNewMember() {
        fixture.givenNoPriorActivity()
                .when(registerWithLogin("siti"), memberLogin("siti"))
                .expectSuccessfulHandlerExecution()
                .expectResultMessagePayload(ID.value())
                .expectEvents(REGISTERED, SITI_LINKED);
        assertEquals(Optional.of(ID), accountClaims.memberOf("siti"));
        assertEquals(Map.of(NIB, ID), nibClaims);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = "budi")
    void aMembersLoginRegistersOnlyItself(String accountUserId) {
        // refused before the NIB is claimed: the NIB stays free for the real applicant
        fixture.givenNoPriorActivity()
                .when(registerWithLogin(accountUserId), memberLogin("siti"))
                .expectException(NotPermitted.class)
                .expectNoEvents();
        assertTrue(nibClaims.isEmpty(), "NIB not claimed");
        assertEquals(Optional.empty(), accountClaims.memberOf("siti"));
    }

    @Test
    void anOfficerRegistersAMemberWithoutALogin() {
        fixture.givenNoPriorActivity()
                .when(registerWithLogin(null), OFFICER)
                .expectSuccessfulHandlerExecution()
                .expectEvents(REGISTERED);
        assertEquals(Optional.empty(), accountClaims.memberOf("officer-1"));
    }

    @Test
    void aLoginThatActsForAnotherMemberCannotApplyAgain() {
        accountClaims.put("siti", new MemberId("member-2"));

        fixture.givenNoPriorActivity()
                .when(registerWithLogin("siti"), memberLogin("siti"))
                .expectException(violation(DuplicateEntity.class, "member.account-taken"))
                .expectNoEvents();
        assertEquals(Optional.of(new MemberId("member-2")), accountClaims.memberOf("siti"));
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"123456789012", "12345678901234", "12345678901a3", " 1234567890123"})
    void nibMustBeThirteenDigits(String nib) {
        expectRejectedRegistration(register(nib, NIK), "nib must be 13 digits");
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"320123456789000", "32012345678900012", "320123456789000X"})
    void ownerNikMustBeSixteenDigits(String nik) {
        expectRejectedRegistration(register(NIB, nik), "ownerNik must be 16 digits");
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {" ", "\t\n"})
    void businessNameIsRequired(String blank) {
        expectRejectedRegistration(
                new RegisterMember(
                        ID,
                        NIB,
                        blank,
                        "Siti Rahma",
                        NIK,
                        "coconut",
                        "Sulawesi Utara",
                        "Minahasa",
                        BusinessScale.MICRO,
                        null,
                        null,
                        null),
                "businessName is required");
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = " ")
    void ownerNameIsRequired(String blank) {
        expectRejectedRegistration(
                new RegisterMember(
                        ID,
                        NIB,
                        "CV Kelapa Jaya",
                        blank,
                        NIK,
                        "coconut",
                        "Sulawesi Utara",
                        "Minahasa",
                        BusinessScale.MICRO,
                        null,
                        null,
                        null),
                "ownerName is required");
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = " ")
    void sectorIsRequired(String blank) {
        expectRejectedRegistration(
                new RegisterMember(
                        ID,
                        NIB,
                        "CV Kelapa Jaya",
                        "Siti Rahma",
                        NIK,
                        blank,
                        "Sulawesi Utara",
                        "Minahasa",
                        BusinessScale.MICRO,
                        null,
                        null,
                        null),
                "sector is required");
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = " ")
    void provinceIsRequired(String blank) {
        expectRejectedRegistration(
                new RegisterMember(
                        ID,
                        NIB,
                        "CV Kelapa Jaya",
                        "Siti Rahma",
                        NIK,
                        "coconut",
                        blank,
                        "Minahasa",
                        BusinessScale.MICRO,
                        null,
                        null,
                        null),
                "province is required");
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = "\t")
    void regencyIsRequired(String blank) {
        expectRejectedRegistration(
                new RegisterMember(
                        ID,
                        NIB,
                        "CV Kelapa Jaya",
                        "Siti Rahma",
                        NIK,
                        "coconut",
                        "Sulawesi Utara",
                        blank,
                        BusinessScale.MICRO,
                        null,
                        null,
                        null),
                "regency is required");
    }

    @Test
    void scaleIsRequired() {
        expectRejectedRegistration(
                new RegisterMember(
                        ID,
                        NIB,
                        "CV Kelapa Jaya",
                        "Siti Rahma",
                        NIK,
                        "coconut",
                        "Sulawesi Utara",
                        "Minahasa",
                        null,
                        null,
                        null,
                        null),
                "scale is required");
    }

    // --- verification ---

    @Test
    void anApplicantCanBeVerified() {
        fixture.given(REGISTERED)
                .when(new VerifyMember(ID, "officer-2"))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new MemberVerified(ID, "officer-2"));
    }

    @Test
    void verifyingAVerifiedMemberAgainChangesNothing() {
        fixture.given(REGISTERED, VERIFIED)
                .when(new VerifyMember(ID, "officer-2"))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void aRejectedMemberCannotBeVerified() {
        fixture.given(REGISTERED, REJECTED)
                .when(new VerifyMember(ID, "officer-2"))
                .expectException(violation(BusinessRuleViolation.class, "member.rejected"))
                .expectNoEvents();
    }

    @Test
    void aSuspendedMemberIsReinstatedNotVerified() {
        fixture.given(REGISTERED, VERIFIED, SUSPENDED)
                .when(new VerifyMember(ID, "officer-2"))
                .expectException(violation(BusinessRuleViolation.class, "member.suspended"))
                .expectNoEvents();
    }

    // --- rejection ---

    @Test
    void anApplicantCanBeRejectedWithAStrippedReason() {
        fixture.given(REGISTERED)
                .when(new RejectMember(ID, "  documents forged ", "officer-1"))
                .expectEvents(REJECTED);
    }

    @Test
    void rejectionNeedsAReason() {
        fixture.given(REGISTERED)
                .when(new RejectMember(ID, " ", "officer-1"))
                .expectException(IllegalArgumentException.class)
                .expectExceptionMessage("reason is required")
                .expectNoEvents();
    }

    @Test
    void rejectingARejectedMemberAgainChangesNothing() {
        fixture.given(REGISTERED, REJECTED)
                .when(new RejectMember(ID, "still forged", "officer-2"))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void aVerifiedMemberCannotBeRejected() {
        fixture.given(REGISTERED, VERIFIED)
                .when(new RejectMember(ID, "changed my mind", "officer-1"))
                .expectException(violation(BusinessRuleViolation.class, "member.not-applicant"))
                .expectNoEvents();
    }

    @Test
    void aSuspendedMemberCannotBeRejected() {
        fixture.given(REGISTERED, VERIFIED, SUSPENDED)
                .when(new RejectMember(ID, "changed my mind", "officer-1"))
                .expectException(violation(BusinessRuleViolation.class, "member.not-applicant"))
                .expectNoEvents();
    }

    // --- suspension and reinstatement ---

    @Test
    void aVerifiedMemberCanBeSuspended() {
        fixture.given(REGISTERED, VERIFIED)
                .when(new SuspendMember(ID, " unpaid fees ", "officer-1"))
                .expectEvents(SUSPENDED);
    }

    @Test
    void suspensionNeedsAReason() {
        fixture.given(REGISTERED, VERIFIED)
                .when(new SuspendMember(ID, null, "officer-1"))
                .expectException(IllegalArgumentException.class)
                .expectExceptionMessage("reason is required")
                .expectNoEvents();
    }

    @Test
    void anApplicantCannotBeSuspended() {
        fixture.given(REGISTERED)
                .when(new SuspendMember(ID, "unpaid fees", "officer-1"))
                .expectException(violation(BusinessRuleViolation.class, "member.not-verified"))
                .expectNoEvents();
    }

    @Test
    void aRejectedMemberCannotBeSuspended() {
        fixture.given(REGISTERED, REJECTED)
                .when(new SuspendMember(ID, "unpaid fees", "officer-1"))
                .expectException(violation(BusinessRuleViolation.class, "member.not-verified"))
                .expectNoEvents();
    }

    @Test
    void suspendingASuspendedMemberAgainChangesNothing() {
        fixture.given(REGISTERED, VERIFIED, SUSPENDED)
                .when(new SuspendMember(ID, "still unpaid", "officer-2"))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void aSuspendedMemberCanBeReinstated() {
        fixture.given(REGISTERED, VERIFIED, SUSPENDED)
                .when(new ReinstateMember(ID, "officer-2"))
                .expectEvents(new MemberReinstated(ID, "officer-2"));
    }

    @Test
    void aReinstatedMemberIsVerifiedAgainAndCanBeSuspendedAgain() {
        fixture.given(REGISTERED, VERIFIED, SUSPENDED, new MemberReinstated(ID, "officer-2"))
                .when(new SuspendMember(ID, "unpaid fees", "officer-1"))
                .expectEvents(SUSPENDED);
    }

    @Test
    void reinstatingAVerifiedMemberChangesNothing() {
        fixture.given(REGISTERED, VERIFIED)
                .when(new ReinstateMember(ID, "officer-2"))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void anApplicantCannotBeReinstated() {
        fixture.given(REGISTERED)
                .when(new ReinstateMember(ID, "officer-2"))
                .expectException(violation(BusinessRuleViolation.class, "member.not-suspended"))
                .expectNoEvents();
    }

    @Test
    void aRejectedMemberCannotBeReinstated() {
        fixture.given(REGISTERED, REJECTED)
                .when(new ReinstateMember(ID, "officer-2"))
                .expectException(violation(BusinessRuleViolation.class, "member.not-suspended"))
                .expectNoEvents();
    }

    // --- qualifications ---

    @Test
    void aVerifiedMemberCanBeQualified() {
        fixture.givenCurrentTime(JULY_1)
                .andGiven(REGISTERED, VERIFIED)
                .when(new GrantQualification(ID, PRESS, TODAY.plusYears(1), "trainer-1"))
                .expectEvents(new QualificationGranted(ID, PRESS, TODAY.plusYears(1), "trainer-1"));
    }

    @Test
    void anApplicantCannotBeQualified() {
        fixture.givenCurrentTime(JULY_1)
                .andGiven(REGISTERED)
                .when(new GrantQualification(ID, PRESS, TODAY.plusYears(1), "trainer-1"))
                .expectException(violation(BusinessRuleViolation.class, "member.not-verified"))
                .expectNoEvents();
    }

    @Test
    void aSuspendedMemberCannotBeQualified() {
        fixture.givenCurrentTime(JULY_1)
                .andGiven(REGISTERED, VERIFIED, SUSPENDED)
                .when(new GrantQualification(ID, PRESS, TODAY.plusYears(1), "trainer-1"))
                .expectException(violation(BusinessRuleViolation.class, "member.not-verified"))
                .expectNoEvents();
    }

    @Test
    void aQualificationNeedsAMachineTypeAndAnExpiryDate() {
        fixture.givenCurrentTime(JULY_1)
                .andGiven(REGISTERED, VERIFIED)
                .when(new GrantQualification(ID, " ", TODAY.plusYears(1), "trainer-1"))
                .expectException(IllegalArgumentException.class)
                .expectExceptionMessage("machineType is required")
                .expectNoEvents();
        fixture.givenCurrentTime(JULY_1)
                .andGiven(REGISTERED, VERIFIED)
                .when(new GrantQualification(ID, PRESS, null, "trainer-1"))
                .expectException(IllegalArgumentException.class)
                .expectExceptionMessage("expiresOn is required")
                .expectNoEvents();
    }

    @Test
    void aQualificationCannotExpireTodayOrEarlier() {
        for (LocalDate expiresOn : new LocalDate[] {TODAY, TODAY.minusDays(1)}) {
            fixture.givenCurrentTime(JULY_1)
                    .andGiven(REGISTERED, VERIFIED)
                    .when(new GrantQualification(ID, PRESS, expiresOn, "trainer-1"))
                    .expectException(violation(BusinessRuleViolation.class, "qualification.expiry-not-future"))
                    .expectNoEvents();
        }
        fixture.givenCurrentTime(JULY_1)
                .andGiven(REGISTERED, VERIFIED)
                .when(new GrantQualification(ID, PRESS, TODAY.plusDays(1), "trainer-1"))
                .expectEvents(new QualificationGranted(ID, PRESS, TODAY.plusDays(1), "trainer-1"));
    }

    @Test
    void todayIsTheDayInJakartaNotInUtc() {
        // 30 June 18:00 UTC is already 1 July 01:00 in Jakarta: an expiry on 1 July is not in the future
        fixture.givenCurrentTime(Instant.parse("2025-06-30T18:00:00Z"))
                .andGiven(REGISTERED, VERIFIED)
                .when(new GrantQualification(ID, PRESS, TODAY, "trainer-1"))
                .expectException(violation(BusinessRuleViolation.class, "qualification.expiry-not-future"))
                .expectNoEvents();
    }

    @Test
    void grantingTheSameQualificationAgainChangesNothing() {
        fixture.givenCurrentTime(JULY_1)
                .andGiven(REGISTERED, VERIFIED, new QualificationGranted(ID, PRESS, TODAY.plusYears(1), "trainer-1"))
                .when(new GrantQualification(ID, PRESS, TODAY.plusYears(1), "trainer-2"))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void aLaterExpiryRenewsTheQualification() {
        fixture.givenCurrentTime(JULY_1)
                .andGiven(REGISTERED, VERIFIED, new QualificationGranted(ID, PRESS, TODAY.plusMonths(1), "trainer-1"))
                .when(new GrantQualification(ID, PRESS, TODAY.plusYears(1), "trainer-2"))
                .expectEvents(new QualificationGranted(ID, PRESS, TODAY.plusYears(1), "trainer-2"));
    }

    @Test
    void aHeldQualificationCanBeRevokedWithAStrippedReason() {
        fixture.givenCurrentTime(JULY_1)
                .andGiven(REGISTERED, VERIFIED, new QualificationGranted(ID, PRESS, TODAY.plusYears(1), "trainer-1"))
                .when(new RevokeQualification(ID, PRESS, " unsafe operation ", "officer-1"))
                .expectEvents(new QualificationRevoked(ID, PRESS, "unsafe operation", "officer-1"));
    }

    @Test
    void revocationNeedsAReason() {
        fixture.givenCurrentTime(JULY_1)
                .andGiven(REGISTERED, VERIFIED, new QualificationGranted(ID, PRESS, TODAY.plusYears(1), "trainer-1"))
                .when(new RevokeQualification(ID, PRESS, "", "officer-1"))
                .expectException(IllegalArgumentException.class)
                .expectExceptionMessage("reason is required")
                .expectNoEvents();
    }

    @Test
    void aQualificationNeverGrantedCannotBeRevoked() {
        fixture.givenCurrentTime(JULY_1)
                .andGiven(REGISTERED, VERIFIED, new QualificationGranted(ID, PRESS, TODAY.plusYears(1), "trainer-1"))
                .when(new RevokeQualification(ID, "CNC_ROUTER", "unsafe operation", "officer-1"))
                .expectException(violation(BusinessRuleViolation.class, "qualification.not-held"))
                .expectNoEvents();
    }

    @Test
    void aRevokedQualificationCannotBeRevokedAgain() {
        fixture.givenCurrentTime(JULY_1)
                .andGiven(
                        REGISTERED,
                        VERIFIED,
                        new QualificationGranted(ID, PRESS, TODAY.plusYears(1), "trainer-1"),
                        new QualificationRevoked(ID, PRESS, "unsafe operation", "officer-1"))
                .when(new RevokeQualification(ID, PRESS, "unsafe operation", "officer-1"))
                .expectException(violation(BusinessRuleViolation.class, "qualification.not-held"))
                .expectNoEvents();
    }

    @Test
    void anExpiredQualificationCannotBeRevoked() {
        fixture.givenCurrentTime(JULY_1)
                .andGivenCommands(
                        register(NIB, NIK),
                        new VerifyMember(ID, "officer-1"),
                        new GrantQualification(ID, PRESS, TODAY.plusDays(30), "trainer-1"))
                .andGivenCurrentTime(JULY_1.plus(Duration.ofDays(31)))
                .when(new RevokeQualification(ID, PRESS, "unsafe operation", "officer-1"))
                .expectException(violation(BusinessRuleViolation.class, "qualification.not-held"))
                .expectNoEvents();
    }

    @Test
    void aQualificationIsHeldUpToAndIncludingItsExpiryDay() {
        LocalDate expiresOn = LocalDate.of(2025, 7, 31);
        QualificationGranted granted = new QualificationGranted(ID, PRESS, expiresOn, "trainer-1");

        // 31 July 23:59:59 in Jakarta: the last moment of the expiry day
        fixture.givenCurrentTime(Instant.parse("2025-07-31T16:59:59Z"))
                .andGiven(REGISTERED, VERIFIED, granted)
                .when(new RevokeQualification(ID, PRESS, "unsafe operation", "officer-1"))
                .expectEvents(new QualificationRevoked(ID, PRESS, "unsafe operation", "officer-1"));

        // 1 August 00:00 in Jakarta: expired
        fixture.givenCurrentTime(Instant.parse("2025-07-31T17:00:00Z"))
                .andGiven(REGISTERED, VERIFIED, granted)
                .when(new RevokeQualification(ID, PRESS, "unsafe operation", "officer-1"))
                .expectException(violation(BusinessRuleViolation.class, "qualification.not-held"))
                .expectNoEvents();
    }

    // --- eligibility to book machine time ---

    @Test
    void aVerifiedMemberWithAnUnexpiredQualificationMayBook() {
        fixture.given(REGISTERED, VERIFIED, new QualificationGranted(ID, PRESS, TODAY.plusYears(1), "trainer-1"))
                .when(new AskEligibility(ID, PRESS, TODAY))
                .expectSuccessfulHandlerExecution()
                .expectResultMessagePayload(Optional.empty())
                .expectNoEvents();
    }

    @Test
    void anApplicantMayNotBook() {
        fixture.given(REGISTERED)
                .when(new AskEligibility(ID, PRESS, TODAY))
                .expectResultMessagePayloadMatching(refusal(ReservationRejection.MEMBER_NOT_VERIFIED));
    }

    @Test
    void aSuspendedMemberMayNotBookEvenWithAQualificationUntilReinstated() {
        QualificationGranted granted = new QualificationGranted(ID, PRESS, TODAY.plusYears(1), "trainer-1");
        fixture.given(REGISTERED, VERIFIED, granted, SUSPENDED)
                .when(new AskEligibility(ID, PRESS, TODAY))
                .expectResultMessagePayloadMatching(refusal(ReservationRejection.MEMBER_NOT_VERIFIED));
        fixture.given(REGISTERED, VERIFIED, granted, SUSPENDED, new MemberReinstated(ID, "officer-2"))
                .when(new AskEligibility(ID, PRESS, TODAY))
                .expectResultMessagePayload(Optional.empty());
    }

    @Test
    void aRejectedMemberMayNotBook() {
        fixture.given(REGISTERED, REJECTED)
                .when(new AskEligibility(ID, PRESS, TODAY))
                .expectResultMessagePayloadMatching(refusal(ReservationRejection.MEMBER_NOT_VERIFIED));
    }

    @Test
    void aMemberQualifiedForAnotherMachineTypeMayNotBook() {
        fixture.given(REGISTERED, VERIFIED, new QualificationGranted(ID, "CNC_ROUTER", TODAY.plusYears(1), "trainer-1"))
                .when(new AskEligibility(ID, PRESS, TODAY))
                .expectResultMessagePayloadMatching(refusal(ReservationRejection.NOT_QUALIFIED));
    }

    @Test
    void aQualificationCountsOnItsExpiryDayButNotOnTheDayAfter() {
        LocalDate expiresOn = LocalDate.of(2025, 7, 31);
        QualificationGranted granted = new QualificationGranted(ID, PRESS, expiresOn, "trainer-1");
        fixture.given(REGISTERED, VERIFIED, granted)
                .when(new AskEligibility(ID, PRESS, expiresOn))
                .expectResultMessagePayload(Optional.empty());
        fixture.given(REGISTERED, VERIFIED, granted)
                .when(new AskEligibility(ID, PRESS, expiresOn.plusDays(1)))
                .expectResultMessagePayloadMatching(refusal(ReservationRejection.NOT_QUALIFIED));
    }

    @Test
    void aRevokedQualificationDoesNotCount() {
        fixture.given(
                        REGISTERED,
                        VERIFIED,
                        new QualificationGranted(ID, PRESS, TODAY.plusYears(1), "trainer-1"),
                        new QualificationRevoked(ID, PRESS, "unsafe operation", "officer-1"))
                .when(new AskEligibility(ID, PRESS, TODAY))
                .expectResultMessagePayloadMatching(refusal(ReservationRejection.NOT_QUALIFIED));
    }

    @Test
    void theEligibilityOfAnUnknownMemberIsNotFound() {
        fixture.givenNoPriorActivity()
                .when(new AskEligibility(ID, PRESS, TODAY))
                .expectException(AggregateNotFoundException.class);
    }

    // --- helpers ---

    /** A question for the member's eligibility, asked as a job request asks it: through the repository. */
    record AskEligibility(MemberId memberId, String machineType, LocalDate day) {}

    static class EligibilityDesk {

        private final MemberEligibility eligibility;

        EligibilityDesk(MemberEligibility eligibility) {
            this.eligibility = eligibility;
        }

        @CommandHandler
        Optional<Refusal> handle(AskEligibility question) {
            return eligibility.refusalFor(question.memberId(), question.machineType(), question.day());
        }
    }

    /** Refused for that kind of reason, with a reason to show. */
    private static Matcher<Object> refusal(ReservationRejection rejection) {
        return new FeatureMatcher<Object, ReservationRejection>(equalTo(rejection), "refusal", "refusal") {
            @Override
            protected ReservationRejection featureValueOf(Object actual) {
                return actual instanceof Optional<?> answer
                                && answer.orElse(null) instanceof Refusal refusal
                                && !refusal.reason().isBlank()
                        ? refusal.rejection()
                        : null;
            }
        };
    }

    private void expectRejectedRegistration(RegisterMember command, String message) {
        fixture.givenNoPriorActivity()
                .when(command)
                .expectException(IllegalArgumentException.class)
                .expectExceptionMessage(message)
                .expectNoEvents();
    }

    private static RegisterMember register(String nib, String nik) {
        return new RegisterMember(
                ID,
                nib,
                "CV Kelapa Jaya",
                "Siti Rahma",
                nik,
                "coconut",
                "Sulawesi Utara",
                "Minahasa",
                BusinessScale.MICRO,
                "+62811000111",
                "siti@example.id",
                null);
    }

    /** The usual registration, applied for by the login {@code accountUserId} (or by none). */
    private static RegisterMember registerWithLogin(String accountUserId) {
        return new RegisterMember(
                ID,
                NIB,
                "CV Kelapa Jaya",
                "Siti Rahma",
                NIK,
                "coconut",
                "Sulawesi Utara",
                "Minahasa",
                BusinessScale.MICRO,
                "+62811000111",
                "siti@example.id",
                accountUserId);
    }

    /** The metadata of a command sent by a member's own login. */
    private static Map<String, Object> memberLogin(String userId) {
        return Map.of(ActorMetaData.USER_ID, userId, ActorMetaData.GROUPS, List.of("members"));
    }

    private static Matcher<Object> violation(Class<? extends BusinessRuleViolation> type, String code) {
        return allOf(instanceOf(type), new FeatureMatcher<Object, String>(equalTo(code), "code", "code") {
            @Override
            protected String featureValueOf(Object actual) {
                return ((BusinessRuleViolation) actual).code();
            }
        });
    }
}
