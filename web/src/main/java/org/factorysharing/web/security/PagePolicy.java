package org.factorysharing.web.security;

import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;

/**
 * One feature's rules on who may open its pages and submit its forms, as the API's access policies do for its
 * endpoints: a page a group may not see answers 403, and whose records a user sees, and which commands they may
 * send, are decided again by the page's controller and by the command side.
 */
public interface PagePolicy {

    /** Registers the feature's page rules; features own disjoint paths. */
    void authorize(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry rules);
}
