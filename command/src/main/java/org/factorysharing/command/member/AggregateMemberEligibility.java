package org.factorysharing.command.member;

import java.time.LocalDate;
import java.util.Optional;
import org.axonframework.modelling.command.Repository;
import org.factorysharing.api.member.MemberId;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;

/**
 * Decides eligibility on the Member aggregate itself (not a read model), in the booking's unit of work.
 * Loading locks the member, so a suspension cannot slip in between the check and the booking.
 */
@Component
class AggregateMemberEligibility implements MemberEligibility {

    private final Repository<Member> members;

    AggregateMemberEligibility(@Qualifier("memberRepository") Repository<Member> members) {
        this.members = members;
    }

    @Override
    public Optional<Refusal> refusalFor(MemberId memberId, String machineType, LocalDate day) {
        return members.load(memberId.value()).invoke(member -> member.refusalFor(machineType, day));
    }
}
