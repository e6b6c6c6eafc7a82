package org.factorysharing.systemtests.factory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.common.caching.Cache;
import org.factorysharing.api.factory.Allocation;
import org.factorysharing.api.factory.FactoryCommands.ReservationResult;
import org.factorysharing.api.factory.FactoryCommands.ReserveMachineTime;
import org.factorysharing.api.factory.FactoryId;
import org.factorysharing.api.factory.MachinePlan;
import org.factorysharing.api.factory.ReservationRejection;
import org.factorysharing.api.job.JobId;
import org.factorysharing.api.member.MemberId;
import org.factorysharing.api.shared.ProgrammeTime;
import org.factorysharing.systemtests.ServerTest;
import org.factorysharing.testing.EventStoreProbe;
import org.factorysharing.testing.TestData;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/** The machine-time ledger on PostgreSQL: concurrent bookings, rolled-back bookings, snapshots. */
@ServerTest
class MachineTimeConcurrencyIT {

    private static final String CNC = "CNC_ROUTER";
    private static final MemberId MEMBER = MemberId.newId();

    @Autowired
    CommandGateway commands;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    EventStoreProbe events;

    @Autowired
    @Qualifier("factoryCache")
    Cache factoryCache;

    private final LocalDate today = ProgrammeTime.dateOf(java.time.Instant.now());

    @Test
    void simultaneousBookingsForMoreThanRemainsBookExactlyWhatFits() throws Exception {
        // 2 machines x 8 h x 3 days = 48 h; 24 requests of 3 h want 72 h: exactly 16 fit
        FactoryId factory = TestData.commissionedFactory(
                commands, new MachinePlan("CNC-1", CNC, 8), new MachinePlan("CNC-2", CNC, 8));
        int requests = 24;
        ExecutorService clients = Executors.newFixedThreadPool(requests);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<ReservationResult>> answers = new ArrayList<>();
        for (int i = 0; i < requests; i++) {
            answers.add(clients.submit(() -> {
                go.await();
                return commands.<ReservationResult>sendAndWait(
                        new ReserveMachineTime(factory, JobId.newId(), MEMBER, CNC, 3, today, today.plusDays(2)));
            }));
        }
        go.countDown();
        List<ReservationResult> results = new ArrayList<>();
        for (Future<ReservationResult> answer : answers) {
            results.add(answer.get());
        }
        clients.shutdown();

        List<ReservationResult> reserved =
                results.stream().filter(ReservationResult::reserved).toList();
        assertThat(reserved).hasSize(16);
        assertThat(results.stream().filter(r -> !r.reserved())).hasSize(8).allSatisfy(r -> {
            assertThat(r.rejection()).isEqualTo(ReservationRejection.NO_CAPACITY);
            assertThat(r.reason()).contains("not enough free");
        });
        Map<String, Integer> perMachineDay = new HashMap<>();
        reserved.forEach(r -> r.allocations()
                .forEach(a -> perMachineDay.merge(a.machineId() + "@" + a.day(), a.hours(), Integer::sum)));
        assertThat(perMachineDay.values()).allSatisfy(hours -> assertThat(hours).isEqualTo(8));
        assertThat(perMachineDay).hasSize(6);
        // and the store says the same: 16 reservations, 8 recorded refusals, 48 hours
        List<String> types = events.eventTypesOf(factory.value());
        assertThat(types.stream().filter("MachineTimeReserved"::equals)).hasSize(16);
        assertThat(types.stream().filter("MachineTimeReservationRejected"::equals))
                .hasSize(8);
        assertSequenceHasNoGaps(factory);
    }

    @Test
    void aBookingRolledBackWithItsEnclosingTransactionFreesItsHoursAgain() {
        FactoryId factory = TestData.commissionedFactory(commands, new MachinePlan("CNC-1", CNC, 8));
        try {
            transactions.executeWithoutResult(status -> {
                ReservationResult held = commands.sendAndWait(
                        new ReserveMachineTime(factory, JobId.newId(), MEMBER, CNC, 8, today, today));
                assertThat(held.reserved()).isTrue();
                throw new IllegalStateException("a later step of the same transaction fails");
            });
        } catch (IllegalStateException expected) {
            // the whole transaction rolled back
        }

        ReservationResult again =
                commands.sendAndWait(new ReserveMachineTime(factory, JobId.newId(), MEMBER, CNC, 8, today, today));

        assertThat(again.reserved()).as("the rolled-back hours are free again").isTrue();
        assertThat(events.eventTypesOf(factory.value()))
                .filteredOn("MachineTimeReserved"::equals)
                .hasSize(1);
        assertSequenceHasNoGaps(factory);
    }

    @Test
    void aFactoryRebuiltFromItsSnapshotKnowsEveryBooking() {
        FactoryId factory = TestData.commissionedFactory(
                commands, new MachinePlan("CNC-1", CNC, 24), new MachinePlan("CNC-2", CNC, 24));
        LocalDate end = today.plusDays(199);
        // 300 bookings of 1 h pass the snapshot threshold (100 events in tests)
        for (int i = 0; i < 300; i++) {
            assertThat(commands.<ReservationResult>sendAndWait(
                                    new ReserveMachineTime(factory, JobId.newId(), MEMBER, CNC, 1, today, end))
                            .reserved())
                    .isTrue();
        }
        await().atMost(Duration.ofSeconds(30))
                .until(() -> jdbc.queryForObject(
                                "SELECT count(*) FROM snapshot_event_entry WHERE aggregate_identifier = ?",
                                Long.class,
                                factory.value())
                        > 0);
        assertThat(factoryCache.containsKey(factory.value()))
                .as("served from the cache")
                .isTrue();
        factoryCache.remove(factory.value());

        // 200 days x 48 h = 9600 h, 300 are taken: exactly 9300 remain
        ReservationResult tooMuch =
                commands.sendAndWait(new ReserveMachineTime(factory, JobId.newId(), MEMBER, CNC, 9301, today, end));
        ReservationResult rest =
                commands.sendAndWait(new ReserveMachineTime(factory, JobId.newId(), MEMBER, CNC, 9300, today, end));

        assertThat(tooMuch.reserved()).isFalse();
        assertThat(rest.reserved()).isTrue();
        assertThat(rest.allocations().stream().mapToInt(Allocation::hours).sum())
                .isEqualTo(9300);
    }

    private void assertSequenceHasNoGaps(FactoryId factory) {
        Map<String, Object> row = jdbc.queryForMap("""
                SELECT count(*) AS n, max(sequence_number) AS last FROM domain_event_entry
                WHERE aggregate_identifier = ?""", factory.value());
        assertThat(((Number) row.get("last")).longValue() + 1).isEqualTo(((Number) row.get("n")).longValue());
    }
}
