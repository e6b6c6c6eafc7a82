package org.factorysharing.command.member;

import java.time.LocalDate;
import java.util.Optional;
import org.factorysharing.api.factory.ReservationRejection;
import org.factorysharing.api.member.MemberId;
import org.factorysharing.api.member.MemberStatus;

/** Whether a member may book machine time of a type on a day. */
public interface MemberEligibility {

    /** Why the member may not book, or empty when it may. Unknown members throw AggregateNotFoundException. */
    Optional<Refusal> refusalFor(MemberId memberId, String machineType, LocalDate day);

    /** A reason the member sees. */
    public record Refusal(ReservationRejection rejection, String reason) {}

    static Optional<Refusal> refusal(MemberStatus status, boolean qualified, String machineType) {
        if (status != MemberStatus.VERIFIED) {
            return Optional.of(new Refusal(
                    ReservationRejection.MEMBER_NOT_VERIFIED,
                    "the member is " + status + "; only verified members may book machine time"));
        }
        if (!qualified) {
            return Optional.of(new Refusal(
                    ReservationRejection.NOT_QUALIFIED,
                    "the member holds no unexpired qualification for " + machineType));
        }
        return Optional.empty();
    }
}
