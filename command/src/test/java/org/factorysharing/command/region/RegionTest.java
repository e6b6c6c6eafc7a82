package org.factorysharing.command.region;

import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.instanceOf;

import java.util.List;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.factorysharing.api.region.CommodityPotential;
import org.factorysharing.api.region.RegionCommands.ImportRegion;
import org.factorysharing.api.region.RegionCommands.RemoveCommodityPotential;
import org.factorysharing.api.region.RegionCommands.SetCommodityPotential;
import org.factorysharing.api.region.RegionEvent.CommodityPotentialRemoved;
import org.factorysharing.api.region.RegionEvent.CommodityPotentialSet;
import org.factorysharing.api.region.RegionEvent.RegionImported;
import org.factorysharing.api.region.RegionId;
import org.factorysharing.api.shared.BusinessRuleViolation;
import org.hamcrest.FeatureMatcher;
import org.hamcrest.Matcher;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RegionTest {

    private static final RegionId MINAHASA = RegionId.of("Sulawesi Utara", "Minahasa");
    private static final String SOURCE = "regions-v1.csv (sample data)";
    private static final CommodityPotential COCONUT = new CommodityPotential("COCONUT", 92, "sample: plantation area");
    private static final RegionImported IMPORTED =
            new RegionImported(MINAHASA, "Sulawesi Utara", "Minahasa", List.of(COCONUT), SOURCE);

    private FixtureConfiguration<Region> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Region.class);
    }

    @Test
    void regionIdsAreTheCodesOfProvinceAndRegency() {
        org.junit.jupiter.api.Assertions.assertEquals("SULAWESI_UTARA/MINAHASA", MINAHASA.value());
        org.junit.jupiter.api.Assertions.assertEquals(MINAHASA, RegionId.of(" sulawesi utara", "Minahasa "));
    }

    @Test
    void importingRecordsTheRegionWithItsPotentialsAndItsSource() {
        fixture.givenNoPriorActivity()
                .when(new ImportRegion(
                        MINAHASA,
                        " Sulawesi Utara",
                        "Minahasa",
                        List.of(new CommodityPotential("coconut", 92, " sample: plantation area ")),
                        SOURCE))
                .expectEvents(IMPORTED);
    }

    @Test
    void anImportMustNameItsRegionByItsCodes() {
        fixture.givenNoPriorActivity()
                .when(new ImportRegion(new RegionId("MINAHASA"), "Sulawesi Utara", "Minahasa", List.of(), SOURCE))
                .expectException(IllegalArgumentException.class)
                .expectNoEvents();
    }

    @Test
    void anImportCannotListACommodityTwice() {
        fixture.givenNoPriorActivity()
                .when(new ImportRegion(
                        MINAHASA,
                        "Sulawesi Utara",
                        "Minahasa",
                        List.of(COCONUT, new CommodityPotential("Coconut", 50, "other")),
                        SOURCE))
                .expectException(IllegalArgumentException.class)
                .expectNoEvents();
    }

    @Test
    void anOfficerSetsAPotentialWithItsCommodityNormalised() {
        fixture.given(IMPORTED)
                .when(new SetCommodityPotential(MINAHASA, "Coconut sugar", 70, "BPS 2023 estate crops", "officer-1"))
                .expectEvents(
                        new CommodityPotentialSet(MINAHASA, "COCONUT_SUGAR", 70, "BPS 2023 estate crops", "officer-1"));
    }

    @Test
    void changingAPotentialRecordsTheNewFigure() {
        fixture.given(IMPORTED)
                .when(new SetCommodityPotential(MINAHASA, "coconut", 88, "revised survey", "officer-1"))
                .expectEvents(new CommodityPotentialSet(MINAHASA, "COCONUT", 88, "revised survey", "officer-1"));
    }

    @Test
    void settingTheSameFigureAgainChangesNothing() {
        fixture.given(IMPORTED)
                .when(new SetCommodityPotential(MINAHASA, "Coconut", 92, "sample: plantation area", "officer-2"))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @ParameterizedTest
    @ValueSource(ints = {-1, 101})
    void aScoreIsBetweenZeroAndOneHundred(int score) {
        fixture.given(IMPORTED)
                .when(new SetCommodityPotential(MINAHASA, "coffee", score, "survey", "officer-1"))
                .expectException(IllegalArgumentException.class)
                .expectNoEvents();
    }

    @Test
    void aPotentialNeedsItsSource() {
        fixture.given(IMPORTED)
                .when(new SetCommodityPotential(MINAHASA, "coffee", 40, " ", "officer-1"))
                .expectException(IllegalArgumentException.class)
                .expectNoEvents();
    }

    @Test
    void aPotentialIsRemovedWithAReason() {
        fixture.given(IMPORTED)
                .when(new RemoveCommodityPotential(MINAHASA, "coconut", "plantations converted", "officer-1"))
                .expectEvents(new CommodityPotentialRemoved(MINAHASA, "COCONUT", "plantations converted", "officer-1"));
    }

    @Test
    void cannotRemoveAPotentialTheRegionDoesNotHave() {
        fixture.given(IMPORTED)
                .when(new RemoveCommodityPotential(MINAHASA, "coffee", "no longer grown", "officer-1"))
                .expectException(rule("region.no-potential"))
                .expectNoEvents();
    }

    @Test
    void aRemovedPotentialCanBeSetAgain() {
        fixture.given(IMPORTED, new CommodityPotentialRemoved(MINAHASA, "COCONUT", "converted", "officer-1"))
                .when(new SetCommodityPotential(MINAHASA, "coconut", 92, "sample: plantation area", "officer-1"))
                .expectEvents(
                        new CommodityPotentialSet(MINAHASA, "COCONUT", 92, "sample: plantation area", "officer-1"));
    }

    private static Matcher<Object> rule(String code) {
        return allOf(
                instanceOf(BusinessRuleViolation.class),
                new FeatureMatcher<Object, String>(equalTo(code), "rule code", "code") {
                    @Override
                    protected String featureValueOf(Object actual) {
                        return ((BusinessRuleViolation) actual).code();
                    }
                });
    }
}
