package org.factorysharing.query.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.StreamSupport;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.deadletter.DeadLetter;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.factorysharing.api.factory.FactoryEvent.FactoryProposed;
import org.factorysharing.api.factory.FactoryEvent.MachineInstalled;
import org.factorysharing.api.factory.FactoryId;
import org.factorysharing.api.factory.FactoryQueries.FactoryView;
import org.factorysharing.api.factory.FactoryQueries.FindFactory;
import org.factorysharing.api.factory.MachinePlan;
import org.factorysharing.api.member.BusinessScale;
import org.factorysharing.api.member.MemberEvent.MemberRegistered;
import org.factorysharing.api.member.MemberEvent.MemberVerified;
import org.factorysharing.api.member.MemberEvent.QualificationGranted;
import org.factorysharing.api.member.MemberId;
import org.factorysharing.platform.axon.DeadLetterDiagnostics;
import org.factorysharing.platform.axon.ParkedSequences;
import org.factorysharing.platform.axon.ProcessorSettings;
import org.factorysharing.query.QueryTest;
import org.factorysharing.testing.EventFeed;
import org.factorysharing.testing.EventFeed.Aggregate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * One bad event never stalls a read model: whether its handler fails or the database refuses its row only when the
 * batch commits, the event is parked in the dead-letter queue with the events of its sequence behind it, the other
 * events of the same segment are applied, and once the cause is fixed a retry applies it.
 */
@QueryTest
class PoisonEventTest {

    private static final String REGISTRY = "factory-registry";
    private static final String DIRECTORY = "member-directory";
    /** An aggregate's events go to the segment of its id's hash. */
    private static final int SEGMENTS = ProcessorSettings.DEFAULT_SEGMENTS;

    @Autowired
    EventFeed feed;

    @Autowired
    EventProcessingConfiguration processing;

    @Autowired
    QueryGateway queries;

    @Autowired
    JdbcTemplate jdbc;

    @BeforeEach
    void pauseWorkflowBridges() {
        feed.pauseWorkflowBridges();
    }

    @AfterEach
    void resumeWorkflowBridges() {
        feed.resumeWorkflowBridgesAtHead();
    }

    /**
     * A date PostgreSQL cannot store (an absurd installation date accepted before dates were bounded) fails the
     * registry's batch at flush, where no handler sees it: it is parked all the same, with the database's reason.
     */
    @Test
    void aRowTheDatabaseRefusesAtCommitIsParkedAndTheSegmentFlowsOn() {
        Aggregate poison = feed.aggregate("Factory", FactoryId.newId().value());
        Aggregate healthy = feed.aggregate("Factory", idInSegmentOf(poison.id(), FactoryId::newId));
        FactoryId poisonId = new FactoryId(poison.id());
        FactoryId healthyId = new FactoryId(healthy.id());

        poison.publish(Instant.now(), proposed(poisonId, LocalDate.MAX));
        healthy.publish(Instant.now(), proposed(healthyId, LocalDate.of(2027, 1, 31)));
        poison.publish(Instant.now(), new MachineInstalled(poisonId, "press-9", "COCONUT_OIL_PRESS", 8, "staff"));
        feed.awaitCaughtUp(REGISTRY);

        assertThat(factory(healthyId)).isPresent();
        assertThat(factory(poisonId)).isEmpty();
        List<DeadLetter<? extends EventMessage<?>>> parked = letters(REGISTRY, poison.id());
        assertThat(parked).hasSize(2); // the refused proposal, and the installation queued behind it
        assertThat(parked.get(0).message().getPayload()).isInstanceOf(FactoryProposed.class);
        assertThat(parked.get(0).cause().orElseThrow().message()).contains("out of range");
        assertThat(letters(REGISTRY, healthy.id())).isEmpty();
    }

