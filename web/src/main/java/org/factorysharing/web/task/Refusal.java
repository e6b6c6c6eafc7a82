package org.factorysharing.web.task;

import org.factorysharing.api.shared.BusinessRuleViolation;
import org.factorysharing.api.shared.InvalidField;
import org.factorysharing.api.shared.NotPermitted;
import org.springframework.http.HttpStatus;

/**
 * The task rules' answer to a claim or a completion they refuse, found in the failure's causes (the command side's
 * exceptions may arrive wrapped): shown in the task page with the status the API answers (403, 409, 400).
 * {@code text} is in the reader's words when the bundles know the rule's code, else the rule's own sentence;
 * {@code field} names the form field an invalid value was given for.
 */
record Refusal(HttpStatus status, String text, String detail, String field) {

    /** The refusal among the causes, or null when the failure is something else (which then propagates). */
    static Refusal of(Throwable failure, TaskTexts texts) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof NotPermitted refused) {
                return new Refusal(
                        HttpStatus.FORBIDDEN, texts.message("task.refused.forbidden"), refused.getMessage(), null);
            }
            if (t instanceof InvalidField invalid) {
                return new Refusal(
                        HttpStatus.BAD_REQUEST,
                        texts.message("task.refused.invalid", invalid.field()),
                        invalid.reason(),
                        invalid.field());
            }
            if (t instanceof BusinessRuleViolation violation) {
                return new Refusal(
                        HttpStatus.CONFLICT,
                        texts.text("rule." + violation.code(), texts.message("task.refused.rule")),
                        violation.rule(),
                        null);
            }
        }
        return null;
    }
}
