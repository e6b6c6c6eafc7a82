package org.factorysharing.platform.axon;

import java.sql.SQLException;
import java.util.Set;
import org.axonframework.eventhandling.tokenstore.UnableToClaimTokenException;
import org.axonframework.messaging.timeout.AxonTimeoutException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.transaction.CannotCreateTransactionException;

/** Sorts failures of event handling: a transient one goes away by itself, any other is the event's own. */
public final class Failures {

    /** SQLState classes of failures that say nothing about the event: connection, rollback, resources, operator. */
    private static final Set<String> TRANSIENT_SQL_CLASSES = Set.of("08", "40", "53", "57", "58");

    private Failures() {}

    /**
     * A lost connection, a deadlock or serialisation failure, an exhausted resource, a claim another node holds, or a
     * handler that ran out of time on a busy machine: worth trying again without anyone's hand.
     */
    public static boolean isTransient(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof UnableToClaimTokenException
                    || t instanceof TransientDataAccessException
                    || t instanceof CannotCreateTransactionException
                    || t instanceof AxonTimeoutException
                    || t instanceof InterruptedException) {
                return true;
            }
            if (t instanceof SQLException sql
                    && sql.getSQLState() != null
                    && sql.getSQLState().length() >= 2
                    && TRANSIENT_SQL_CLASSES.contains(sql.getSQLState().substring(0, 2))) {
                return true;
            }
        }
        return false;
    }

    /** The innermost cause as "Type: message", which is what an admin needs to see. */
    public static String rootCause(Throwable error) {
        Throwable root = error;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }
}