    /**
     * A retry whose handler passes but whose batch the database refuses again at commit is a failed retry all the
     * same: the letter keeps the new cause and counts one more retry, so the node's automatic retries back off and
     * stop instead of retrying it at every round.
     */
    @Test
    void aRetryRefusedAtCommitCountsAsAFailedRetry() {
        Aggregate poison = feed.aggregate("Factory", FactoryId.newId().value());
        FactoryId poisonId = new FactoryId(poison.id());
        poison.publish(Instant.now(), proposed(poisonId, LocalDate.MAX));
        feed.awaitCaughtUp(REGISTRY);
        DeadLetter<? extends EventMessage<?>> parked =
                letters(REGISTRY, poison.id()).get(0);
        assertThat(parked.diagnostics().get(DeadLetterDiagnostics.AUTOMATIC_RETRIES))
                .isEqualTo(0);

        boolean handled = ParkedSequences.retry(processing, REGISTRY, ParkedSequences.sequenceIdentifier(parked));

        assertThat(handled).isFalse();
        DeadLetter<? extends EventMessage<?>> after =
                letters(REGISTRY, poison.id()).get(0);
        assertThat(after.cause().orElseThrow().message()).contains("out of range");
        assertThat(after.diagnostics().get(DeadLetterDiagnostics.AUTOMATIC_RETRIES))
                .isEqualTo(1);
        assertThat(after.diagnostics()).containsKey("retryFailedAt");
        assertThat(after.lastTouched()).isAfter(parked.lastTouched());
        assertThat(factory(poisonId)).isEmpty();
    }

    /**
     * The database refuses the row until its cause is fixed (here a rule on the table that is then dropped, as a
     * correcting migration would): the admin's retry then applies the parked event.
     */
    @Test
    void aParkedEventIsAppliedByARetryOnceTheCauseIsFixed() {
        jdbc.execute("ALTER TABLE member_directory ADD CONSTRAINT no_test_sector CHECK (sector <> 'refused')");
        try {
            Aggregate poison = feed.aggregate("Member", MemberId.newId().value());
            Aggregate healthy = feed.aggregate("Member", idInSegmentOf(poison.id(), MemberId::newId));
            poison.publish(Instant.now(), registered(new MemberId(poison.id()), "refused"));
            healthy.publish(Instant.now(), registered(new MemberId(healthy.id()), "coconut"));
            feed.awaitCaughtUp(DIRECTORY);

            assertThat(sector(healthy.id())).contains("coconut");
            assertThat(sector(poison.id())).isEmpty();
            assertThat(letters(DIRECTORY, poison.id())).hasSize(1);

            jdbc.execute("ALTER TABLE member_directory DROP CONSTRAINT no_test_sector");
            boolean applied = processing
                    .sequencedDeadLetterProcessor(DIRECTORY)
                    .orElseThrow()
                    .process(letter -> poison.id().equals(aggregateOf(letter)));

            assertThat(applied).isTrue();
            assertThat(sector(poison.id())).contains("refused");
            assertThat(letters(DIRECTORY, poison.id())).isEmpty();
        } finally {
            jdbc.execute("ALTER TABLE member_directory DROP CONSTRAINT IF EXISTS no_test_sector");
        }
    }

    /**
     * The directory writes without reading the row first; a change to a member the directory does not hold (its
     * registration lost, say) changes no row: that event is parked with the reason, and a healthy member of the same
     * segment is applied.
     */
    @Test
    void aChangeToAMemberTheDirectoryDoesNotHoldIsParkedAndTheBatchFlowsOn() {
        Aggregate orphan = feed.aggregate("Member", MemberId.newId().value());
        Aggregate healthy = feed.aggregate("Member", idInSegmentOf(orphan.id(), MemberId::newId));
        healthy.publish(Instant.now(), registered(new MemberId(healthy.id()), "coconut"));
        orphan.publish(Instant.now(), new MemberVerified(new MemberId(orphan.id()), "officer"));
        healthy.publish(Instant.now(), new MemberVerified(new MemberId(healthy.id()), "officer"));
        feed.awaitCaughtUp(DIRECTORY);

        assertThat(status(healthy.id())).contains("VERIFIED");
        assertThat(status(orphan.id())).isEmpty();
        List<DeadLetter<? extends EventMessage<?>>> parked = letters(DIRECTORY, orphan.id());
        assertThat(parked).hasSize(1);
        assertThat(parked.get(0).cause().orElseThrow().message()).contains("is not in the directory");
        assertThat(letters(DIRECTORY, healthy.id())).isEmpty();
    }

