package org.factorysharing.web.shared;

import org.axonframework.modelling.command.AggregateNotFoundException;
import org.factorysharing.api.shared.BusinessRuleViolation;
import org.factorysharing.api.shared.InvalidField;
import org.factorysharing.api.shared.NotFound;
import org.factorysharing.api.shared.NotPermitted;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;

/**
 * What a page shows when the domain refuses: an unknown or hidden record is a 404 page, a refused action a 403
 * page, a broken rule a 409 page with the rule in words; a form's own field errors are shown in the form itself by
 * its controller. Only for page controllers (the API answers problem+json).
 */
@ControllerAdvice(basePackages = "org.factorysharing.web")
class PageErrors {

    @ExceptionHandler({NotFound.class, AggregateNotFoundException.class})
    ModelAndView notFound() {
        return ErrorPage.of(HttpStatus.NOT_FOUND);
    }

    @ExceptionHandler(NotPermitted.class)
    ModelAndView notPermitted(NotPermitted refused) {
        return ErrorPage.of(HttpStatus.FORBIDDEN, refused.getMessage(), null);
    }

    @ExceptionHandler(InvalidField.class)
    ModelAndView invalid(InvalidField invalid) {
        return ErrorPage.of(HttpStatus.BAD_REQUEST, invalid.getMessage(), null);
    }

    @ExceptionHandler(BusinessRuleViolation.class)
    ModelAndView rule(BusinessRuleViolation violation) {
        return ErrorPage.of(HttpStatus.CONFLICT, violation.rule(), violation.code());
    }

    /** The domain's answer can arrive wrapped (a query's CompletionException, a command's execution exception). */
    @ExceptionHandler(Exception.class)
    ModelAndView wrapped(Exception failure) throws Exception {
        for (Throwable t = failure.getCause(); t != null; t = t.getCause()) {
            if (t instanceof NotFound || t instanceof AggregateNotFoundException) {
                return notFound();
            }
            if (t instanceof NotPermitted refused) {
                return notPermitted(refused);
            }
            if (t instanceof InvalidField invalid) {
                return invalid(invalid);
            }
            if (t instanceof BusinessRuleViolation violation) {
                return rule(violation);
            }
        }
        throw failure;
    }
}
