package org.factorysharing.server.factory;

import static org.factorysharing.web.security.Authorities.READERS;
import static org.factorysharing.web.security.Authorities.STAFF;
import static org.factorysharing.web.security.Authorities.anyOfOrFactoryStaff;
import static org.factorysharing.web.security.Authorities.anyOfOrStaffOfThatFactory;
import static org.factorysharing.web.security.Authorities.of;

import org.factorysharing.api.shared.Groups;
import org.factorysharing.server.security.AccessPolicy;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;

/**
 * Who may use the factory API: readers and any factory staff read; officers propose and manage; a factory's machines
 * are operated by officers, admins and that factory's own staff (the Factory aggregate checks the same on every
 * machine command, whichever door it came through); staff are named by officers and admins.
 */
@Component
class FactoryPolicy implements AccessPolicy {

    @Override
    public void authorize(
            AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry rules) {
        rules.requestMatchers(HttpMethod.POST, "/api/factories")
                .hasAnyAuthority(of(STAFF))
                .requestMatchers("/api/factories/*/staff", "/api/factories/*/staff/**")
                .hasAnyAuthority(of(Groups.OFFICERS, Groups.ADMINS))
                .requestMatchers(HttpMethod.GET, "/api/factories", "/api/factories/**")
                .access(anyOfOrFactoryStaff(READERS))
                .requestMatchers(HttpMethod.POST, "/api/factories/{factoryId}/machines")
                .access(anyOfOrStaffOfThatFactory(Groups.OFFICERS, Groups.ADMINS))
                .requestMatchers("/api/factories/{factoryId}/machines/*/maintenance")
                .access(anyOfOrStaffOfThatFactory(Groups.OFFICERS, Groups.ADMINS))
                .requestMatchers(
                        HttpMethod.POST,
                        "/api/factories/*/suspension",
                        "/api/factories/*/resumption",
                        "/api/factories/*/decommissioning")
                .hasAnyAuthority(of(STAFF));
    }
}
