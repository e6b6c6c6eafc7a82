package org.factorysharing.benchmark;

import org.factorysharing.api.member.BusinessScale;
import org.factorysharing.api.member.MemberCommands.RegisterMember;
import org.factorysharing.api.member.MemberId;

/** Registrations with fresh NIBs, as the command side receives them. */
final class Members {

    private Members() {}

    static RegisterMember registration() {
        String nib = Long.toString(RawBaseline.NIBS.incrementAndGet());
        return new RegisterMember(
                MemberId.newId(),
                nib,
                "Kelapa Jaya Mandiri",
                "Budi Santoso",
                "7171010101010001",
                "coconut",
                "Sulawesi Utara",
                "Minahasa",
                BusinessScale.MICRO,
                "+62 812 0000 1111",
                "budi@example.id",
                null);
    }
}
