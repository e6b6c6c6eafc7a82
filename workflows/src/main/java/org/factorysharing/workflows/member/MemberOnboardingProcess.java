package org.factorysharing.workflows.member;

import java.util.Map;
import org.factorysharing.api.member.MemberEvent.MemberRegistered;

/** Names of the member onboarding process (member_onboarding.bpmn), shared by code and tests. */
public final class MemberOnboardingProcess {

    public static final String KEY = "member_onboarding";
    public static final String SCREENING_DECISION = "member_screening";

    // variables (never the owner's NIK: it is personal data and stays in the event store)
    public static final String MEMBER_ID = "memberId";
    public static final String NIB = "nib";
    public static final String BUSINESS_NAME = "businessName";
    public static final String SCALE = "scale";
    public static final String SECTOR = "sector";
    public static final String PROVINCE = "province";
    public static final String REGENCY = "regency";
    public static final String SCREENING = "screening";
    public static final String APPROVED = "approved";
    public static final String REJECTION_REASON = "rejectionReason";
    public static final String DECIDED_BY = "decidedBy";
    public static final String ESCALATED = "escalated";
    /** The officer's note to the applicant when more is needed (a form field of the verification). */
    public static final String INFORMATION_REQUEST = "informationRequest";
    /** Set by the verification's listener: the officer asked for more instead of deciding. */
    public static final String INFORMATION_REQUESTED = "informationRequested";
    /** How many times the applicant was asked for more. */
    public static final String INFORMATION_ROUNDS = "informationRounds";
    /** Set when the applicant did not answer in time (the verification then shows it); cleared by an answer. */
    public static final String MEMBER_SILENT = "memberSilent";

    // messages, correlated by business key = member id
    public static final String MESSAGE_APPLICATION_RESUBMITTED = "member_application_resubmitted";

    // elements
    public static final String START = "start_member_registered";
    public static final String RULE_SCREEN = "rule_screen_application";
    public static final String USER_VERIFY_DOCUMENTS = "user_verify_documents";
    public static final String TIMER_VERIFICATION_OVERDUE = "timer_verification_overdue";
    public static final String SERVICE_ESCALATE = "service_escalate_verification";
    public static final String XOR_DOCUMENTS_OK = "xor_documents_ok";
    public static final String SERVICE_VERIFY_MEMBER = "service_verify_member";
    public static final String SERVICE_REJECT_MEMBER = "service_reject_member";
    public static final String END_VERIFIED = "end_verified";
    public static final String END_REJECTED = "end_rejected";
    public static final String END_ESCALATED = "end_escalated";
    public static final String SERVICE_REQUEST_INFORMATION = "service_request_information";
    public static final String EVENT_AWAIT_MEMBER = "event_await_member";
    public static final String MESSAGE_RESUBMITTED = "message_application_resubmitted";
    public static final String TIMER_MEMBER_SILENT = "timer_member_silent";
    public static final String SERVICE_EXPIRE_INFORMATION_REQUEST = "service_expire_information_request";

    private MemberOnboardingProcess() {}

    /** The variables a registration starts the process with (no personal data: see above). */
    public static Map<String, Object> startVariables(MemberRegistered registration) {
        return Map.of(
                MEMBER_ID, registration.memberId().value(),
                NIB, registration.nib(),
                BUSINESS_NAME, registration.businessName(),
                SCALE, registration.scale().name(),
                SECTOR, registration.sector(),
                PROVINCE, registration.province(),
                REGENCY, registration.regency());
    }
}
