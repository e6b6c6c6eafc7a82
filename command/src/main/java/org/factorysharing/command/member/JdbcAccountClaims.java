package org.factorysharing.command.member;

import java.util.Optional;
import org.factorysharing.api.member.MemberId;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** A primary-key insert in the command's transaction, as for NIBs: a concurrent claim waits, then loses. */
@Component
class JdbcAccountClaims implements AccountClaims {

    private final JdbcTemplate jdbc;

    JdbcAccountClaims(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public MemberId claim(String userId, MemberId memberId) {
        jdbc.update("""
                INSERT INTO member_account_claim (user_id, member_id, claimed_at) VALUES (?, ?, now())
                ON CONFLICT (user_id) DO NOTHING""", userId, memberId.value());
        return memberOf(userId).orElseThrow();
    }

    @Override
    public Optional<MemberId> memberOf(String userId) {
        return jdbc
                .queryForList("SELECT member_id FROM member_account_claim WHERE user_id = ?", String.class, userId)
                .stream()
                .findFirst()
                .map(MemberId::new);
    }
}
