package org.factorysharing.command.member;

import org.factorysharing.api.member.MemberId;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Claims a NIB with a primary-key insert on the connection of the running command transaction.
 * A concurrent claim of the same NIB blocks on the key until the first transaction ends, then loses:
 * uniqueness holds without locks in Java and without a read model.
 */
@Component
class JdbcNibClaims implements NibClaims {

    private final JdbcTemplate jdbc;

    JdbcNibClaims(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public boolean claim(String nib, MemberId memberId) {
        return jdbc.update("""
                INSERT INTO member_nib_claim (nib, member_id, claimed_at) VALUES (?, ?, now())
                ON CONFLICT (nib) DO NOTHING""", nib, memberId.value()) == 1;
    }
}