    /**
     * A qualification granted to a member the directory does not hold writes nothing and is parked with the reason;
     * granted to a member it holds, it writes the qualification and the member's last change.
     */
    @Test
    void aQualificationGrantedToAMemberTheDirectoryDoesNotHoldIsParkedAndTheOtherGrantApplied() {
        Aggregate orphan = feed.aggregate("Member", MemberId.newId().value());
        Aggregate healthy = feed.aggregate("Member", idInSegmentOf(orphan.id(), MemberId::newId));
        Instant registeredAt = Instant.parse("2026-11-02T03:00:00Z");
        Instant grantedAt = Instant.parse("2026-11-20T04:30:00Z");
        LocalDate expires = LocalDate.of(2027, 11, 20);
        healthy.publish(registeredAt, registered(new MemberId(healthy.id()), "coconut"));
        orphan.publish(grantedAt, new QualificationGranted(new MemberId(orphan.id()), "KILN", expires, "officer"));
        healthy.publish(grantedAt, new QualificationGranted(new MemberId(healthy.id()), "KILN", expires, "officer"));
        feed.awaitCaughtUp(DIRECTORY);

        assertThat(jdbc.queryForList(
                        "SELECT expires_on FROM member_qualification WHERE member_id = ? AND machine_type = 'KILN'",
                        LocalDate.class,
                        healthy.id()))
                .containsExactly(expires);
        assertThat(jdbc.queryForObject(
                        "SELECT updated_at FROM member_directory WHERE member_id = ?",
                        java.sql.Timestamp.class,
                        healthy.id()))
                .isEqualTo(java.sql.Timestamp.from(grantedAt));
        assertThat(jdbc.queryForObject(
                        "SELECT count(*) FROM member_qualification WHERE member_id = ?", Integer.class, orphan.id()))
                .isZero();
        List<DeadLetter<? extends EventMessage<?>>> parked = letters(DIRECTORY, orphan.id());
        assertThat(parked).hasSize(1);
        assertThat(parked.get(0).cause().orElseThrow().message()).contains("is not in the directory");
        assertThat(letters(DIRECTORY, healthy.id())).isEmpty();
    }

    private Optional<String> status(String memberId) {
        return jdbc
                .queryForList("SELECT status FROM member_directory WHERE member_id = ?", String.class, memberId)
                .stream()
                .findFirst();
    }

    /** A fresh id whose events land in the same segment as the given aggregate's. */
    private static String idInSegmentOf(String aggregateId, java.util.function.Supplier<Object> ids) {
        while (true) {
            String candidate = ids.get().toString();
            if ((candidate.hashCode() & (SEGMENTS - 1)) == (aggregateId.hashCode() & (SEGMENTS - 1))) {
                return candidate;
            }
        }
    }

    private List<DeadLetter<? extends EventMessage<?>>> letters(String group, String aggregateId) {
        List<DeadLetter<? extends EventMessage<?>>> letters = new ArrayList<>();
        var queue = processing.deadLetterQueue(group).orElseThrow();
        processing
                .transactionManager(group)
                .executeInTransaction(
                        () -> StreamSupport.stream(queue.deadLetters().spliterator(), false)
                                .flatMap(sequence -> StreamSupport.stream(sequence.spliterator(), false))
                                .filter(letter -> aggregateId.equals(aggregateOf(letter)))
                                .forEach(letters::add));
        return letters;
    }

    private static String aggregateOf(DeadLetter<? extends EventMessage<?>> letter) {
        return letter.message() instanceof org.axonframework.eventhandling.DomainEventMessage<?> domain
                ? domain.getAggregateIdentifier()
                : null;
    }

    private Optional<FactoryView> factory(FactoryId id) {
        return queries.query(new FindFactory(id), ResponseTypes.optionalInstanceOf(FactoryView.class))
                .join();
    }

    private Optional<String> sector(String memberId) {
        return jdbc
                .queryForList("SELECT sector FROM member_directory WHERE member_id = ?", String.class, memberId)
                .stream()
                .findFirst();
    }

    private static FactoryProposed proposed(FactoryId id, LocalDate installationDueOn) {
        return new FactoryProposed(
                id,
                "Rumah Produksi " + id,
                "Sulawesi Utara",
                "Minahasa",
                "Coconut",
                "COCONUT",
                "Koperasi Maju",
                List.of(new MachinePlan("press-1", "COCONUT_OIL_PRESS", 8)),
                installationDueOn,
                id.staffGroup(),
                "officer");
    }

    private static MemberRegistered registered(MemberId id, String sector) {
        return new MemberRegistered(
                id,
                "91" + UUID.randomUUID().toString().replaceAll("\\D", "").substring(0, 11),
                "Kelapa Jaya",
                "Budi",
                "7171010101010001",
                sector,
                "Sulawesi Utara",
                "Minahasa",
                BusinessScale.MICRO,
                null,
                null);
    }
}
