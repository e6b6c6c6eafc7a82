package org.factorysharing.server.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.factorysharing.web.security.PagePolicy;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.header.writers.ContentSecurityPolicyHeaderWriter;
import org.springframework.security.web.header.writers.DelegatingRequestMatcherHeaderWriter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.NegatedRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.servlet.HandlerMapping;

/**
 * Who may call what. /api and /engine-rest: HTTP Basic, stateless, problem+json on 401/403, each feature's rules
 * from its {@link AccessPolicy}, everything else refused. /camunda: form login, and the webapps trust the Spring
 * Security principal (single sign-on), so there is one identity store and one login. Workflow tasks are checked
 * again by the task rules and the process listeners, and commands by the command side, whichever door is used.
 *
 * <p>Every password goes through {@link IdentityAuthenticationProvider}, so the {@link LoginThrottle} sees every
 * attempt: the webapps' own login endpoint and engine REST's "verify user" (both check any user's password) are
 * refused on every path they are mounted on. A throttled login answers like a wrong password (401 problem+json on the
 * API, with Retry-After; the login form's error).
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    /**
     * Doors that would check a password past the throttle: the webapps' login (unused, as they sign in through
     * /login) and "verify user" of the webapps' engine REST (engine REST's own is refused by the engine policy).
     * Changing a password in the webapps or on engine REST also checks a password, but only the signed-in user's own
     * (authenticatedUserPassword): it needs that user's session or credentials already, so it stays open.
     */
    static final String[] PASSWORD_CHECKS_OUTSIDE_THE_LOGIN = {
        "/camunda/api/admin/auth/user/*/login/**", "/camunda/api/engine/engine/*/identity/verify/**"
    };

    @Bean
    LoginThrottle loginThrottle(
            @Value("${fs.security.login-throttle.free-failures}") int freeFailures,
            @Value("${fs.security.login-throttle.first-delay}") Duration firstDelay,
            @Value("${fs.security.login-throttle.max-delay}") Duration maxDelay,
            @Value("${fs.security.login-throttle.forget-after}") Duration forgetAfter,
            @Value("${fs.security.login-throttle.address-failures}") int addressFailures,
            @Value("${fs.security.login-throttle.address-window}") Duration addressWindow,
            @Value("${fs.security.login-throttle.max-entries}") int maxEntries) {
        return new LoginThrottle(
                new LoginThrottle.Settings(
                        freeFailures, firstDelay, maxDelay, forgetAfter, addressFailures, addressWindow, maxEntries),
                Clock.systemUTC());
    }

    /**
     * No observations of Spring Security's own steps. With them, each of the chain's dozen filters, the
     * authentication and the authorization were wrapped in an observation (a timer each) on every request, and the
     * JIT spent seconds compiling the wrappers; no dashboard or alert used those timers. Every request is still timed
     * ({@code http_server_requests}), and refused logins are counted ({@code fs_logins_failed_total}).
     */
    @Bean
    SecurityObservationSettings securityObservations() {
        return SecurityObservationSettings.noObservations();
    }

    @Bean
    CredentialCache credentialCache(
            @Value("${fs.security.credential-cache}") Duration timeToLive,
            @Value("${fs.security.credential-cache-users}") int maxUsers) {
        return new CredentialCache(timeToLive, maxUsers, Clock.systemUTC());
    }

    @Bean
    @Order(1)
    SecurityFilterChain apiSecurity(
            HttpSecurity http,
            ObjectMapper json,
            List<AccessPolicy> policies,
            @Qualifier("requestMappingHandlerMapping") ObjectProvider<HandlerMapping> handlers,
            SingleSignOn singleSignOn)
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
                        .accessDeniedHandler(problemAccessDenied(json, handlers)))
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable()); // stateless Basic auth: no cookie to forge
        singleSignOn.resourceServer(http, problemEntryPoint(json)); // bearer tokens, when an issuer is configured
        return http.build();
    }

    /**
     * No inline script or style anywhere on the pages (htmx and the app's script come from the server itself); the
     * Camunda webapps need inline code of their own and keep Spring's other headers.
     */
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self';"
            + " img-src 'self' data:; font-src 'self'; connect-src 'self'; object-src 'none'; frame-ancestors 'self';"
            + " form-action 'self'; base-uri 'self'";

    @Bean
    @Order(2)
    SecurityFilterChain webSecurity(
            HttpSecurity http, ObjectMapper json, List<PagePolicy> pages, SingleSignOn singleSignOn) throws Exception {
        PathPatternRequestMatcher.Builder paths = PathPatternRequestMatcher.withDefaults();
        RequestMatcher camunda = paths.matcher("/camunda/**");
        http.authorizeHttpRequests(requests -> {
                    requests.requestMatchers(Arrays.stream(PASSWORD_CHECKS_OUTSIDE_THE_LOGIN)
                                    .map(paths::matcher)
                                    .toArray(RequestMatcher[]::new))
                            .denyAll()
                            .requestMatchers(
                                    "/error",
                                    "/actuator/health",
                                    "/v3/api-docs/**",
                                    "/swagger-ui.html",
                                    "/swagger-ui/**")
                            .permitAll();
                    pages.forEach(page -> page.authorize(requests));
                    requests.requestMatchers(camunda)
                            .authenticated()
                            .anyRequest()
                            .authenticated();
                })
                .formLogin(form -> form.loginPage("/login").defaultSuccessUrl("/", false))
                // back to the page asked for before the login, without Spring's "?continue" marker in its address
                .requestCache(cache -> cache.requestCache(savedRequests()))
                // a program (no HTML in Accept) gets a 401 problem instead of a redirect to the login page
                .exceptionHandling(errors -> errors.defaultAuthenticationEntryPointFor(
                        problemEntryPoint(json), request -> !acceptsHtml(request)))
                .logout(logout -> logout.logoutSuccessUrl("/login?logout"))
                .headers(headers -> headers.addHeaderWriter(new DelegatingRequestMatcherHeaderWriter(
                                new NegatedRequestMatcher(camunda),
                                new ContentSecurityPolicyHeaderWriter(CONTENT_SECURITY_POLICY)))
                        .referrerPolicy(
                                referrer -> referrer.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN)))
                // the Camunda webapps carry their own CSRF protection (X-XSRF-TOKEN)
                .csrf(csrf -> csrf.ignoringRequestMatchers(camunda));
        singleSignOn.login(http); // "sign in with the issuer", when one is configured
        return http.build();
    }

    private static HttpSessionRequestCache savedRequests() {
        HttpSessionRequestCache cache = new HttpSessionRequestCache();
        cache.setMatchingRequestParameterName(null);
        return cache;
    }

    private static boolean acceptsHtml(jakarta.servlet.http.HttpServletRequest request) {
        String accept = request.getHeader("Accept");
        return accept != null && (accept.contains("text/html") || accept.contains("application/xhtml"));
    }

    private static AuthenticationEntryPoint problemEntryPoint(ObjectMapper json) {
        return (request, response, exception) -> {
            response.setHeader("WWW-Authenticate", "Basic realm=\"factory-sharing\"");
            if (exception instanceof LoginThrottledException throttled) {
                response.setHeader("Retry-After", Long.toString(throttled.retryAfterSeconds()));
            }
            writeProblem(json, response, HttpStatus.UNAUTHORIZED, "Sign in with HTTP Basic credentials.");
        };
    }

    /**
     * Whatever no policy allows is refused; an address the API does not have at all is answered 404, like any
     * unknown path, rather than 403.
     */
    private static AccessDeniedHandler problemAccessDenied(ObjectMapper json, ObjectProvider<HandlerMapping> handlers) {
        return (request, response, exception) -> {
            if (request.getRequestURI().startsWith("/api/") && !exists(handlers.getObject(), request)) {
                writeProblem(json, response, HttpStatus.NOT_FOUND, "Nothing is found at this address.");
            } else {
                writeProblem(json, response, HttpStatus.FORBIDDEN, "Your groups do not allow this action.");
            }
        };
    }

    private static boolean exists(HandlerMapping handlers, jakarta.servlet.http.HttpServletRequest request) {
        try {
            return handlers.getHandler(request) != null;
        } catch (Exception knownPathOtherMethod) {
            return true;
        }
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
