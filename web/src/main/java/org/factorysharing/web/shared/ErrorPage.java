package org.factorysharing.web.shared;

import org.springframework.http.HttpStatus;
import org.springframework.web.servlet.ModelAndView;

/** The error page: a title by status, the detail (already in the reader's words) and the rule's code if any. */
public final class ErrorPage {

    private ErrorPage() {}

    public static ModelAndView of(HttpStatus status) {
        return of(status, null, null);
    }

    public static ModelAndView of(HttpStatus status, String detail, String rule) {
        ModelAndView page = new ModelAndView("error");
        page.setStatus(status);
        page.addObject("status", status.value());
        page.addObject("errorTitle", title(status));
        page.addObject("detail", detail);
        page.addObject("rule", rule);
        return page;
    }

    private static String title(HttpStatus status) {
        return switch (status) {
            case NOT_FOUND -> "error.not-found";
            case FORBIDDEN -> "error.forbidden";
            case UNAUTHORIZED -> "error.unauthorized";
            case BAD_REQUEST -> "error.invalid";
            case CONFLICT, UNPROCESSABLE_ENTITY -> "error.rule";
            case PAYLOAD_TOO_LARGE -> "error.too-large";
            case METHOD_NOT_ALLOWED -> "error.method";
            default -> "error.generic";
        };
    }
}
