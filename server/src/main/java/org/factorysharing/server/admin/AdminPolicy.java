package org.factorysharing.server.admin;

import org.factorysharing.api.shared.Groups;
import org.factorysharing.server.security.AccessPolicy;
import org.factorysharing.web.security.Authorities;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;

/** Projections and dead letters are administration: admins only. */
@Component
class AdminPolicy implements AccessPolicy {

    @Override
    public void authorize(
            AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry rules) {
        rules.requestMatchers("/api/admin/**").hasAuthority(Authorities.of(Groups.ADMINS));
    }
}
