package org.factorysharing.command.member;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.modelling.command.Repository;
import org.factorysharing.api.member.MemberCommands.RegisterMember;
import org.factorysharing.api.shared.DuplicateEntity;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;

/** Registers a member after claiming its NIB, so the claim and the first event commit or fail together. */
@Component
class MemberRegistration {

    private final Repository<Member> members;
    private final NibClaims nibClaims;

    MemberRegistration(@Qualifier("memberRepository") Repository<Member> members, NibClaims nibClaims) {
        this.members = members;
        this.nibClaims = nibClaims;
    }

    @CommandHandler
    public String handle(RegisterMember cmd) throws Exception {
        Member.requireValid(cmd);
        if (!nibClaims.claim(cmd.nib(), cmd.memberId())) {
            throw new DuplicateEntity("member.nib-taken", "a member with NIB " + cmd.nib() + " is already registered");
        }
        members.newInstance(() -> new Member(cmd));
        return cmd.memberId().value();
    }
}
