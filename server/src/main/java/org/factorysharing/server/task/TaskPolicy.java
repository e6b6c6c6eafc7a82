package org.factorysharing.server.task;

import org.factorysharing.server.security.AccessPolicy;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;

/** Every signed-in user may ask for their tasks; the task rules decide task by task who sees and works on what. */
@Component
class TaskPolicy implements AccessPolicy {

    @Override
    public void authorize(
            AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry rules) {
        rules.requestMatchers("/api/tasks", "/api/tasks/**").authenticated();
    }
}
