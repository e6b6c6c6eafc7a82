package org.factorysharing.api.factory;

/** Why a request for machine time was turned down; recorded in events and shown to the member. */
public enum ReservationRejection {
    /** The member is not (or no longer) VERIFIED. */
    MEMBER_NOT_VERIFIED,
    /** The member holds no unexpired qualification for the machine type. */
    NOT_QUALIFIED,
    /** The factory is not COMMISSIONED (proposed, installing, suspended or decommissioned). */
    FACTORY_NOT_OPERATIONAL,
    /** The factory has no machine of the type, or all of them are in maintenance. */
    NO_MACHINE_OF_TYPE,
    /** Not enough free machine-hours between the earliest start and the deadline. */
    NO_CAPACITY
}
