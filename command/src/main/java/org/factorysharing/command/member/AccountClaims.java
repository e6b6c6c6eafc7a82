package org.factorysharing.command.member;

import java.util.Optional;
import org.factorysharing.api.member.MemberId;

/** Set validation for logins, owned by the command side: a login acts for at most one member. */
public interface AccountClaims {

    /** Claims the login for the member; answers the member that holds the claim afterwards. */
    MemberId claim(String userId, MemberId memberId);

    /** The member a login acts for, read in the command's transaction (never from a read model that may lag). */
    Optional<MemberId> memberOf(String userId);
}
