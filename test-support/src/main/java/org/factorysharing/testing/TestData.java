package org.factorysharing.testing;

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
import org.factorysharing.api.shared.ProgrammeTime;

/** Unique, valid test inputs, so tests can share one database in any order. */
public final class TestData {

    /** The demo users' password: the test profile's, or the one a shipped database's users were made with. */
    public static final String PASSWORD = System.getProperty("fs.demo-users.password", "test-secret");

    private static final AtomicLong SEQUENCE =
            new AtomicLong(ThreadLocalRandom.current().nextLong(1_000_000_000L));

    private TestData() {}

    /** A 13-digit NIB never handed out before in this JVM. */
    public static String nib() {
        return String.format("%013d", 1_000_000_000_000L + SEQUENCE.incrementAndGet() % 8_999_999_999_999L);
    }

    public static String nik() {
        return String.format("%016d", 7_100_000_000_000_000L + SEQUENCE.incrementAndGet());
    }

    public static RegisterMember registerMember(MemberId memberId, String nib) {
        return new RegisterMember(
                memberId,
                nib,
                "Kelapa Jaya " + nib,
                "Budi Santoso",
                nik(),
                "coconut",
                "Sulawesi Utara",
                "Minahasa",
                BusinessScale.MICRO,
                "+62 812 0000 1111",
                "budi@example.id",
                null);
    }

    /** Today on the programme calendar (Western Indonesia Time), as the server checks dates. */
    public static LocalDate today() {
        return LocalDate.now(ProgrammeTime.ZONE);
    }

    /**
     * A coconut factory in Minahasa with two planned oil presses (PRESS-1, PRESS-2, 8 h/day) and a copra
     * dryer (DRYER-1, 12 h/day), installation due in 30 days.
     */
    public static String proposeFactoryJson(String name) {
        return """
                {"name":"%s","province":"Sulawesi Utara","regency":"Minahasa","commodity":"Coconut",
                 "operator":"Koperasi Nyiur Melambai",
                 "plannedMachines":[
                   {"machineId":"PRESS-1","machineType":"COCONUT_OIL_PRESS","capacityHoursPerDay":8},
                   {"machineId":"PRESS-2","machineType":"COCONUT_OIL_PRESS","capacityHoursPerDay":8},
                   {"machineId":"DRYER-1","machineType":"COPRA_DRYER","capacityHoursPerDay":12}],
                 "installationDueOn":"%s"}""".formatted(name, today().plusDays(30));
    }

    /**
     * A commissioned factory with one coconut oil press (PRESS-1, 8 h/day), made by commands: a shortcut past
     * the commissioning tasks for tests of what comes after (the full walk goes through the tasks).
     */
    public static FactoryId commissionedFactory(CommandGateway commands) {
        return commissionedFactory(commands, new MachinePlan("PRESS-1", "COCONUT_OIL_PRESS", 8));
    }

    public static String registerMemberJson(String nib) {
        return """
                {"nib":"%s","businessName":"Mebel Sragen %s","ownerName":"Siti Rahayu","ownerNik":"%s",
                 "sector":"furniture","province":"Jawa Tengah","regency":"Sragen","scale":"SMALL",
                 "contactPhone":"+62 271 123456","contactEmail":"siti@example.id"}""".formatted(nib, nib, nik());
    }

    /** A commissioned coconut factory in Minahasa with the given machines, made by commands (see above). */
    public static FactoryId commissionedFactory(CommandGateway commands, MachinePlan... machines) {
        return commissionedFactory(commands, "Sulawesi Utara", "Minahasa", "Coconut", machines);
    }

    /** A commissioned factory for a commodity in a region (the shipped regions have potentials for "Coconut"). */
    public static FactoryId commissionedFactory(
            CommandGateway commands, String province, String regency, String commodity, MachinePlan... machines) {
        FactoryId factoryId = FactoryId.newId();
        commands.sendAndWait(new ProposeFactory(
                factoryId,
                "Rumah Produksi " + factoryId,
                province,
                regency,
                commodity,
                "Koperasi Nyiur Melambai",
                List.of(machines),
                today().plusDays(30),
                "officer"));
        for (MachinePlan machine : machines) {
            commands.sendAndWait(new InstallMachine(
                    factoryId, machine.machineId(), machine.machineType(), machine.capacityHoursPerDay(), "staff"));
        }
        commands.sendAndWait(new RecordInspection(factoryId, true, null, "officer"));
        commands.sendAndWait(new CommissionFactory(factoryId, "officer2"));
        return factoryId;
    }
}
