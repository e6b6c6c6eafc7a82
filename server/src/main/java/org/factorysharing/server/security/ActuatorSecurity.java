package org.factorysharing.server.security;

import org.factorysharing.api.shared.Groups;
import org.factorysharing.web.security.Authorities;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;

/**
 * The actuator: health (with its liveness and readiness groups) open to everyone, as probes and load balancers
 * need it, with details (which processor is stuck, and why) for admins only; every other endpoint (metrics for
 * Prometheus) admins only, with HTTP Basic, stateless. Separate from the API and page chains.
 */
@Configuration(proxyBeanMethods = false)
class ActuatorSecurity {

    @Bean
    @Order(0)
    SecurityFilterChain actuatorChain(HttpSecurity http) throws Exception {
        http.securityMatcher("/actuator/**")
                .authorizeHttpRequests(requests -> requests.requestMatchers("/actuator/health", "/actuator/health/**")
                        .permitAll()
                        .anyRequest()
                        .hasAuthority(Authorities.of(Groups.ADMINS)))
                .httpBasic(basic -> basic.realmName("factory-sharing"))
                // health's show-details asks isUserInRole("GROUP_admins"): our authorities carry no ROLE_ prefix
                .servletApi(servlet -> servlet.rolePrefix(""))
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable());
        return http.build();
    }
}
