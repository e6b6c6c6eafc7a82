package org.factorysharing.server.security;

import java.time.Duration;
import org.springframework.security.authentication.BadCredentialsException;

/**
 * A login refused by the {@link LoginThrottle} without its password being checked: to the client it is a failed login
 * like any other (401, or the login form's error), with a Retry-After header on the API.
 */
public final class LoginThrottledException extends BadCredentialsException {

    private final transient Duration retryAfter;

    public LoginThrottledException(Duration retryAfter) {
        super("bad credentials");
        this.retryAfter = retryAfter;
    }

    public Duration retryAfter() {
        return retryAfter;
    }

    /** Whole seconds, rounded up, at least 1: the value of a Retry-After header. */
    public long retryAfterSeconds() {
        return Math.max(1, (retryAfter.toMillis() + 999) / 1000);
    }
}
