package org.factorysharing.server.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.factorysharing.api.shared.Codes;
import org.factorysharing.platform.database.DatabaseMode;
import org.factorysharing.server.demo.DemoStory.Business;
import org.factorysharing.server.demo.DemoStory.Job;
import org.factorysharing.server.demo.DemoStory.Site;
import org.junit.jupiter.api.Test;

/**
 * The story holds together before it meets the server: every factory stands in a region with a potential for its
 * commodity in the shipped reference list (else enrolment answers wave.no-potential), every job is booked by a
 * verified member qualified on the factory's machine type, the pilot's own figures meet its thresholds; and the
 * switch is on by default with the embedded database only.
 */
class DemoStoryTest {

    @Test
    void everyFactoryStandsInARegionWithAPotentialForItsCommodity() throws IOException {
        Set<String> potentials = referenceRegions();
        assertThat(Stream.concat(DemoStory.PILOT.stream(), DemoStory.WAVE_2023.stream())
                        .map(DemoStoryTest::regionCommodity)
                        .toList())
                .hasSize(11)
                .doesNotHaveDuplicates()
                .allMatch(potentials::contains, "in regions-v1.csv");
        assertThat(DemoStory.PILOT).hasSize(5);
        assertThat(DemoStory.WAVE_2023).hasSize(DemoStory.NEXT_WAVE_TARGET);
    }

    @Test
    void everyJobIsBookedByAVerifiedMemberQualifiedOnTheFactorysMachines() {
        for (Job job : DemoStory.JOBS) {
            Business member = DemoStory.member(job.member());
            Site site = DemoStory.site(job.site());
            assertThat(member.verified()).as(job.product()).isTrue();
            assertThat(member.qualifiedOn()).as(job.product()).isEqualTo(site.machineType());
            assertThat(DemoStory.PILOT).as("booked at a commissioned factory").contains(site);
            assertThat(job.goodUnits() + job.rejectedUnits() <= job.quantity()).isTrue();
        }
    }

    @Test
    void thePilotsOwnFiguresMeetItsThresholds() {
        List<Job> completed = DemoStory.JOBS.stream().filter(Job::completed).toList();
        long reworked =
                completed.stream().filter(job -> job.reworkNotes() != null).count();
        var thresholds = DemoStory.PILOT_THRESHOLDS;
        assertThat(completed.size()).isGreaterThanOrEqualTo(thresholds.minJobsCompleted());
        assertThat(completed.stream().map(Job::member).distinct().count())
                .isGreaterThanOrEqualTo(thresholds.minMembersServed());
        assertThat(completed.stream().mapToLong(Job::goodUnits).sum())
                .isGreaterThanOrEqualTo(thresholds.minOutputUnits());
        assertThat((double) completed.size() / (completed.size() + reworked))
                .isGreaterThanOrEqualTo(thresholds.minQualityPassRate());
    }

    @Test
    void onByDefaultWithTheEmbeddedDatabaseOnlyAndForcedEitherWay() {
        assertThat(loader(true, "").enabled()).isTrue();
        assertThat(loader(false, "").enabled()).isFalse();
        assertThat(loader(false, "true").enabled()).isTrue();
        assertThat(loader(true, "false").enabled()).isFalse();
        assertThat(loader(true, " false ").enabled()).isFalse();
    }

    private static DemoDataLoader loader(boolean embedded, String enabled) {
        return new DemoDataLoader(
                null, null, null, new DatabaseMode(embedded, "jdbc:postgresql://db/fs"), null, enabled, Duration.ZERO);
    }

    private static String regionCommodity(Site site) {
        return Codes.of(site.province()) + "/" + Codes.of(site.regency()) + ":" + Codes.of(site.commodity());
    }

    /** province/regency:commodity codes of the shipped sample regions. */
    private static Set<String> referenceRegions() throws IOException {
        try (InputStream in = DemoStoryTest.class.getResourceAsStream("/reference/regions-v1.csv")) {
            assertThat(in).as("regions-v1.csv on the class path").isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8)
                    .lines()
                    .filter(line -> !line.startsWith("#") && !line.startsWith("province,") && !line.isBlank())
                    .map(line -> line.split(","))
                    .map(f -> Codes.of(f[0]) + "/" + Codes.of(f[1]) + ":" + Codes.of(f[2]))
                    .collect(Collectors.toSet());
        }
    }
}
