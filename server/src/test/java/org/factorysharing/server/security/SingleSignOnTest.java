package org.factorysharing.server.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.core.oidc.user.OidcUserAuthority;

/** The issuer's group claim becomes our groups, whatever shape the issuer gives it. */
class SingleSignOnTest {

    private final SingleSignOn sso =
            new SingleSignOn("http://issuer", "", "client", "secret", "", "preferred_username", "groups", "SSO");

    @Test
    void aListOfGroupsBecomesGroupAuthorities() {
        assertThat(names(SingleSignOn.groups(List.of("officers", "/auditors", " factory-f1-staff "))))
                .containsExactly("GROUP_officers", "GROUP_auditors", "GROUP_factory-f1-staff");
    }

    @Test
    void groupsSeparatedBySpacesOrCommasBecomeGroupAuthorities() {
        assertThat(names(SingleSignOn.groups("officers, supervisors admins")))
                .containsExactly("GROUP_officers", "GROUP_supervisors", "GROUP_admins");
    }

    @Test
    void noClaimGrantsNothing() {
        assertThat(SingleSignOn.groups(null)).isEmpty();
        assertThat(SingleSignOn.groups(42)).isEmpty();
    }

    @Test
    void theLoginMapsTheIdTokensGroupsAndNothingElse() {
        OidcIdToken idToken = new OidcIdToken(
                "token",
                Instant.now(),
                Instant.now().plusSeconds(60),
                Map.of("sub", "s-1", "preferred_username", "sso-supervisor", "groups", List.of("supervisors")));
        var mapped = sso.groupsMapper().mapAuthorities(List.of(new OidcUserAuthority(idToken)));
        assertThat(names(mapped)).containsExactly("GROUP_supervisors");
    }

    private static List<String> names(java.util.Collection<? extends GrantedAuthority> authorities) {
        return authorities.stream().map(GrantedAuthority::getAuthority).toList();
    }
}
