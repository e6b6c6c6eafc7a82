package org.factorysharing.platform.axon;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.axonframework.common.stream.BlockingStream;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.spring.jdbc.SpringDataSourceConnectionProvider;
import org.axonframework.spring.messaging.unitofwork.SpringTransactionManager;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The event store's readers see an event as soon as the transaction that appended it commits, also when that
 * transaction is not the unit of work's own (a command sent inside a Camunda task's completion). The store's own
 * polling is set to an hour here, so only the wake-up at commit can deliver the event within the test's patience. A
 * processor's stream that found nothing is called back when an event arrives, and the store's shared reader reads a
 * batch at a time.
 */
class EventStoreReadersTest {

    static final int READ_BATCH = 3;

    @TempDir
    static Path dataDirectory;

    static EmbeddedPostgres postgres;
    static DataSource dataSource;
    static DataSourceTransactionManager springTransactions;
    static TransactionManager axonTransactions;

    static JdbcEventStorageEngine engine;
    static EmbeddedEventStore store;
    BlockingStream<TrackedEventMessage<?>> readers;

    @BeforeAll
    static void startDatabase() throws Exception {
        postgres = EmbeddedPostgres.builder()
                .setDataDirectory(dataDirectory)
                .setCleanDataDirectory(true)
                .start();
        dataSource = postgres.getPostgresDatabase();
        Flyway.configure()
                .dataSource(dataSource)
                .locations("classpath:db/migration")
                .load()
                .migrate();
        springTransactions = new DataSourceTransactionManager(dataSource);
        axonTransactions = new SpringTransactionManager(springTransactions);
        EventArrivals arrivals = new EventArrivals();
        engine = new SignallingJdbcEventStorageEngine(
                JdbcEventStorageEngine.builder()
                        .connectionProvider(new SpringDataSourceConnectionProvider(dataSource))
                        .transactionManager(axonTransactions)
                        .schema(new AxonConfiguration().eventSchema())
                        .batchSize(READ_BATCH),
                arrivals);
        store = new AfterTransactionEventStore(
                EmbeddedEventStore.builder().storageEngine(engine).fetchDelay(1).timeUnit(TimeUnit.HOURS), arrivals);
    }

    @AfterAll
    static void stopDatabase() throws Exception {
        store.shutDown();
        postgres.close();
    }

    @BeforeEach
    void openStream() throws Exception {
        readers = openAtTheHead();
        // the store's reader thread now sleeps until it is woken (or an hour)
        awaitReaderAsleep();
    }

    @AfterEach
    void closeStream() {
        readers.close();
    }

    @Test
    void aUnitOfWorkWithItsOwnTransactionWakesTheReadersAtItsCommit() throws Exception {
        append("own transaction");

        assertThat(readers.hasNextAvailable(30, TimeUnit.SECONDS)).isTrue();
        assertThat(readers.nextAvailable().getPayload()).isEqualTo("own transaction");
    }

    @Test
    void aUnitOfWorkInsideAnotherTransactionWakesTheReadersWhenThatTransactionCommits() throws Exception {
        new TransactionTemplate(springTransactions).executeWithoutResult(status -> {
            append("inside a task's transaction");
            assertThat(hasNextAvailable(300))
                    .as("not visible before the transaction commits")
                    .isFalse();
        });

        assertThat(readers.hasNextAvailable(30, TimeUnit.SECONDS)).isTrue();
        assertThat(readers.nextAvailable().getPayload()).isEqualTo("inside a task's transaction");
    }

    @Test
    void aProcessorThatFoundNothingIsCalledBackWhenAnEventArrives() throws Exception {
        CountDownLatch calledBack = new CountDownLatch(1);
        assertThat(readers.setOnAvailableCallback(calledBack::countDown))
                .as("the stream takes a callback, so an idle processor need not look every 500 ms")
                .isTrue();
        assertThat(readers.hasNextAvailable()).isFalse();

        append("arrived");

        assertThat(calledBack.await(30, TimeUnit.SECONDS)).isTrue();
        assertThat(readers.nextAvailable().getPayload()).isEqualTo("arrived");
    }

    @Test
    void aProcessorThatRefusesTheCallBackDoesNotKeepTheOthersWaiting() throws Exception {
        try (BlockingStream<TrackedEventMessage<?>> stopping = openAtTheHead()) {
            stopping.setOnAvailableCallback(() -> {
                throw new IllegalStateException("shutting down");
            });
            CountDownLatch calledBack = new CountDownLatch(1);
            readers.setOnAvailableCallback(calledBack::countDown);
            assertThat(stopping.hasNextAvailable()).isFalse();
            assertThat(readers.hasNextAvailable()).isFalse();

            append("arrived while one processor stops");

            assertThat(calledBack.await(30, TimeUnit.SECONDS)).isTrue();
        }
    }

    @Test
    void aRolledBackTransactionLeavesTheReadersWithNothing() throws Exception {
        new TransactionTemplate(springTransactions).executeWithoutResult(status -> {
            append("rolled back");
            status.setRollbackOnly();
        });
        append("after the rollback");

        assertThat(readers.hasNextAvailable(30, TimeUnit.SECONDS)).isTrue();
        assertThat(readers.nextAvailable().getPayload()).isEqualTo("after the rollback");
    }

    @Test
    void theStoresSharedReaderReadsABatchAtATimeWhileAProcessorsOwnReadGoesToTheHead() {
        for (int i = 0; i < 2 * READ_BATCH + 1; i++) {
            append("event " + i);
        }
        long stored = engine.readEvents(null, false).count();

        // the shared reader keeps the first event of a read reachable until the read ends: a read must not be the store
        try (Stream<? extends TrackedEventMessage<?>> sharedRead = engine.readEvents(null, true)) {
            assertThat(sharedRead.count()).isEqualTo(READ_BATCH);
        }
        assertThat(stored).isGreaterThanOrEqualTo(2 * READ_BATCH + 1);
    }

    /** A processor's stream that has read every event stored so far. */
    private static BlockingStream<TrackedEventMessage<?>> openAtTheHead() throws InterruptedException {
        BlockingStream<TrackedEventMessage<?>> stream = store.openStream(null);
        while (stream.hasNextAvailable(200, TimeUnit.MILLISECONDS)) {
            stream.nextAvailable();
        }
        return stream;
    }

    private void append(String payload) {
        DefaultUnitOfWork<?> unitOfWork = DefaultUnitOfWork.startAndGet(null);
        unitOfWork.attachTransaction(axonTransactions);
        unitOfWork.execute(() -> store.publish(GenericEventMessage.asEventMessage(payload)));
    }

    private boolean hasNextAvailable(int millis) {
        try {
            return readers.hasNextAvailable(millis, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void awaitReaderAsleep() throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            boolean asleep = Thread.getAllStackTraces().entrySet().stream()
                    .anyMatch(thread -> thread.getKey().getState() == Thread.State.TIMED_WAITING
                            && Arrays.stream(thread.getValue())
                                    .anyMatch(frame -> frame.getMethodName().equals("waitForData")));
            if (asleep) {
                return;
            }
            Thread.sleep(20);
        }
        throw new AssertionError("the event store's reader thread did not go to sleep");
    }
}
