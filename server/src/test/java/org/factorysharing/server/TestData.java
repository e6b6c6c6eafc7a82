package org.factorysharing.server;

import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.factorysharing.api.factory.FactoryCommands.CommissionFactory;
import org.factorysharing.api.factory.FactoryCommands.InstallMachine;
import org.factorysharing.api.factory.FactoryCommands.ProposeFactory;
import org.factorysharing.api.factory.FactoryCommands.RecordInspection;
import org.factorysharing.api.factory.FactoryId;
import org.factorysharing.api.factory.MachinePlan;
import org.factorysharing.api.member.BusinessScale;
import org.factorysharing.api.member.MemberCommands.RegisterMember;
import org.factorysharing.api.member.MemberId;

/** Unique, valid test inputs, so tests can share one database in any order. */
public final class TestData {

    public static final String PASSWORD = "test-secret";
    private static final AtomicLong SEQUENCE = new AtomicLong(ThreadLocalRandom.current().nextLong(1_000_000_000L));

    private TestData() {
    }

    /** A 13-digit NIB never handed out before in this JVM. */
    public static String nib() {
        return String.format("%013d", 1_000_000_000_000L + SEQUENCE.incrementAndGet() % 8_999_999_999_999L);
    }

    public static String nik() {
        return String.format("%016d", 7_100_000_000_000_000L + SEQUENCE.incrementAndGet());
    }

    public static RegisterMember registerMember(MemberId memberId, String nib) {
        return new RegisterMember(memberId, nib, "Kelapa Jaya " + nib, "Budi Santoso", nik(), "coconut",
                "Sulawesi Utara", "Minahasa", BusinessScale.MICRO, "+62 812 0000 1111", "budi@example.id");
    }

    public static String registerMemberJson(String nib) {
        return """
                {"nib":"%s","businessName":"Mebel Sragen %s","ownerName":"Siti Rahayu","ownerNik":"%s",
                 "sector":"furniture","province":"Jawa Tengah","regency":"Sragen","scale":"SMALL",
                 "contactPhone":"+62 271 123456","contactEmail":"siti@example.id"}""".formatted(nib, nib, nik());
    }

    /** A commissioned factory with the given machines installed, built through its commands. */
    public static FactoryId commissionedFactory(CommandGateway commands, MachinePlan... machines) {
        FactoryId factoryId = FactoryId.newId();
        commands.sendAndWait(new ProposeFactory(factoryId, "Rumah Produksi Bersama " + SEQUENCE.incrementAndGet(),
                "Jawa Tengah", "Sragen", "furniture", "Koperasi Mebel Sragen", List.of(machines),
                LocalDate.now().plusMonths(2), "officer"));
        for (MachinePlan machine : machines) {
            commands.sendAndWait(new InstallMachine(factoryId, machine.machineId(), machine.machineType(),
                    machine.capacityHoursPerDay(), "staff"));
        }
        commands.sendAndWait(new RecordInspection(factoryId, true, null, "officer"));
        commands.sendAndWait(new CommissionFactory(factoryId, "officer2"));
        return factoryId;
    }
}
