package org.factorysharing.server.security;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.factorysharing.web.security.Authorities;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.convert.converter.Converter;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.authority.mapping.GrantedAuthoritiesMapper;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.ClientRegistrations;
import org.springframework.security.oauth2.client.registration.InMemoryClientRegistrationRepository;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.oidc.user.OidcUserAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;

/**
 * Optional single sign-on through an OpenID Connect issuer, beside the built-in identity store (which stays the
 * default; every existing login keeps working):
 *
 * <ul>
 * <li>the API takes bearer tokens (JWT) signed with a key of {@code fs.security.oidc.jwk-set-uri} (or the issuer's
 * own JWKS), checking issuer and audience when they are set;
 * <li>the pages and the Camunda webapps offer "sign in with the issuer" (authorization code flow) when
 * {@code fs.security.oidc.issuer-uri} and {@code client-id} are set;
 * <li>the user is the claim {@code fs.security.oidc.user-claim} (default {@code preferred_username}), the groups the
 * claim {@code fs.security.oidc.groups-claim} (default {@code groups}; a list, or names separated by spaces or commas;
 * a leading "/" of a group path is dropped): they become our groups, as a built-in user's memberships do.
 * </ul>
 */
@Component
class SingleSignOn {

    static final String REGISTRATION = "sso";

    private final String issuerUri;
    private final String jwkSetUri;
    private final String clientId;
    private final String clientSecret;
    private final String audience;
    private final String userClaim;
    private final String groupsClaim;
    private final String name;
    private ClientRegistrationRepository clients;

    SingleSignOn(
            @Value("${fs.security.oidc.issuer-uri:}") String issuerUri,
            @Value("${fs.security.oidc.jwk-set-uri:}") String jwkSetUri,
            @Value("${fs.security.oidc.client-id:}") String clientId,
            @Value("${fs.security.oidc.client-secret:}") String clientSecret,
            @Value("${fs.security.oidc.audience:}") String audience,
            @Value("${fs.security.oidc.user-claim:preferred_username}") String userClaim,
            @Value("${fs.security.oidc.groups-claim:groups}") String groupsClaim,
            @Value("${fs.security.oidc.name:Single sign-on}") String name) {
        this.issuerUri = issuerUri.strip();
        this.jwkSetUri = jwkSetUri.strip();
        this.clientId = clientId.strip();
        this.clientSecret = clientSecret;
        this.audience = audience.strip();
        this.userClaim = userClaim.strip();
        this.groupsClaim = groupsClaim.strip();
        this.name = name;
    }

    /** Bearer tokens on the API: when a JWKS or an issuer is configured. */
    boolean bearerTokens() {
        return StringUtils.hasText(jwkSetUri) || StringUtils.hasText(issuerUri);
    }

    /** The login through the issuer: when the issuer and a client are configured. */
    boolean login() {
        return StringUtils.hasText(issuerUri) && StringUtils.hasText(clientId);
    }

    String name() {
        return name;
    }

    /** Adds bearer-token authentication to the API chain (HTTP Basic stays). */
    void resourceServer(HttpSecurity http, AuthenticationEntryPoint entryPoint) throws Exception {
        if (!bearerTokens()) {
            return;
        }
        NimbusJwtDecoder decoder = StringUtils.hasText(jwkSetUri)
                ? NimbusJwtDecoder.withJwkSetUri(jwkSetUri).build()
                : NimbusJwtDecoder.withIssuerLocation(issuerUri).build();
        List<OAuth2TokenValidator<Jwt>> validators = new ArrayList<>();
        validators.add(
                StringUtils.hasText(issuerUri)
                        ? JwtValidators.createDefaultWithIssuer(issuerUri)
                        : JwtValidators.createDefault());
        if (StringUtils.hasText(audience)) {
            validators.add(new JwtClaimValidator<List<String>>("aud", aud -> aud != null && aud.contains(audience)));
        }
        decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(validators));
        JwtAuthenticationConverter converter = new JwtAuthenticationConverter();
        converter.setPrincipalClaimName(userClaim);
        converter.setJwtGrantedAuthoritiesConverter(
                (Converter<Jwt, Collection<GrantedAuthority>>) jwt -> groups(jwt.getClaim(groupsClaim)));
        http.oauth2ResourceServer(
                server -> server.jwt(jwt -> jwt.decoder(decoder).jwtAuthenticationConverter(converter))
                        .authenticationEntryPoint(entryPoint));
    }

    /** Adds "sign in with the issuer" to the pages' chain (the form login stays). */
    void login(HttpSecurity http) throws Exception {
        if (!login()) {
            return;
        }
        http.oauth2Login(login -> login.loginPage("/login")
                .clientRegistrationRepository(clients())
                .defaultSuccessUrl("/", false)
                .failureUrl("/login?error")
                .userInfoEndpoint(user -> user.userAuthoritiesMapper(groupsMapper())));
    }

    private synchronized ClientRegistrationRepository clients() {
        if (clients == null) {
            ClientRegistration registration = ClientRegistrations.fromIssuerLocation(issuerUri)
                    .registrationId(REGISTRATION)
                    .clientId(clientId)
                    .clientSecret(clientSecret)
                    .scope("openid", "profile", "email")
                    .userNameAttributeName(userClaim)
                    .clientName(name)
                    .build();
            clients = new InMemoryClientRegistrationRepository(registration);
        }
        return clients;
    }

    /** The groups of the ID token's claims, as authorities (GROUP_officers, ...); nothing else is granted. */
    GrantedAuthoritiesMapper groupsMapper() {
        return authorities -> {
            Set<GrantedAuthority> mapped = new LinkedHashSet<>();
            for (GrantedAuthority authority : authorities) {
                if (authority instanceof OidcUserAuthority oidc) {
                    Object claim = oidc.getIdToken().getClaim(groupsClaim);
                    if (claim == null && oidc.getUserInfo() != null) {
                        claim = oidc.getUserInfo().getClaim(groupsClaim);
                    }
                    mapped.addAll(groups(claim));
                }
            }
            return mapped;
        };
    }

    static List<GrantedAuthority> groups(Object claim) {
        List<String> names = new ArrayList<>();
        if (claim instanceof Collection<?> list) {
            list.forEach(item -> names.add(String.valueOf(item)));
        } else if (claim instanceof String text) {
            names.addAll(List.of(text.split("[\\s,]+")));
        }
        List<GrantedAuthority> authorities = new ArrayList<>();
        for (String group : names) {
            String clean = group.strip();
            if (clean.startsWith("/")) {
                clean = clean.substring(1);
            }
            if (!clean.isEmpty()) {
                authorities.add(new SimpleGrantedAuthority(Authorities.of(clean)));
            }
        }
        return authorities;
    }
}
