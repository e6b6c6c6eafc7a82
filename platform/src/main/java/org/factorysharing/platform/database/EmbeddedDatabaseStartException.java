package org.factorysharing.platform.database;

/**
 * The embedded PostgreSQL cannot start, for a reason the operator can fix: what was found (one line) and
 * what to do (one line). {@link EmbeddedDatabaseFailureAnalyzer} shows both instead of a stack trace.
 */
public class EmbeddedDatabaseStartException extends RuntimeException {

    private final String description;
    private final String action;

    EmbeddedDatabaseStartException(String description, String action) {
        this(description, action, null);
    }

    EmbeddedDatabaseStartException(String description, String action, Throwable cause) {
        super(description + " " + action, cause);
        this.description = description;
        this.action = action;
    }

    /** What was found, e.g. "Embedded PostgreSQL: data directory /srv/data is in use by ...". */
    public String description() {
        return description;
    }

    /** What the operator can do about it. */
    public String action() {
        return action;
    }
}
