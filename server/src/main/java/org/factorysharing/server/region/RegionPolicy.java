package org.factorysharing.server.region;

import static org.factorysharing.web.security.Authorities.READERS;
import static org.factorysharing.web.security.Authorities.anyOfOrFactoryStaff;
import static org.factorysharing.web.security.Authorities.of;

import org.factorysharing.api.shared.Groups;
import org.factorysharing.server.security.AccessPolicy;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;

/** Who may use the regions API: readers and factory staff read, officers and admins maintain the potentials. */
@Component
class RegionPolicy implements AccessPolicy {

    @Override
    public void authorize(
            AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry rules) {
        rules.requestMatchers(HttpMethod.GET, "/api/regions", "/api/regions/**")
                .access(anyOfOrFactoryStaff(READERS))
                .requestMatchers("/api/regions/**")
                .hasAnyAuthority(of(Groups.OFFICERS, Groups.ADMINS));
    }
}
