package org.factorysharing.platform.database;

/** Which PostgreSQL this node uses: the embedded default or an external one. */
public record DatabaseMode(boolean embedded, String jdbcUrl) {}
