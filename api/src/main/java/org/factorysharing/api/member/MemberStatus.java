package org.factorysharing.api.member;

/** Member lifecycle: APPLIED -> VERIFIED -> (SUSPENDED <-> VERIFIED), or APPLIED -> REJECTED. */
public enum MemberStatus {
    APPLIED,
    VERIFIED,
    SUSPENDED,
    REJECTED
}
