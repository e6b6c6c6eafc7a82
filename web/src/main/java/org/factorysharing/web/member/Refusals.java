package org.factorysharing.web.member;

import java.util.Optional;
import org.factorysharing.api.shared.BusinessRuleViolation;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The domain's answer inside a failure, however wrapped; and a refused action told on the next page. */
final class Refusals {

    private Refusals() {}

    static <T extends Throwable> Optional<T> find(Throwable failure, Class<T> type) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return Optional.of(type.cast(t));
            }
        }
        return Optional.empty();
    }

    /** The rule in the reader's words on the page redirected to (rule.<code>, else the domain's sentence). */
    static void tell(RedirectAttributes flash, BusinessRuleViolation violation) {
        flash.addFlashAttribute("errorCode", violation.code());
        flash.addFlashAttribute("errorText", violation.rule());
    }

    static void notice(RedirectAttributes flash, String key, Object argument) {
        flash.addFlashAttribute("noticeKey", key);
        flash.addFlashAttribute("noticeArg", argument);
    }
}
