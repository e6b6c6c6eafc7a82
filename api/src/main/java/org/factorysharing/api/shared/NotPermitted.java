package org.factorysharing.api.shared;

/**
 * The acting user may not do this: their groups do not allow it, or a rule on who acts refuses them (four-eyes, a
 * member's login acting for another member). Answered 403 with the message, whichever door the user came through.
 */
public class NotPermitted extends RuntimeException {

    public NotPermitted(String message) {
        super(message);
    }
}
