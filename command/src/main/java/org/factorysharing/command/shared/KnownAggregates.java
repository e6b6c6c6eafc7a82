package org.factorysharing.command.shared;

/** Whether an aggregate exists and is of the expected kind, without loading (or locking) it. */
@FunctionalInterface
public interface KnownAggregates {

    /** True when the aggregate's stream starts with an event of {@code creationEvent}'s type. */
    boolean startsWith(String aggregateId, Class<?> creationEvent);
}
