package org.factorysharing.command.programme;

import static org.factorysharing.command.shared.Require.violation;

import java.util.Optional;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.modelling.command.Aggregate;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.Repository;
import org.factorysharing.api.factory.FactoryStatus;
import org.factorysharing.api.programme.WaveCommands.EnrolFactory;
import org.factorysharing.api.programme.WaveEvent.WavePlanned;
import org.factorysharing.api.programme.WaveId;
import org.factorysharing.api.region.CommodityPotential;
import org.factorysharing.command.factory.FactoryProfiles;
import org.factorysharing.command.factory.FactoryProfiles.FactoryProfile;
import org.factorysharing.command.region.RegionPotentials;
import org.factorysharing.command.shared.KnownAggregates;
import org.factorysharing.command.shared.Require;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;

/**
 * Enrols a factory in a wave: reads the factory and its region's potential on their aggregates, claims the
 * factory for the wave, then records the enrolment, so the claim and the events commit or fail together.
 */
@Component
class WaveEnrolments {

    private final Repository<Wave> waves;
    private final FactoryProfiles factories;
    private final RegionPotentials regions;
    private final WaveClaims claims;
    private final KnownAggregates known;

    WaveEnrolments(
            @Qualifier("waveRepository") Repository<Wave> waves,
            FactoryProfiles factories,
            RegionPotentials regions,
            WaveClaims claims,
            KnownAggregates known) {
        this.waves = waves;
        this.factories = factories;
        this.regions = regions;
        this.claims = claims;
        this.known = known;
    }

    @CommandHandler
    public void handle(EnrolFactory cmd) {
        Require.that(cmd.factoryId() != null, "factoryId is required");
        String enrolledBy = Require.text(cmd.enrolledBy(), "enrolledBy");
        WaveId waveId = cmd.waveId();
        if (!known.startsWith(waveId.value(), WavePlanned.class)) {
            throw new AggregateNotFoundException(waveId.value(), "no wave " + waveId);
        }
        Aggregate<Wave> wave = waves.load(waveId.value());
        if (wave.invoke(w -> w.hasEnrolled(cmd.factoryId()))) {
            return; // the same enrolment again: nothing new
        }
        wave.execute(w -> w.requireOpenForEnrolment(cmd.bySupervisor()));
        FactoryProfile factory = factories.profileOf(cmd.factoryId());
        if (factory.status() == FactoryStatus.DECOMMISSIONED) {
            throw violation("wave.factory-decommissioned", "a decommissioned factory joins no wave");
        }
        Optional<CommodityPotential> potential = regions.potentialOf(factory.regionId(), factory.commodityCode());
        if (potential.isEmpty()) {
            throw violation(
                    "wave.no-potential",
                    "region " + factory.regionId() + " has no potential recorded for " + factory.commodityCode()
                            + "; record it before the factory joins a wave");
        }
        WaveId holder = claims.claim(cmd.factoryId(), waveId);
        if (!holder.equals(waveId)) {
            throw violation(
                    "wave.factory-already-enrolled",
                    "factory " + cmd.factoryId() + " is already enrolled in wave " + holder
                            + "; a factory belongs to one wave");
        }
        wave.execute(w -> w.enrol(
                cmd.factoryId(),
                factory.regionId(),
                factory.commodityCode(),
                potential.get(),
                factory.status() == FactoryStatus.COMMISSIONED,
                enrolledBy,
                cmd.bySupervisor(),
                Require.now()));
    }
}
