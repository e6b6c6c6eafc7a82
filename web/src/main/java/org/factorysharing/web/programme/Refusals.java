package org.factorysharing.web.programme;

import java.util.Optional;
import org.factorysharing.api.shared.BusinessRuleViolation;
import org.factorysharing.api.shared.InvalidField;
import org.factorysharing.api.shared.NotPermitted;

/**
 * The domain's refusal inside whatever wraps it (the engine's exception around a task listener's, the gateway's
 * around a handler's), so that a form can show it beside the field or as a notice instead of an error page.
 */
final class Refusals {

    private Refusals() {}

    static Optional<BusinessRuleViolation> rule(Throwable failure) {
        return find(failure, BusinessRuleViolation.class);
    }

    static Optional<InvalidField> invalid(Throwable failure) {
        return find(failure, InvalidField.class);
    }

    static Optional<NotPermitted> notPermitted(Throwable failure) {
        return find(failure, NotPermitted.class);
    }

    private static <T extends Throwable> Optional<T> find(Throwable failure, Class<T> type) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return Optional.of(type.cast(t));
            }
        }
        return Optional.empty();
    }
}
