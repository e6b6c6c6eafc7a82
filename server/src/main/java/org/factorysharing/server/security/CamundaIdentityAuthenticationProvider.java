package org.factorysharing.server.security;

import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.stereotype.Component;

/**
 * Authenticates against Camunda's identity service (salted, hashed passwords in ACT_ID_USER), so the
 * HTTP API, engine REST and the webapps share one user store; group memberships become authorities.
 */
@Component
class CamundaIdentityAuthenticationProvider implements AuthenticationProvider {

    private final IdentityService identity;

    CamundaIdentityAuthenticationProvider(IdentityService identity) {
        this.identity = identity;
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        String user = authentication.getName();
        Object credentials = authentication.getCredentials();
        if (user == null || user.isBlank() || credentials == null
                || !identity.checkPassword(user, credentials.toString())) {
            throw new BadCredentialsException("bad credentials");
        }
        List<SimpleGrantedAuthority> authorities = groupsOf(user).stream()
                .map(group -> new SimpleGrantedAuthority(Groups.authority(group)))
                .toList();
        return UsernamePasswordAuthenticationToken.authenticated(user, null, authorities);
    }

    List<String> groupsOf(String user) {
        return identity.createGroupQuery().groupMember(user).list().stream().map(Group::getId).toList();
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
