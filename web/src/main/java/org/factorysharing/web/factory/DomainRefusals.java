package org.factorysharing.web.factory;

import java.util.Optional;
import org.factorysharing.api.shared.BusinessRuleViolation;
import org.factorysharing.api.shared.InvalidField;
import org.springframework.validation.BindingResult;

/**
 * A refusal of the command side shown in the form that sent the command: a broken rule as the form's message
 * ({@code rule.<code>}, else the rule in the domain's words), a refused field next to that field when the form has
 * it. Anything else (not permitted, not found) is left to the error pages.
 */
public final class DomainRefusals {

    private DomainRefusals() {}

    /** The broken rule or refused field the failure carries (possibly wrapped), if any. */
    public static Optional<RuntimeException> of(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof BusinessRuleViolation || t instanceof InvalidField) {
                return Optional.of((RuntimeException) t);
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return Optional.empty();
    }

    /**
     * Puts the refusal into the form's errors; answers false (and puts nothing) when the failure is not a refusal the
     * form can show. {@code fieldOf} maps the domain's field name to the form's, or null when the form has no such
     * field.
     */
    public static boolean show(
            Throwable failure, BindingResult form, java.util.function.UnaryOperator<String> fieldOf) {
        Optional<RuntimeException> refusal = of(failure);
        if (refusal.isEmpty()) {
            return false;
        }
        if (refusal.get() instanceof BusinessRuleViolation violation) {
            form.reject("rule." + violation.code(), violation.rule());
        } else if (refusal.get() instanceof InvalidField invalid) {
            String field = fieldOf.apply(invalid.field());
            if (field != null) {
                form.rejectValue(field, "refused." + invalid.field(), invalid.reason());
            } else {
                form.reject("refused", invalid.getMessage());
            }
        }
        return true;
    }
}
