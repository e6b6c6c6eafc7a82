package org.factorysharing.workflows.job;

/** Names of the production job process (production_job.bpmn), shared by code and tests. */
public final class ProductionJobProcess {

    public static final String KEY = "production_job";
    public static final String MESSAGE_CANCELLED = "production_job_cancelled";
    public static final String MESSAGE_RESCHEDULE_NEEDED = "production_job_reschedule_needed";

    // variables from the request (days are ISO-8601 strings: they are calendar days, not instants)
    public static final String JOB_ID = "jobId";
    public static final String FACTORY_ID = "factoryId";
    public static final String MEMBER_ID = "memberId";
    public static final String MACHINE_TYPE = "machineType";
    public static final String PRODUCT = "product";
    public static final String QUANTITY = "quantity";
    public static final String MACHINE_HOURS = "machineHours";
    public static final String EARLIEST_START = "earliestStart";
    public static final String DEADLINE = "deadline";
    public static final String STAFF_GROUP = "staffGroup";

    // variables of the reservation
    public static final String RESERVED = "reserved";
    public static final String REJECTION = "rejection";
    public static final String REJECTION_REASON = "rejectionReason";
    /** First booked day (ISO-8601). */
    public static final String PLANNED_START = "plannedStart";
    /** Start of the day after the planned start day (Asia/Jakarta), a Date: "Start job" is due then. */
    public static final String START_OVERDUE_AT = "startOverdueAt";

    // variables of the work
    public static final String ESCALATED = "escalated";
    public static final String STARTED_BY = "startedBy";
    public static final String GOOD_UNITS = "goodUnits";
    public static final String REJECTED_UNITS = "rejectedUnits";
    public static final String RECORDED_BY = "recordedBy";
    public static final String PASSED = "passed";
    public static final String NOTES = "notes";
    public static final String INSPECTED_BY = "inspectedBy";

    // variables of one rescheduling (local to its event subprocess instance)
    public static final String AFFECTED_MACHINE_ID = "affectedMachineId";
    public static final String RESCHEDULED_BY = "rescheduledBy";
    public static final String REBOOKED = "rebooked";
    public static final String REBOOK_REFUSAL = "rebookRefusal";

    // elements
    public static final String START = "start_job_requested";
    public static final String SERVICE_RESERVE_MACHINE_TIME = "service_reserve_machine_time";
    public static final String XOR_MACHINE_TIME_RESERVED = "xor_machine_time_reserved";
    public static final String END_REJECTED = "end_rejected";
    public static final String USER_START_JOB = "user_start_job";
    public static final String TIMER_START_OVERDUE = "timer_start_overdue";
    public static final String SERVICE_ESCALATE_JOB_START = "service_escalate_job_start";
    public static final String END_START_ESCALATED = "end_start_escalated";
    public static final String SERVICE_START_JOB = "service_start_job";
    public static final String XOR_JOIN_RECORD_OUTPUT = "xor_join_record_output";
    public static final String USER_RECORD_OUTPUT = "user_record_output";
    public static final String SERVICE_RECORD_OUTPUT = "service_record_output";
    public static final String USER_QUALITY_INSPECTION = "user_quality_inspection";
    public static final String XOR_QUALITY_PASSED = "xor_quality_passed";
    public static final String SERVICE_COMPLETE_JOB = "service_complete_job";
    public static final String END_COMPLETED = "end_completed";
    public static final String SERVICE_SEND_TO_REWORK = "service_send_to_rework";
    public static final String SUBPROCESS_CANCELLED = "subprocess_job_cancelled";
    public static final String START_CANCELLED = "start_job_cancelled";
    public static final String SERVICE_RELEASE_MACHINE_TIME = "service_release_machine_time";
    public static final String END_CANCELLED = "end_cancelled";
    public static final String SUBPROCESS_RESCHEDULE = "subprocess_reschedule_job";
    public static final String START_RESCHEDULE_NEEDED = "start_reschedule_needed";
    public static final String XOR_JOIN_RESCHEDULE = "xor_join_reschedule";
    public static final String USER_RESCHEDULE_JOB = "user_reschedule_job";
    public static final String SERVICE_REBOOK_MACHINE_TIME = "service_rebook_machine_time";
    public static final String XOR_REBOOKED = "xor_rebooked";
    public static final String END_RESCHEDULED = "end_rescheduled";

    // the reason given when a cancellation releases machine time
    public static final String RELEASED_CANCELLED = "cancelled";

    private ProductionJobProcess() {}
}
