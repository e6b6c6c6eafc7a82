package org.factorysharing.command.member;

import org.factorysharing.api.member.MemberId;

/** Set validation for logins: a login acts for at most one member. */
@FunctionalInterface
interface AccountClaims {

    /** Claims the login for the member; answers the member that holds the claim afterwards. */
    MemberId claim(String userId, MemberId memberId);
}
