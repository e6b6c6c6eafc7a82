package org.factorysharing.command.factory;

import org.axonframework.common.caching.Cache;
import org.axonframework.eventsourcing.EventCountSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.SnapshotTriggerDefinition;
import org.axonframework.eventsourcing.Snapshotter;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * A factory carries a year of bookings (10,000+ events): it is kept in memory between commands and snapshotted, so
 * a booking neither replays its history nor deserialises a large snapshot each time. A miss (a factory not used
 * lately, or another node wrote last) reloads from snapshot + events.
 */
@Configuration(proxyBeanMethods = false)
class FactoryConfiguration {

    @Bean
    Cache factoryCache(@Value("${fs.factory.cached:1000}") int cachedFactories) {
        return new BoundedCache(cachedFactories);
    }

    @Bean
    SnapshotTriggerDefinition factorySnapshotTrigger(
            Snapshotter snapshotter, @Value("${fs.factory.snapshot-every:1000}") int threshold) {
        return new EventCountSnapshotTriggerDefinition(snapshotter, threshold);
    }

    /** Axon's InterceptorAutoConfiguration registers handler-interceptor beans on the command bus. */
    @Bean
    CachedAggregateGuard cachedAggregateGuard(@Qualifier("factoryCache") Cache factoryCache) {
        return new CachedAggregateGuard(factoryCache);
    }
}
