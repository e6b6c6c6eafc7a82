package org.factorysharing.systemtests;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.UUID;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.factorysharing.api.member.MemberCommands.LinkMemberAccount;
import org.factorysharing.api.member.MemberId;
import org.factorysharing.api.shared.Groups;
import org.factorysharing.testing.TestData;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Fresh logins of the members group for tests: a member's login sees and books only for its own member, so
 * each test that acts as a member gets its own login (the demo user "member" can act for one member only).
 */
@Component
public class MemberLogins {

    private final IdentityService identity;
    private final CommandGateway commands;
    private final JdbcTemplate jdbc;

    public MemberLogins(IdentityService identity, CommandGateway commands, JdbcTemplate jdbc) {
        this.identity = identity;
        this.commands = commands;
        this.jdbc = jdbc;
    }

    /** A new login in the members group, not yet acting for any member (password TestData.PASSWORD). */
    public String newLogin() {
        String userId = "umkm-" + UUID.randomUUID().toString().substring(0, 8);
        User user = identity.newUser(userId);
        user.setPassword(TestData.PASSWORD);
        identity.saveUser(user);
        identity.createMembership(userId, Groups.MEMBERS);
        return userId;
    }

    /** A new login linked to the member (as an officer would), once the link is readable. */
    public String loginFor(MemberId memberId) {
        String userId = newLogin();
        commands.sendAndWait(new LinkMemberAccount(memberId, userId, "officer"));
        awaitLinked(userId);
        return userId;
    }

    /** Waits until the projection knows the login's member (the API reads it from there). */
    public void awaitLinked(String userId) {
        await().atMost(Duration.ofSeconds(30))
                .until(() ->
                        jdbc.queryForObject("SELECT count(*) FROM member_account WHERE user_id = ?", Long.class, userId)
                                == 1);
    }
}
