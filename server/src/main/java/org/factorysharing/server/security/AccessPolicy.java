package org.factorysharing.server.security;

import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;

/**
 * One feature's rules on who may call its endpoints, decided before the request body is read. SecurityConfiguration
 * asks every policy and refuses whatever none of them allows. Which records a user may see and which commands they
 * may send for whom are decided by the policy's own checks and, for commands, by the command side itself.
 */
public interface AccessPolicy {

    /** Registers the feature's request rules; features own disjoint paths, so their order does not matter. */
    void authorize(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry requests);
}
