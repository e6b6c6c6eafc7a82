package org.factorysharing.command.shared;

/** Whether an aggregate with this id has any events, without loading (or locking) it. */
@FunctionalInterface
public interface KnownAggregates {

    boolean exists(String aggregateId);
}
