package org.factorysharing.command.factory;

import org.factorysharing.api.factory.FactoryId;
import org.factorysharing.api.factory.FactoryStatus;
import org.factorysharing.api.region.RegionId;

/** What other command-side features may know of a factory: its status, region and commodity. */
@FunctionalInterface
public interface FactoryProfiles {

    /** The factory as it stands; unknown factories throw AggregateNotFoundException. */
    FactoryProfile profileOf(FactoryId factoryId);

    /** A factory's status, its region and its commodity code. */
    record FactoryProfile(FactoryId factoryId, FactoryStatus status, RegionId regionId, String commodityCode) {}
}
