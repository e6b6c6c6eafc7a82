package org.factorysharing.server.audit;

import org.factorysharing.api.shared.Groups;
import org.factorysharing.server.security.AccessPolicy;
import org.factorysharing.web.security.Authorities;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;

/** The auditors' toolkit only reads (and signs the chain's head), and only auditors and admins use it. */
@Component
class AuditPolicy implements AccessPolicy {

    @Override
    public void authorize(
            AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry rules) {
        rules.requestMatchers(HttpMethod.GET, "/api/audit/**")
                .hasAnyAuthority(Authorities.of(Groups.AUDITORS, Groups.ADMINS));
        // signing the chain's head changes no record: it keeps a signed statement of what is there
        rules.requestMatchers(HttpMethod.POST, "/api/audit/chain/heads")
                .hasAnyAuthority(Authorities.of(Groups.AUDITORS, Groups.ADMINS));
    }
}
