package org.factorysharing.command.member;

import org.factorysharing.api.member.MemberId;

/** Set validation for NIB uniqueness: the command side's own table, written in the command's transaction. */
interface NibClaims {

    /** @return false when another member already holds this NIB */
    boolean claim(String nib, MemberId memberId);
}
