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
    /** Diagnostics key: automatic retries done so far. */
    public static final String AUTOMATIC_RETRIES = "automaticRetries";

    @Override
    public EnqueueDecision<EventMessage<?>> decide(DeadLetter<? extends EventMessage<?>> letter, Throwable cause) {
        boolean transientCause = Failures.isTransient(cause);
        return Decisions.enqueue(cause, previous -> {
            MetaData diagnostics = previous.diagnostics();
            Object retries = diagnostics.get(AUTOMATIC_RETRIES);
            int automaticRetries = retries instanceof Number number ? number.intValue() : -1;
            return diagnostics.and(TRANSIENT, transientCause).and(AUTOMATIC_RETRIES, automaticRetries + 1);
        });
    }

    static boolean isTransient(DeadLetter<?> letter) {
        return Boolean.TRUE.equals(letter.diagnostics().get(TRANSIENT));
    }

    static int automaticRetries(DeadLetter<?> letter) {
        Object retries = letter.diagnostics().get(AUTOMATIC_RETRIES);
        return retries instanceof Number number ? number.intValue() : 0;
    }
}
