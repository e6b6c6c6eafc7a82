package org.factorysharing.command.member;

import java.time.LocalDate;
import java.util.Optional;
import org.axonframework.modelling.command.Repository;
import org.factorysharing.api.factory.ReservationRejection;
import org.factorysharing.api.member.MemberId;
import org.factorysharing.api.member.MemberStatus;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;

/**
 * Whether a member may book a machine type, decided on the Member aggregate itself (not a read model), in the
 * booking's unit of work. Loading locks the member, so a suspension cannot slip in between check and booking.
 */
@Component
public class MemberEligibility {

    private final Repository<Member> members;

    MemberEligibility(@Qualifier("memberRepository") Repository<Member> members) {
        this.members = members;
    }

    /** Why the member may not book, or empty when it may. Unknown members throw AggregateNotFoundException. */
    public Optional<Refusal> refusalFor(MemberId memberId, String machineType, LocalDate day) {
        return members.load(memberId.value()).invoke(member -> member.refusalFor(machineType, day));
    }

    /** A reason the member sees. */
    public record Refusal(ReservationRejection rejection, String reason) {
    }

    static Optional<Refusal> refusal(MemberStatus status, boolean qualified, String machineType) {
        if (status != MemberStatus.VERIFIED) {
            return Optional.of(new Refusal(ReservationRejection.MEMBER_NOT_VERIFIED,
                    "the member is " + status + "; only verified members may book machine time"));
        }
        if (!qualified) {
            return Optional.of(new Refusal(ReservationRejection.NOT_QUALIFIED,
                    "the member holds no unexpired qualification for " + machineType));
        }
        return Optional.empty();
    }
}
