package org.factorysharing.platform.axon;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.deadletter.DeadLetter;
import org.axonframework.messaging.deadletter.Decisions;
import org.axonframework.messaging.deadletter.EnqueueDecision;
import org.axonframework.messaging.deadletter.EnqueuePolicy;

/**
 * Every failing event is parked, with diagnostics: whether the cause was transient (then the node retries it by
 * itself, a few times, before it is left for an admin) and how many automatic retries it has had.
 */
public final class DeadLetterDiagnostics implements EnqueuePolicy<EventMessage<?>> {

    /** Diagnostics key: the cause is transient, so the node retries the letter by itself. */
    public static final String TRANSIENT = "transient";
    /** Diagnostics key: failed retries so far (the node's and admins'); the node's own retries stop at a limit. */
    public static final String AUTOMATIC_RETRIES = "automaticRetries";

    @Override
    public EnqueueDecision<EventMessage<?>> decide(DeadLetter<? extends EventMessage<?>> letter, Throwable cause) {
        return Decisions.enqueue(cause, previous -> afterFailedRetry(previous.diagnostics(), cause));
    }

    /**
     * The diagnostics after a letter was parked or failed again: whether this cause is transient, and one more retry.
     * An admin's failed retry counts too, so a letter an admin has retried by hand is not retried as often again.
     */
    static MetaData afterFailedRetry(MetaData diagnostics, Throwable cause) {
        Object retries = diagnostics.get(AUTOMATIC_RETRIES);
        // the first parking counts -1 + 1 = 0 retries
        int failedRetries = retries instanceof Number number ? number.intValue() : -1;
        return diagnostics.and(TRANSIENT, Failures.isTransient(cause)).and(AUTOMATIC_RETRIES, failedRetries + 1);
    }

    static boolean isTransient(DeadLetter<?> letter) {
        return Boolean.TRUE.equals(letter.diagnostics().get(TRANSIENT));
    }

    static int automaticRetries(DeadLetter<?> letter) {
        Object retries = letter.diagnostics().get(AUTOMATIC_RETRIES);
        return retries instanceof Number number ? number.intValue() : 0;
    }
}
