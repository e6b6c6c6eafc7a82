package org.factorysharing.query.programme;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.factorysharing.api.programme.KpiFigures;
import org.factorysharing.api.programme.ProgrammeQueries.MonthlyKpiView;
import org.factorysharing.query.programme.KpiCalculator.BookedDay;
import org.factorysharing.query.programme.KpiCalculator.Completion;
import org.factorysharing.query.programme.KpiCalculator.Factory;
import org.factorysharing.query.programme.KpiCalculator.Facts;
import org.factorysharing.query.programme.KpiCalculator.Inspection;
import org.junit.jupiter.api.Test;

class KpiCalculatorTest {

    private static final LocalDate JULY_1 = LocalDate.of(2022, 7, 1);
    private static final LocalDate JULY_31 = LocalDate.of(2022, 7, 31);

    @Test
    void aFactoryNotCommissionedByTheEndOfThePeriodOffersNothingAndDoesNotCount() {
        Facts facts = facts(
                List.of(new Factory("f1", 10, null), new Factory("f2", 10, LocalDate.of(2022, 8, 1))),
                List.of(),
                List.of(),
                List.of());

        KpiFigures figures = KpiCalculator.figures(facts, JULY_1, JULY_31);

        assertThat(figures.commissionedFactories()).isZero();
        assertThat(figures.availableHours()).isZero();
        assertThat(figures.utilisation()).isZero();
    }

    @Test
    void aFactoryCommissionedMidPeriodOffersItsCapacityFromThatDayOnBothDaysIncluded() {
        // commissioned 22 July: 22..31 July = 10 days x 8 h
        Facts facts = facts(
                List.of(
                        new Factory("f1", 8, LocalDate.of(2022, 7, 22)),
                        new Factory("f2", 5, LocalDate.of(2022, 1, 1))),
                List.of(
                        new BookedDay("f1", LocalDate.of(2022, 7, 22), 6),
                        new BookedDay("f1", JULY_31, 4),
                        new BookedDay("f2", JULY_1, 5)),
                List.of(),
                List.of());

        KpiFigures figures = KpiCalculator.figures(facts, JULY_1, JULY_31);

        assertThat(figures.commissionedFactories()).isEqualTo(2);
        assertThat(figures.availableHours()).isEqualTo(80 + 31 * 5);
        assertThat(figures.bookedHours()).isEqualTo(15);
        assertThat(figures.utilisation()).isCloseTo(15.0 / 235, within(1e-12));
    }

    @Test
    void bookingsBeforeCommissioningOrOutsideThePeriodDoNotCount() {
        Facts facts = facts(
                List.of(new Factory("f1", 8, LocalDate.of(2022, 7, 10))),
                List.of(
                        new BookedDay("f1", LocalDate.of(2022, 7, 9), 8), new BookedDay("f1", JULY_1, 8),
                        new BookedDay("f1", LocalDate.of(2022, 8, 1), 8),
                                new BookedDay("f1", LocalDate.of(2022, 7, 10), 3)),
                List.of(),
                List.of());

        assertThat(KpiCalculator.figures(facts, JULY_1, JULY_31).bookedHours()).isEqualTo(3);
    }

    @Test
    void zeroAvailableHoursGiveZeroUtilisationNotNaN() {
        Facts facts = facts(List.of(), List.of(), List.of(), List.of());

        assertThat(KpiCalculator.figures(facts, JULY_1, JULY_31)).isEqualTo(KpiFigures.NONE);
    }

    @Test
    void completionsCountJobsOutputAndDistinctMembersOfThePeriod() {
        Facts facts = facts(
                List.of(new Factory("f1", 8, JULY_1)),
                List.of(),
                List.of(
                        new Completion("f1", "m1", JULY_1, 100),
                        new Completion("f1", "m1", JULY_31, 50),
                        new Completion("f1", "m2", LocalDate.of(2022, 7, 15), 20),
                        new Completion("f1", "m3", LocalDate.of(2022, 8, 1), 999),
                        new Completion("other", "m4", JULY_1, 999)),
                List.of());

        KpiFigures figures = KpiCalculator.figures(facts, JULY_1, JULY_31);

        assertThat(figures.jobsCompleted()).isEqualTo(3);
        assertThat(figures.outputUnits()).isEqualTo(170);
        assertThat(figures.membersServed()).isEqualTo(2);
    }

