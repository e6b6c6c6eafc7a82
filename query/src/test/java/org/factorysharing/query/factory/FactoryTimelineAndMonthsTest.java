package org.factorysharing.query.factory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.Assertions.within;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.factorysharing.api.factory.Allocation;
import org.factorysharing.api.factory.FactoryEvent.FactoryCommissioned;
import org.factorysharing.api.factory.FactoryEvent.FactoryInspected;
import org.factorysharing.api.factory.FactoryEvent.FactoryProposed;
import org.factorysharing.api.factory.FactoryEvent.FactoryStaffAssigned;
import org.factorysharing.api.factory.FactoryEvent.MachineInstalled;
import org.factorysharing.api.factory.FactoryEvent.MachineMaintenanceEnded;
import org.factorysharing.api.factory.FactoryEvent.MachineMaintenanceStarted;
import org.factorysharing.api.factory.FactoryEvent.MachineTimeReserved;
import org.factorysharing.api.factory.FactoryId;
import org.factorysharing.api.factory.FactoryQueries.FactoryTimelineView;
import org.factorysharing.api.factory.FactoryQueries.FindFactoryTimeline;
import org.factorysharing.api.factory.FactoryQueries.FindMonthlyUtilisation;
import org.factorysharing.api.factory.FactoryQueries.FindRegistryFacets;
import org.factorysharing.api.factory.FactoryQueries.MonthUtilisationView;
import org.factorysharing.api.factory.FactoryQueries.MonthlyUtilisationView;
import org.factorysharing.api.factory.FactoryQueries.RegistryFacetsView;
import org.factorysharing.api.factory.FactoryQueries.TimelineEntryKind;
import org.factorysharing.api.factory.FactoryQueries.TimelineEntryView;
import org.factorysharing.api.factory.MachinePlan;
import org.factorysharing.api.job.JobId;
import org.factorysharing.api.member.MemberId;
import org.factorysharing.query.QueryTest;
import org.factorysharing.testing.EventFeed;
import org.factorysharing.testing.EventFeed.Aggregate;
import org.factorysharing.testing.ReadModelTables;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A factory's timeline, its utilisation per month and the registry's filter options, on PostgreSQL, from events chosen by hand (appended to the
 * event store as the command side would).
 */
@QueryTest
class FactoryTimelineAndMonthsTest {

    private static final String TIMELINE = "factory-timeline";
    private static final String CALENDAR = "capacity-calendar";
    private static final String PRESS = "COCONUT_OIL_PRESS";

    @Autowired
    EventFeed feed;

    @Autowired
    ReadModelTables tables;

    @Autowired
    QueryGateway queries;

    @BeforeEach
    void pauseWorkflowBridges() {
        feed.pauseWorkflowBridges();
    }

    @AfterEach
    void resumeWorkflowBridgesAfterTheseFacts() {
        feed.resumeWorkflowBridgesAtHead();
    }

    @Test
    void theTimelineTellsWhoDidWhatInTheOrderTheFactoryDecidedItWithoutBookings() {
        Aggregate factory = factory();
        FactoryId id = new FactoryId(factory.id());
        factory.publish(at(1), proposed(id));
        factory.publish(at(2), new FactoryStaffAssigned(id, "crew-1", null, "officer-a"));
        factory.publish(at(3), new MachineInstalled(id, "press-1", PRESS, 8, "crew-1"));
        factory.publish(at(4), new FactoryInspected(id, false, "no guard rail", "officer-a"));
        factory.publish(at(5), new FactoryInspected(id, true, null, "officer-a"));
        // stored in the same minute as the inspection: the factory's own order decides, not the clock
        factory.publish(at(5), new FactoryCommissioned(id, "officer-b", "officer-a"));
        factory.publish(
                at(6),
                new MachineTimeReserved(
                        id,
                        JobId.newId(),
                        MemberId.newId(),
                        PRESS,
                        4,
                        day(3),
                        day(4),
                        List.of(new Allocation("press-1", day(3), 4))));
        factory.publish(at(7), new MachineMaintenanceStarted(id, "press-1", "oil leak", day(3), List.of(), "crew-1"));
        factory.publish(at(8), new MachineMaintenanceEnded(id, "press-1", day(4), "crew-1"));
        feed.awaitCaughtUp(TIMELINE);

        FactoryTimelineView timeline = timeline(id).orElseThrow();

        assertThat(timeline.entries())
                .extracting(
                        TimelineEntryView::kind,
                        TimelineEntryView::by,
                        TimelineEntryView::machineId,
                        TimelineEntryView::detail)
                .containsExactly(
                        tuple(TimelineEntryKind.PROPOSED, "officer-a", null, "Rumah Produksi Linimasa"),
                        tuple(TimelineEntryKind.STAFF_ASSIGNED, "officer-a", null, "crew-1"),
                        tuple(TimelineEntryKind.MACHINE_INSTALLED, "crew-1", "press-1", PRESS),
                        tuple(TimelineEntryKind.INSPECTION_FAILED, "officer-a", null, "no guard rail"),
                        tuple(TimelineEntryKind.INSPECTION_PASSED, "officer-a", null, null),
                        tuple(TimelineEntryKind.COMMISSIONED, "officer-b", null, null),
                        tuple(TimelineEntryKind.MAINTENANCE_STARTED, "crew-1", "press-1", "oil leak"),
                        tuple(TimelineEntryKind.MAINTENANCE_ENDED, "crew-1", "press-1", null));
        assertThat(timeline.entries().get(0).at()).isEqualTo(at(1));
        assertThat(timeline(FactoryId.newId())).isEmpty();
    }

