package org.factorysharing.server.programme;

import static org.factorysharing.web.security.Authorities.STAFF;
import static org.factorysharing.web.security.Authorities.of;

import org.factorysharing.api.shared.Groups;
import org.factorysharing.server.security.AccessPolicy;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;

/**
 * Who may use the programme API: the dashboard is also for the planners and executives who approve scale-ups;
 * officers plan, enrol and deploy decision versions; officers and supervisors ask for an early evaluation, which
 * supervisors decide; which approval stage a user may decide is the task rules'
 * business (the proposal and the approvals complete the wave's workflow tasks).
 */
@Component
class ProgrammePolicy implements AccessPolicy {

    private static final String[] PROGRAMME_READERS = {
        Groups.OFFICERS, Groups.SUPERVISORS, Groups.PLANNERS, Groups.EXECUTIVES, Groups.AUDITORS, Groups.ADMINS
    };

    @Override
    public void authorize(
            AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry rules) {
        rules.requestMatchers(HttpMethod.GET, "/api/programme/**")
                .hasAnyAuthority(of(PROGRAMME_READERS))
                .requestMatchers(HttpMethod.POST, "/api/programme/waves/*/approvals")
                .hasAnyAuthority(of(Groups.OFFICERS, Groups.SUPERVISORS, Groups.PLANNERS, Groups.EXECUTIVES))
                .requestMatchers(HttpMethod.POST, "/api/programme/waves/*/proposal")
                .hasAnyAuthority(of(Groups.OFFICERS, Groups.SUPERVISORS))
                .requestMatchers(HttpMethod.POST, "/api/programme/waves/*/early-evaluations")
                .hasAnyAuthority(of(Groups.OFFICERS, Groups.SUPERVISORS))
                .requestMatchers(HttpMethod.POST, "/api/programme/waves/*/early-evaluations/*/decision")
                .hasAnyAuthority(of(Groups.SUPERVISORS))
                .requestMatchers(
                        HttpMethod.POST,
                        "/api/programme/waves",
                        "/api/programme/waves/*/factories",
                        "/api/programme/decisions/**")
                .hasAnyAuthority(of(STAFF));
    }
}
