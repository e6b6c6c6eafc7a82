package org.factorysharing.server.security;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.factorysharing.web.security.Authorities;
import org.factorysharing.workflows.identity.IdentityStore;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;

/**
 * The one place where a password is checked, for every door: HTTP Basic on /api and /engine-rest, and the form login
 * on /login that signs in to the Camunda webapps (whose own login endpoint is closed, see SecurityConfiguration).
 * Against the one identity store (bcrypt hashes), so the API, engine REST, the pages and the webapps share one user
 * store; group memberships become authorities, read fresh for every request.
 *
 * <p>In order: the {@link LoginThrottle} may refuse the client and user without a check ({@link LoginThrottledException}
 * , a 401 with Retry-After on the API); a credential verified within the last moments ({@link CredentialCache}) is
 * accepted without a bcrypt check; otherwise the identity store checks the password (once for concurrent requests
 * with the same credential), and the throttle learns the outcome.
 */
@Component
class IdentityAuthenticationProvider implements AuthenticationProvider {

    private final IdentityStore identity;
    private final LoginThrottle throttle;
    private final CredentialCache verified;
    private final Counter wrongPasswords;
    private final Counter throttled;

    IdentityAuthenticationProvider(
            IdentityStore identity, LoginThrottle throttle, CredentialCache verified, MeterRegistry metrics) {
        this.identity = identity;
        this.throttle = throttle;
        this.verified = verified;
        this.wrongPasswords = failedLogins(metrics, "wrong-password");
        this.throttled = failedLogins(metrics, "throttled");
    }

    /** Failed logins on this node (fs_logins_failed_total): a wrong password, or refused unchecked by the throttle. */
    private static Counter failedLogins(MeterRegistry metrics, String reason) {
        return Counter.builder("fs.logins.failed")
                .description("logins refused on this node: a wrong password or user, or refused by the login throttle")
                .tag("reason", reason)
                .register(metrics);
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        String user = authentication.getName();
        Object credentials = authentication.getCredentials();
        if (user == null || user.isBlank() || credentials == null) {
            throw new BadCredentialsException("bad credentials");
        }
        String password = credentials.toString();
        String client = remoteAddress(authentication);
        Optional<Duration> refused = throttle.refusal(client, user);
        if (refused.isPresent()) {
            throttled.increment();
            throw new LoginThrottledException(refused.get());
        }
        if (!verified.verify(user, password, () -> identity.checkPassword(user, password))) {
            throttle.failed(client, user);
            wrongPasswords.increment();
            throw new BadCredentialsException("bad credentials");
        }
        throttle.succeeded(client, user);
        List<SimpleGrantedAuthority> authorities = identity.groupsOf(user).stream()
                .map(group -> new SimpleGrantedAuthority(Authorities.of(group)))
                .toList();
        return UsernamePasswordAuthenticationToken.authenticated(user, null, authorities);
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }

    /** The servlet request's remote address, which Basic and form login put into the details. */
    private static String remoteAddress(Authentication authentication) {
        return authentication.getDetails() instanceof WebAuthenticationDetails details
                ? details.getRemoteAddress()
                : null;
    }
}