    @Test
    void qualityPassRateIsPassedOverInspectionsAndZeroWithoutInspections() {
        Facts none = facts(List.of(new Factory("f1", 8, JULY_1)), List.of(), List.of(), List.of());
        assertThat(KpiCalculator.figures(none, JULY_1, JULY_31).qualityPassRate())
                .isZero();
        assertThat(KpiCalculator.figures(none, JULY_1, JULY_31).inspections()).isZero();

        Facts some = facts(
                List.of(new Factory("f1", 8, JULY_1)),
                List.of(),
                List.of(),
                List.of(
                        new Inspection("f1", JULY_1, false), new Inspection("f1", JULY_1, true),
                        new Inspection("f1", JULY_31, true), new Inspection("f1", LocalDate.of(2022, 6, 30), false)));
        KpiFigures figures = KpiCalculator.figures(some, JULY_1, JULY_31);
        assertThat(figures.inspections()).isEqualTo(3);
        assertThat(figures.qualityPassRate()).isCloseTo(2.0 / 3, within(1e-12));
    }

    @Test
    void withoutAPeriodThereAreNoFiguresAndNoMonths() {
        Facts facts = facts(List.of(new Factory("f1", 8, JULY_1)), List.of(), List.of(), List.of());

        assertThat(KpiCalculator.figures(facts, null, null)).isEqualTo(KpiFigures.NONE);
        assertThat(KpiCalculator.monthly(facts, null, null)).isEmpty();
    }

    @Test
    void monthlyTrendHasOneEntryPerMonthTouchedEachOverItsPartInsideThePeriod() {
        // 20 July .. 5 September; commissioned 25 July with 2 h a day
        Facts facts = facts(
                List.of(new Factory("f1", 2, LocalDate.of(2022, 7, 25))),
                List.of(new BookedDay("f1", LocalDate.of(2022, 8, 31), 2)),
                List.of(new Completion("f1", "m1", LocalDate.of(2022, 9, 5), 7)),
                List.of(new Inspection("f1", LocalDate.of(2022, 9, 5), true)));

        List<MonthlyKpiView> months = KpiCalculator.monthly(facts, LocalDate.of(2022, 7, 20), LocalDate.of(2022, 9, 5));

        assertThat(months).extracting(MonthlyKpiView::month).containsExactly("2022-07", "2022-08", "2022-09");
        assertThat(months).extracting(m -> m.kpis().availableHours()).containsExactly(7 * 2L, 31 * 2L, 5 * 2L);
        assertThat(months).extracting(m -> m.kpis().bookedHours()).containsExactly(0L, 2L, 0L);
        assertThat(months).extracting(m -> m.kpis().jobsCompleted()).containsExactly(0, 0, 1);
        assertThat(months.get(2).kpis().qualityPassRate()).isEqualTo(1.0);
    }

    @Test
    void theFactsOfSomeFactoriesLeaveOutTheOthers() {
        Facts facts = facts(
                List.of(new Factory("f1", 8, JULY_1), new Factory("f2", 4, JULY_1)),
                List.of(new BookedDay("f1", JULY_1, 8), new BookedDay("f2", JULY_1, 4)),
                List.of(),
                List.of());

        KpiFigures f2 = KpiCalculator.figures(facts.of(Set.of("f2")), JULY_1, JULY_1);

        assertThat(f2.commissionedFactories()).isEqualTo(1);
        assertThat(f2.availableHours()).isEqualTo(4);
        assertThat(f2.bookedHours()).isEqualTo(4);
    }

    private static Facts facts(
            List<Factory> factories,
            List<BookedDay> bookings,
            List<Completion> completions,
            List<Inspection> inspections) {
        return new Facts(factories, bookings, completions, inspections);
    }
}
