package org.factorysharing.command.factory;

import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.Repository;
import org.factorysharing.api.factory.FactoryEvent.FactoryProposed;
import org.factorysharing.api.factory.FactoryId;
import org.factorysharing.command.shared.KnownAggregates;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;

/**
 * Reads the profile on the Factory aggregate itself, in the asking command's unit of work, so that a
 * commissioning or decommissioning of the same factory on this node waits until that command is done.
 */
@Component
class AggregateFactoryProfiles implements FactoryProfiles {

    private final Repository<Factory> factories;
    private final KnownAggregates known;

    AggregateFactoryProfiles(@Qualifier("factoryRepository") Repository<Factory> factories, KnownAggregates known) {
        this.factories = factories;
        this.known = known;
    }

    @Override
    public FactoryProfile profileOf(FactoryId factoryId) {
        // another aggregate's id (a member's, a wave's) is as unknown as a made-up one
        if (!known.startsWith(factoryId.value(), FactoryProposed.class)) {
            throw new AggregateNotFoundException(factoryId.value(), "no factory " + factoryId);
        }
        return factories.load(factoryId.value()).invoke(Factory::profile);
    }
}
