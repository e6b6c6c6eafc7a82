package org.factorysharing.server.security;

import java.util.List;
import org.factorysharing.workflows.identity.IdentityStore;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.stereotype.Component;

/**
 * Authenticates against the one identity store (salted, hashed passwords), so the HTTP API, engine REST, the pages
 * and the Camunda webapps share one user store; group memberships become authorities.
 */
@Component
class IdentityAuthenticationProvider implements AuthenticationProvider {

    private final IdentityStore identity;

    IdentityAuthenticationProvider(IdentityStore identity) {
        this.identity = identity;
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        String user = authentication.getName();
        Object credentials = authentication.getCredentials();
        if (user == null
                || user.isBlank()
                || credentials == null
                || !identity.checkPassword(user, credentials.toString())) {
            throw new BadCredentialsException("bad credentials");
        }
        List<SimpleGrantedAuthority> authorities = identity.groupsOf(user).stream()
                .map(group -> new SimpleGrantedAuthority(Authorities.of(group)))
                .toList();
        return UsernamePasswordAuthenticationToken.authenticated(user, null, authorities);
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
