package org.factorysharing.server.engine;

import java.util.Map;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.webapp.impl.security.auth.ContainerBasedAuthenticationFilter;
import org.factorysharing.api.shared.Groups;
import org.factorysharing.server.security.AccessPolicy;
import org.factorysharing.web.security.Authorities;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;

/**
 * The Camunda webapps (Cockpit, Tasklist, Admin) and engine REST on our one login: the webapps trust the Spring
 * Security principal (single sign-on), engine REST runs as the signed-in user and is for admins only.
 */
@Configuration(proxyBeanMethods = false)
class EngineWebapps {

    /** Hands the Spring Security principal to the Camunda webapps. */
    @Bean
    FilterRegistrationBean<ContainerBasedAuthenticationFilter> camundaWebappSingleSignOn() {
        FilterRegistrationBean<ContainerBasedAuthenticationFilter> registration =
                new FilterRegistrationBean<>(new ContainerBasedAuthenticationFilter());
        registration.setInitParameters(Map.of("authentication-provider", SingleSignOnGroups.class.getName()));
        registration.addUrlPatterns("/camunda/*");
        registration.setOrder(201); // after the Spring Security filter chain
        return registration;
    }

    /**
     * Engine REST runs as the signed-in user, so Camunda's authorisations and its operation log apply there too
     * (without it the engine would see an anonymous, unchecked caller).
     */
    @Bean
    FilterRegistrationBean<ProcessEngineAuthenticationFilter> engineRestIdentity() {
        FilterRegistrationBean<ProcessEngineAuthenticationFilter> registration =
                new FilterRegistrationBean<>(new ProcessEngineAuthenticationFilter());
        registration.setInitParameters(Map.of(
                "authentication-provider",
                SingleSignOnGroups.class.getName(),
                "rest-url-pattern-prefix",
                "/engine-rest"));
        registration.addUrlPatterns("/engine-rest/*");
        registration.setOrder(202); // after the Spring Security filter chain
        return registration;
    }

    /**
     * Engine REST is engine administration. Its "verify user" checks any user's password and is refused: passwords are
     * checked only at the login, behind the login throttle.
     */
    @Bean
    AccessPolicy engineRestPolicy() {
        PathPatternRequestMatcher.Builder paths = PathPatternRequestMatcher.withDefaults();
        return requests -> requests.requestMatchers(paths.matcher("/engine-rest/identity/verify/**"))
                .denyAll()
                .requestMatchers(paths.matcher("/engine-rest/**"))
                .hasAuthority(Authorities.of(Groups.ADMINS));
    }
}
