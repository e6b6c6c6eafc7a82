package org.factorysharing.server.security;

import static org.factorysharing.server.security.Groups.ADMINS;
import static org.factorysharing.server.security.Groups.AUDITORS;
import static org.factorysharing.server.security.Groups.EXECUTIVES;
import static org.factorysharing.server.security.Groups.FACTORY_STAFF;
import static org.factorysharing.server.security.Groups.MEMBERS;
import static org.factorysharing.server.security.Groups.OFFICERS;
import static org.factorysharing.server.security.Groups.PLANNERS;
import static org.factorysharing.server.security.Groups.SUPERVISORS;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.engine.rest.security.auth.impl.ContainerBasedAuthenticationProvider;
import org.camunda.bpm.webapp.impl.security.auth.ContainerBasedAuthenticationFilter;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.factorysharing.api.factory.FactoryId;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;

/**
 * Who may call what. /api and /engine-rest: HTTP Basic, stateless, problem+json on 401/403.
 * /camunda: form login, and the webapps trust the Spring Security principal (single sign-on), so
 * there is one identity store and one login. Business authorisation of workflow tasks is checked
 * again in the task API and in the process listeners, whichever door a user comes through.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    private static final String[] STAFF = {OFFICERS, SUPERVISORS, ADMINS};
    private static final String[] READERS = {OFFICERS, SUPERVISORS, AUDITORS, ADMINS};
    /** The programme dashboard is also for the planners and executives who approve scale-ups. */
    private static final String[] PROGRAMME_READERS = {OFFICERS, SUPERVISORS, PLANNERS, EXECUTIVES, AUDITORS, ADMINS};

    @Bean
    @Order(1)
    SecurityFilterChain apiSecurity(HttpSecurity http, ObjectMapper json) throws Exception {
        // path matchers, not MVC ones: engine REST is a Jersey servlet outside Spring MVC
        PathPatternRequestMatcher.Builder paths = PathPatternRequestMatcher.withDefaults();
        http.securityMatcher(new OrRequestMatcher(paths.matcher("/api/**"), paths.matcher("/engine-rest/**")))
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers(paths.matcher("/engine-rest/**")).hasAuthority(Groups.authority(ADMINS))
                        .requestMatchers(HttpMethod.POST, "/api/members").hasAnyAuthority(authorities(MEMBERS, OFFICERS, ADMINS))
                        // a member's login may read its own member (MemberController answers 404 for others)
                        .requestMatchers(HttpMethod.GET, "/api/members/*").hasAnyAuthority(authorities(OFFICERS,
                                SUPERVISORS, AUDITORS, ADMINS, MEMBERS))
                        .requestMatchers(HttpMethod.GET, "/api/members", "/api/members/**").hasAnyAuthority(authorities(READERS))
                        // the right to erasure: staff, and a member's login for its own member (else 404)
                        .requestMatchers(HttpMethod.DELETE, "/api/members/*/personal-data")
                        .hasAnyAuthority(authorities(OFFICERS, SUPERVISORS, ADMINS, MEMBERS))
                        .requestMatchers("/api/members/**").hasAnyAuthority(authorities(STAFF))
                        .requestMatchers(HttpMethod.POST, "/api/factories").hasAnyAuthority(authorities(STAFF))
                        .requestMatchers("/api/factories/*/staff", "/api/factories/*/staff/**")
                        .hasAnyAuthority(authorities(OFFICERS, ADMINS))
                        .requestMatchers(HttpMethod.GET, "/api/factories", "/api/factories/**")
                        .access(anyOfOrFactoryStaff(READERS))
                        // which factory's staff may operate which machines: FactoryAccess, per request
                        .requestMatchers(HttpMethod.POST, "/api/factories/{factoryId}/machines")
                        .access(anyOfOrStaffOfThatFactory(OFFICERS, ADMINS))
                        .requestMatchers("/api/factories/{factoryId}/machines/*/maintenance")
                        .access(anyOfOrStaffOfThatFactory(OFFICERS, ADMINS))
                        .requestMatchers(HttpMethod.POST, "/api/factories/*/suspension",
                                "/api/factories/*/resumption", "/api/factories/*/decommissioning")
                        .hasAnyAuthority(authorities(STAFF))
                        .requestMatchers(HttpMethod.POST, "/api/jobs", "/api/jobs/*/cancellation")
                        .hasAnyAuthority(authorities(MEMBERS, OFFICERS, ADMINS))
                        .requestMatchers(HttpMethod.GET, "/api/jobs", "/api/jobs/**")
                        .access(anyOfOrFactoryStaff(OFFICERS, SUPERVISORS, AUDITORS, ADMINS, MEMBERS))
                        .requestMatchers(HttpMethod.GET, "/api/regions", "/api/regions/**")
                        .access(anyOfOrFactoryStaff(READERS))
                        .requestMatchers("/api/regions/**").hasAnyAuthority(authorities(OFFICERS, ADMINS))
                        .requestMatchers(HttpMethod.GET, "/api/programme/**")
                        .hasAnyAuthority(authorities(PROGRAMME_READERS))
                        // which stage a user may act on is the task's business: WorkflowTasks and the listeners
                        .requestMatchers(HttpMethod.POST, "/api/programme/waves/*/approvals")
                        .hasAnyAuthority(authorities(OFFICERS, SUPERVISORS, PLANNERS, EXECUTIVES))
                        .requestMatchers(HttpMethod.POST, "/api/programme/waves/*/proposal")
                        .hasAnyAuthority(authorities(OFFICERS, SUPERVISORS))
                        .requestMatchers(HttpMethod.POST, "/api/programme/waves", "/api/programme/waves/*/factories",
                                "/api/programme/decisions/**")
                        .hasAnyAuthority(authorities(STAFF))
                        .requestMatchers("/api/admin/**").hasAuthority(Groups.authority(ADMINS))
                        // the auditors' toolkit only reads
                        .requestMatchers(HttpMethod.GET, "/api/audit/**").hasAnyAuthority(authorities(AUDITORS, ADMINS))
                        .requestMatchers("/api/tasks", "/api/tasks/**", "/api/me").authenticated()
                        .anyRequest().denyAll())
                .httpBasic(basic -> basic.authenticationEntryPoint(problemEntryPoint(json)))
                .exceptionHandling(errors -> errors
                        .authenticationEntryPoint(problemEntryPoint(json))
                        .accessDeniedHandler(problemAccessDenied(json)))
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable()); // stateless Basic auth: no cookie to forge
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain webSecurity(HttpSecurity http) throws Exception {
        http.authorizeHttpRequests(requests -> requests
                        .requestMatchers("/", "/error", "/login", "/actuator/health", "/v3/api-docs/**",
                                "/swagger-ui.html", "/swagger-ui/**").permitAll()
                        .requestMatchers("/camunda/**").authenticated()
                        .anyRequest().authenticated())
                .formLogin(form -> form.defaultSuccessUrl("/camunda/app/", false))
                .logout(logout -> logout.logoutSuccessUrl("/login?logout"))
                // the Camunda webapps carry their own CSRF protection (X-XSRF-TOKEN)
                .csrf(csrf -> csrf.ignoringRequestMatchers("/camunda/**"));
        return http.build();
    }

    /** Hands the Spring Security principal to the Camunda webapps (Cockpit, Tasklist, Admin). */
    @Bean
    FilterRegistrationBean<ContainerBasedAuthenticationFilter> camundaWebappSingleSignOn() {
        FilterRegistrationBean<ContainerBasedAuthenticationFilter> registration =
                new FilterRegistrationBean<>(new ContainerBasedAuthenticationFilter());
        registration.setInitParameters(Map.of("authentication-provider",
                ContainerBasedAuthenticationProvider.class.getName()));
        registration.addUrlPatterns("/camunda/*");
        registration.setOrder(201); // after the Spring Security filter chain
        return registration;
    }

    /**
     * Engine REST runs as the signed-in user, so Camunda's authorisations and its operation log apply
     * there too (without it the engine would see an anonymous, unchecked caller).
     */
    @Bean
    FilterRegistrationBean<ProcessEngineAuthenticationFilter> engineRestIdentity() {
        FilterRegistrationBean<ProcessEngineAuthenticationFilter> registration =
                new FilterRegistrationBean<>(new ProcessEngineAuthenticationFilter());
        registration.setInitParameters(Map.of(
                "authentication-provider", ContainerBasedAuthenticationProvider.class.getName(),
                "rest-url-pattern-prefix", "/engine-rest"));
        registration.addUrlPatterns("/engine-rest/*");
        registration.setOrder(202); // after the Spring Security filter chain
        return registration;
    }

    /**
     * Any of the groups, or factory staff: the general factory-staff group or the staff group of some
     * factory (factory-<factoryId>-staff, see FactoryId.staffGroup()).
     */
    private static AuthorizationManager<RequestAuthorizationContext> anyOfOrFactoryStaff(String... groups) {
        Set<String> allowed = Set.of(authorities(groups));
        return (authentication, context) -> new AuthorizationDecision(authentication.get().getAuthorities().stream()
                .map(GrantedAuthority::getAuthority)
                .anyMatch(authority -> allowed.contains(authority) || isFactoryStaff(authority)));
    }

    /**
     * The groups, or the staff of the factory named in the path: decided before the request body is read,
     * so another factory's staff get 403 whatever they send (FactoryAccess checks the same in the controller).
     */
    private static AuthorizationManager<RequestAuthorizationContext> anyOfOrStaffOfThatFactory(String... groups) {
        Set<String> allowed = Set.of(authorities(groups));
        return (authentication, context) -> {
            String ownStaff = Groups.authority(new FactoryId(context.getVariables().get("factoryId")).staffGroup());
            return new AuthorizationDecision(authentication.get().getAuthorities().stream()
                    .map(GrantedAuthority::getAuthority)
                    .anyMatch(authority -> allowed.contains(authority) || authority.equals(ownStaff)));
        };
    }

    private static boolean isFactoryStaff(String authority) {
        return authority.equals(Groups.authority(FACTORY_STAFF))
                || authority.startsWith(Groups.authority("factory-")) && authority.endsWith("-staff");
    }

    private static String[] authorities(String... groups) {
        return java.util.Arrays.stream(groups).map(Groups::authority).toArray(String[]::new);
    }

    private static AuthenticationEntryPoint problemEntryPoint(ObjectMapper json) {
        return (request, response, exception) -> {
            response.setHeader("WWW-Authenticate", "Basic realm=\"factory-sharing\"");
            writeProblem(json, response, HttpStatus.UNAUTHORIZED, "Sign in with HTTP Basic credentials.");
        };
    }

    private static AccessDeniedHandler problemAccessDenied(ObjectMapper json) {
        return (request, response, exception) -> writeProblem(json, response, HttpStatus.FORBIDDEN,
                "Your groups do not allow this action.");
    }

    private static void writeProblem(ObjectMapper json, jakarta.servlet.http.HttpServletResponse response,
                                     HttpStatus status, String detail) throws java.io.IOException {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        json.writeValue(response.getOutputStream(), problem);
    }
}
