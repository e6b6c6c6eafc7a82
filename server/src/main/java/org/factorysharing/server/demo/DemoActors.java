package org.factorysharing.server.demo;

import java.util.List;
import java.util.function.Supplier;
import org.factorysharing.web.security.Authorities;
import org.factorysharing.workflows.identity.IdentityStore;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * Lets the demo data act as one of the demo users, as if they had signed in: the same authentication the login
 * builds (their groups read fresh from the identity store, so a user made factory staff a moment ago acts as such),
 * so every command carries that user and groups in its metadata and the command side, the task rules and the
 * audit log see them as for a request.
 */
@Component
class DemoActors {

    private final IdentityStore identity;

    DemoActors(IdentityStore identity) {
        this.identity = identity;
    }

    boolean exists(String user) {
        return !identity.groupsOf(user).isEmpty();
    }

    /** The user's groups as they are now. */
    List<String> groupsOf(String user) {
        return identity.groupsOf(user);
    }

    <T> T as(String user, Supplier<T> action) {
        List<SimpleGrantedAuthority> authorities = identity.groupsOf(user).stream()
                .map(group -> new SimpleGrantedAuthority(Authorities.of(group)))
                .toList();
        Authentication signedIn = UsernamePasswordAuthenticationToken.authenticated(user, null, authorities);
        SecurityContext previous = SecurityContextHolder.getContext();
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(signedIn);
        SecurityContextHolder.setContext(context);
        try {
            return action.get();
        } finally {
            SecurityContextHolder.setContext(previous);
        }
    }

    void run(String user, Runnable action) {
        as(user, () -> {
            action.run();
            return null;
        });
    }
}