    @Test
    void aTimelineHandledAgainOrRebuiltIsTheSame() {
        Aggregate factory = factory();
        FactoryId id = new FactoryId(factory.id());
        factory.publish(at(1), proposed(id));
        factory.publish(at(2), new MachineInstalled(id, "press-1", PRESS, 8, "crew-1"));
        feed.awaitCaughtUp(TIMELINE);
        Map<String, List<Map<String, Object>>> before = tables.snapshot(TIMELINE);
        assertThat(before.get("factory_timeline")).isNotEmpty();

        StreamingEventProcessor processor = feed.processor(TIMELINE);
        feed.stop(processor);
        processor.resetTokens();
        processor.start();
        feed.awaitCaughtUp(TIMELINE);

        assertThat(tables.snapshot(TIMELINE)).isEqualTo(before);
        assertThat(timeline(id).orElseThrow().entries()).hasSize(2);
    }

    @Test
    void utilisationPerMonthClipsEachMonthToThePeriodAndLeavesNoMonthOut() {
        Aggregate factory = factory();
        FactoryId id = new FactoryId(factory.id());
        factory.publish(at(1), proposed(id));
        // installed at 09:00 in Jakarta on 30 March 2025: its first calendar day
        factory.publish(Instant.parse("2025-03-30T02:00:00Z"), new MachineInstalled(id, "press-1", PRESS, 8, "crew"));
        JobId job = JobId.newId();
        factory.publish(
                at(3),
                new MachineTimeReserved(
                        id,
                        job,
                        MemberId.newId(),
                        PRESS,
                        14,
                        day(31),
                        LocalDate.of(2025, 4, 5),
                        List.of(
                                new Allocation("press-1", day(31), 8),
                                new Allocation("press-1", LocalDate.of(2025, 4, 1), 6))));
        // in maintenance 2 and 3 April (ended on the 4th, exclusive)
        factory.publish(
                at(4),
                new MachineMaintenanceStarted(id, "press-1", "belt", LocalDate.of(2025, 4, 2), List.of(), "crew"));
        factory.publish(at(5), new MachineMaintenanceEnded(id, "press-1", LocalDate.of(2025, 4, 4), "crew"));
        feed.awaitCaughtUp(CALENDAR);

        MonthlyUtilisationView view =
                months(id, LocalDate.of(2025, 2, 15), LocalDate.of(2025, 4, 10)).orElseThrow();

        // February: no machine yet; March: 30 and 31 = 16 h, 8 booked;
        // April 1..10 without 2 and 3 = 8 days = 64 h, 6 booked
        assertThat(view.months())
                .extracting(
                        MonthUtilisationView::month,
                        MonthUtilisationView::availableHours,
                        MonthUtilisationView::bookedHours)
                .containsExactly(tuple("2025-02", 0L, 0L), tuple("2025-03", 16L, 8L), tuple("2025-04", 64L, 6L));
        assertThat(view.months().get(0).utilisation()).isZero();
        assertThat(view.months().get(1).utilisation()).isCloseTo(0.5, within(1e-9));
        assertThat(view.months().get(2).utilisation()).isCloseTo(6.0 / 64, within(1e-9));
        assertThat(months(FactoryId.newId(), day(1), day(31))).isEmpty();
    }

    @Test
    void theRegistryOffersEachProvinceAndCommodityOfItsFactoriesOnce() {
        String province = "Provinsi Uji " + UUID.randomUUID().toString().substring(0, 8);
        for (String commodity : List.of("COFFEE_TEST", "COFFEE_TEST", "ANCHOVY_TEST")) {
            Aggregate factory = factory();
            FactoryId id = new FactoryId(factory.id());
            factory.publish(
                    at(1),
                    new FactoryProposed(
                            id,
                            "Rumah Produksi " + commodity,
                            province,
                            "Kabupaten",
                            commodity,
                            commodity,
                            "Koperasi",
                            List.of(new MachinePlan("m-1", PRESS, 8)),
                            LocalDate.of(2025, 4, 30),
                            id.staffGroup(),
                            "officer-a"));
        }
        feed.awaitCaughtUp("factory-registry");

        RegistryFacetsView facets = queries.query(new FindRegistryFacets(), RegistryFacetsView.class)
                .join();

        assertThat(facets.provinces()).containsOnlyOnce(province);
        assertThat(facets.commodityCodes()).containsOnlyOnce("COFFEE_TEST", "ANCHOVY_TEST");
    }

    private Optional<FactoryTimelineView> timeline(FactoryId id) {
        return queries.query(new FindFactoryTimeline(id), ResponseTypes.optionalInstanceOf(FactoryTimelineView.class))
                .join();
    }

    private Optional<MonthlyUtilisationView> months(FactoryId id, LocalDate from, LocalDate to) {
        return queries.query(
                        new FindMonthlyUtilisation(id, from, to),
                        ResponseTypes.optionalInstanceOf(MonthlyUtilisationView.class))
                .join();
    }

    private static FactoryProposed proposed(FactoryId id) {
        return new FactoryProposed(
                id,
                "Rumah Produksi Linimasa",
                "Sulawesi Utara",
                "Minahasa",
                "Coconut",
                "COCONUT",
                "Koperasi Nyiur Melambai",
                List.of(new MachinePlan("press-1", PRESS, 8)),
                LocalDate.of(2025, 4, 30),
                id.staffGroup(),
                "officer-a");
    }

    private Aggregate factory() {
        return feed.aggregate("Factory", FactoryId.newId().value());
    }

    /** A day of March 2025. */
    private static LocalDate day(int dayOfMarch) {
        return LocalDate.of(2025, 3, dayOfMarch);
    }

    /** An instant on 1 March 2025, {@code minute} minutes after midnight UTC: the order of events. */
    private static Instant at(int minute) {
        return Instant.parse("2025-03-01T00:00:00Z").plusSeconds(60L * minute);
    }
}
