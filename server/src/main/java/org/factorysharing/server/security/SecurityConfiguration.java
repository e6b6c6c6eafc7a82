package org.factorysharing.server.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;

/**
 * Who may call what. /api and /engine-rest: HTTP Basic, stateless, problem+json on 401/403, each feature's rules
 * from its {@link AccessPolicy}, everything else refused. /camunda: form login, and the webapps trust the Spring
 * Security principal (single sign-on), so there is one identity store and one login. Workflow tasks are checked
 * again by the task rules and the process listeners, and commands by the command side, whichever door is used.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    @Bean
    @Order(1)
    SecurityFilterChain apiSecurity(HttpSecurity http, ObjectMapper json, List<AccessPolicy> policies)
            throws Exception {
        // path matchers, not MVC ones: engine REST is a Jersey servlet outside Spring MVC
        PathPatternRequestMatcher.Builder paths = PathPatternRequestMatcher.withDefaults();
        http.securityMatcher(new OrRequestMatcher(paths.matcher("/api/**"), paths.matcher("/engine-rest/**")))
                .authorizeHttpRequests(requests -> {
                    policies.forEach(policy -> policy.authorize(requests));
                    requests.anyRequest().denyAll();
                })
                .httpBasic(basic -> basic.authenticationEntryPoint(problemEntryPoint(json)))
                .exceptionHandling(errors -> errors.authenticationEntryPoint(problemEntryPoint(json))
                        .accessDeniedHandler(problemAccessDenied(json)))
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable()); // stateless Basic auth: no cookie to forge
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain webSecurity(HttpSecurity http) throws Exception {
        http.authorizeHttpRequests(requests -> requests.requestMatchers(
                                "/",
                                "/error",
                                "/login",
                                "/actuator/health",
                                "/v3/api-docs/**",
                                "/swagger-ui.html",
                                "/swagger-ui/**")
                        .permitAll()
                        .requestMatchers("/camunda/**")
                        .authenticated()
                        .anyRequest()
                        .authenticated())
                .formLogin(form -> form.defaultSuccessUrl("/camunda/app/", false))
                .logout(logout -> logout.logoutSuccessUrl("/login?logout"))
                // the Camunda webapps carry their own CSRF protection (X-XSRF-TOKEN)
                .csrf(csrf -> csrf.ignoringRequestMatchers("/camunda/**"));
        return http.build();
    }

    private static AuthenticationEntryPoint problemEntryPoint(ObjectMapper json) {
        return (request, response, exception) -> {
            response.setHeader("WWW-Authenticate", "Basic realm=\"factory-sharing\"");
            writeProblem(json, response, HttpStatus.UNAUTHORIZED, "Sign in with HTTP Basic credentials.");
        };
    }

    private static AccessDeniedHandler problemAccessDenied(ObjectMapper json) {
        return (request, response, exception) ->
                writeProblem(json, response, HttpStatus.FORBIDDEN, "Your groups do not allow this action.");
    }

    private static void writeProblem(
            ObjectMapper json, jakarta.servlet.http.HttpServletResponse response, HttpStatus status, String detail)
            throws IOException {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        json.writeValue(response.getOutputStream(), problem);
    }
}
