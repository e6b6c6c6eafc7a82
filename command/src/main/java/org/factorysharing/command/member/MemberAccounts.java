package org.factorysharing.command.member;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.modelling.command.Aggregate;
import org.axonframework.modelling.command.Repository;
import org.factorysharing.api.member.MemberCommands.LinkMemberAccount;
import org.factorysharing.api.member.MemberId;
import org.factorysharing.api.shared.DuplicateEntity;
import org.factorysharing.command.shared.Require;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;

/** Links a login to a member after claiming the login, so the claim and the event commit or fail together. */
@Component
class MemberAccounts {

    private final Repository<Member> members;
    private final AccountClaims claims;

    MemberAccounts(@Qualifier("memberRepository") Repository<Member> members, AccountClaims claims) {
        this.members = members;
        this.claims = claims;
    }

    @CommandHandler
    public void handle(LinkMemberAccount cmd) {
        String userId = Require.text(cmd.userId(), "userId");
        Aggregate<Member> member = members.load(cmd.memberId().value()); // unknown member: not found, nothing claimed
        MemberId holder = claims.claim(userId, cmd.memberId());
        if (!holder.equals(cmd.memberId())) {
            throw new DuplicateEntity(
                    "member.account-taken", "the login " + userId + " already acts for another member");
        }
        member.execute(m -> m.linkAccount(userId, Require.text(cmd.linkedBy(), "linkedBy")));
    }
}
