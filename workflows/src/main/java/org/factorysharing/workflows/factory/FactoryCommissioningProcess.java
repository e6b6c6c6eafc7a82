package org.factorysharing.workflows.factory;

/** Names of the factory commissioning process (factory_commissioning.bpmn), shared by code and tests. */
public final class FactoryCommissioningProcess {

    public static final String KEY = "factory_commissioning";
    public static final String MESSAGE_DECOMMISSIONED = "factory_decommissioned";

    // variables of the whole process
    public static final String FACTORY_ID = "factoryId";
    public static final String FACTORY_NAME = "factoryName";
    public static final String STAFF_GROUP = "staffGroup";
    /** Start of the day after the installation due day (Asia/Jakarta): install tasks are due then. */
    public static final String INSTALLATION_DUE_AT = "installationDueAt";
    /** Number of planned machines; each one's id, type and capacity are simple variables, see InstallationPlan. */
    public static final String PLANNED_MACHINES = "plannedMachines";

    public static final String ESCALATED = "escalated";
    public static final String PASSED = "passed";
    public static final String FINDINGS = "findings";
    public static final String INSPECTED_BY = "inspectedBy";
    public static final String RESOLUTION_NOTES = "resolutionNotes";
    public static final String RESOLVED_BY = "resolvedBy";
    public static final String APPROVED = "approved";
    public static final String SIGN_OFF_REASON = "signOffReason";
    public static final String SIGNED_OFF_BY = "signedOffBy";

    // variables of one machine's installation (local to its instance of subprocess_install_machine)
    public static final String MACHINE_ID = "machineId";
    public static final String MACHINE_TYPE = "machineType";
    public static final String CAPACITY = "capacityHoursPerDay";
    public static final String INSTALLED_BY = "installedBy";

    // elements
    public static final String START = "start_factory_proposed";
    public static final String SUBPROCESS_INSTALL_MACHINE = "subprocess_install_machine";
    public static final String USER_INSTALL_MACHINE = "user_install_machine";
    public static final String SERVICE_INSTALL_MACHINE = "service_install_machine";
    public static final String TIMER_INSTALLATION_OVERDUE = "timer_installation_overdue";
    public static final String SERVICE_ESCALATE_INSTALLATION = "service_escalate_installation";
    public static final String END_INSTALLATION_ESCALATED = "end_installation_escalated";
    public static final String USER_INSPECT_FACTORY = "user_inspect_factory";
    public static final String SERVICE_RECORD_INSPECTION = "service_record_inspection";
    public static final String XOR_INSPECTION_PASSED = "xor_inspection_passed";
    public static final String USER_RESOLVE_FINDINGS = "user_resolve_findings";
    public static final String USER_COMMISSIONING_SIGNOFF = "user_commissioning_signoff";
    public static final String XOR_SIGNOFF_APPROVED = "xor_signoff_approved";
    public static final String SERVICE_COMMISSION_FACTORY = "service_commission_factory";
    public static final String END_COMMISSIONED = "end_commissioned";
    public static final String SUBPROCESS_DECOMMISSIONED = "subprocess_factory_decommissioned";
    public static final String START_DECOMMISSIONED = "start_factory_decommissioned";
    public static final String END_ABANDONED = "end_abandoned";

    private FactoryCommissioningProcess() {}
}
