package org.factorysharing.benchmark;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.factorysharing.api.factory.FactoryCommands.CommissionFactory;
import org.factorysharing.api.factory.FactoryCommands.InstallMachine;
import org.factorysharing.api.factory.FactoryCommands.ProposeFactory;
import org.factorysharing.api.factory.FactoryCommands.RecordInspection;
import org.factorysharing.api.factory.FactoryCommands.ReservationResult;
import org.factorysharing.api.factory.FactoryCommands.ReserveMachineTime;
import org.factorysharing.api.factory.FactoryId;
import org.factorysharing.api.factory.MachinePlan;
import org.factorysharing.api.job.JobId;
import org.factorysharing.api.member.MemberId;
import org.factorysharing.api.shared.ProgrammeTime;
import org.factorysharing.benchmark.LoadRun.Result;

/**
 * Booking machine time (ReserveMachineTime on the Factory aggregate) on 10 commissioned factories, measured on
 * fresh factories and again after each factory holds a year's worth of reservations (10,000 by default), to
 * show that a long history does not slow a booking down (cache + snapshots) and that clients booking on
 * different factories do not wait for each other.
 */
final class BookingScenario {

    static final String MACHINE_TYPE = "CNC_ROUTER";
    private static final int MACHINES_PER_FACTORY = 8;

    private final CommandGateway commands;
    private final List<FactoryId> factories = new ArrayList<>();
    private final MemberId member = MemberId.newId();
    private final AtomicLong rejected = new AtomicLong();
    private final LocalDate today = ProgrammeTime.dateOf(java.time.Instant.now());

    BookingScenario(CommandGateway commands) {
        this.commands = commands;
    }

    /**
     * Proposes, installs, inspects and commissions the factories: eight 24-hour machines each, about 70,000
     * machine-hours a year, so that every booking of the runs fits and each one is a real reservation.
     */
    void commissionFactories(int count) {
        for (int f = 0; f < count; f++) {
            FactoryId id = FactoryId.newId();
            List<MachinePlan> plans = new ArrayList<>();
            for (int m = 1; m <= MACHINES_PER_FACTORY; m++) {
                plans.add(new MachinePlan("CNC-" + m, MACHINE_TYPE, 24));
            }
            commands.sendAndWait(new ProposeFactory(
                    id,
                    "Benchmark factory " + f,
                    "Jawa Tengah",
                    "Sragen",
                    "furniture",
                    "Koperasi Benchmark",
                    plans,
                    today.plusMonths(1),
                    "benchmark"));
            plans.forEach(p -> commands.sendAndWait(new InstallMachine(
                    id, p.machineId(), p.machineType(), p.capacityHoursPerDay(), "benchmark-staff")));
            commands.sendAndWait(new RecordInspection(id, true, null, "benchmark-inspector"));
            commands.sendAndWait(new CommissionFactory(id, "benchmark-officer"));
            factories.add(id);
        }
    }

    /** One booking of 1-2 machine-hours within the coming year, on a random factory. */
    void book() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        FactoryId factory = factories.get(random.nextInt(factories.size()));
        book(factory, random);
    }

    private void book(FactoryId factory, ThreadLocalRandom random) {
        ReservationResult result = commands.sendAndWait(new ReserveMachineTime(
                factory,
                JobId.newId(),
                member,
                MACHINE_TYPE,
                1 + random.nextInt(2),
                today.plusDays(random.nextInt(30)),
                today.plusDays(365)));
        if (!result.reserved()) {
            rejected.incrementAndGet();
        }
    }

    /** Fills every factory up to {@code perFactory} reservations, each client working on its own factories. */
    Result fill(int perFactory, int clients) throws InterruptedException {
        AtomicLong[] made = new AtomicLong[factories.size()];
        for (int f = 0; f < made.length; f++) {
            made[f] = new AtomicLong();
        }
        long start = System.nanoTime();
        Result result = LoadRun.run("fill", clients, Duration.ofHours(1), (client, sequence) -> {
            for (int f = client; f < factories.size(); f += clients) {
                if (made[f].getAndIncrement() < perFactory) {
                    book(factories.get(f), ThreadLocalRandom.current());
                    return;
                }
            }
            throw new LoadRun.Stop();
        });
        System.out.printf(
                Locale.ROOT,
                "filled %d factories with %d reservations each in %.0f s%n",
                factories.size(),
                perFactory,
                (System.nanoTime() - start) / 1e9);
        return result;
    }

    long rejected() {
        return rejected.get();
    }
}
