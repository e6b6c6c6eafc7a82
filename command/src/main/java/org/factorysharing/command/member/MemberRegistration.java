package org.factorysharing.command.member;

import java.util.List;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.axonframework.modelling.command.Repository;
import org.factorysharing.api.member.MemberCommands.RegisterMember;
import org.factorysharing.api.shared.ActorMetaData;
import org.factorysharing.api.shared.DuplicateEntity;
import org.factorysharing.api.shared.NotPermitted;
import org.factorysharing.command.shared.Acting;
import org.factorysharing.command.shared.Require;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;

/**
 * Registers a member after claiming its NIB (and the applying login, when a member's login applies for itself), so
 * the claims and the first events commit or fail together.
 */
@Component
class MemberRegistration {

    private final Repository<Member> members;
    private final NibClaims nibClaims;
    private final AccountClaims accountClaims;

    MemberRegistration(
            @Qualifier("memberRepository") Repository<Member> members,
            NibClaims nibClaims,
            AccountClaims accountClaims) {
        this.members = members;
        this.nibClaims = nibClaims;
        this.accountClaims = accountClaims;
    }

    @CommandHandler
    public String handle(
            RegisterMember cmd,
            @MetaDataValue(ActorMetaData.USER_ID) String userId,
            @MetaDataValue(ActorMetaData.GROUPS) List<String> groups)
            throws Exception {
        Member.requireValid(cmd);
        Acting acting = Acting.of(userId, groups);
        if (acting.onlyForOwnMember() && !acting.userId().equals(cmd.accountUserId())) {
            throw new NotPermitted("a member's login applies only for itself: it becomes the new member's login");
        }
        if (cmd.accountUserId() != null) {
            Require.that(
                    !cmd.accountUserId().isBlank()
                            && cmd.accountUserId().equals(cmd.accountUserId().strip()),
                    "accountUserId must be a login without surrounding spaces");
        }
        if (!nibClaims.claim(cmd.nib(), cmd.memberId())) {
            throw new DuplicateEntity("member.nib-taken", "a member with NIB " + cmd.nib() + " is already registered");
        }
        if (cmd.accountUserId() != null
                && !accountClaims.claim(cmd.accountUserId(), cmd.memberId()).equals(cmd.memberId())) {
            throw new DuplicateEntity(
                    "member.account-taken", "the login " + cmd.accountUserId() + " already acts for a member");
        }
        members.newInstance(() -> new Member(cmd));
        return cmd.memberId().value();
    }
}
