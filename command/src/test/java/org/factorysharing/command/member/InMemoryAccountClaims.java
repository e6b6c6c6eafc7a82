package org.factorysharing.command.member;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.factorysharing.api.member.MemberId;

/** The claim table of logins as a map, for fixtures: a claim keeps the first member that made it. */
public final class InMemoryAccountClaims implements AccountClaims {

    private final Map<String, MemberId> claims = new HashMap<>();

    @Override
    public MemberId claim(String userId, MemberId memberId) {
        return claims.computeIfAbsent(userId, u -> memberId);
    }

    @Override
    public Optional<MemberId> memberOf(String userId) {
        return Optional.ofNullable(claims.get(userId));
    }

    public void put(String userId, MemberId memberId) {
        claims.put(userId, memberId);
    }
}
