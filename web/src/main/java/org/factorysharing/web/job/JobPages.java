package org.factorysharing.web.job;

import static org.factorysharing.web.security.Authorities.anyOfOrFactoryStaff;
import static org.factorysharing.web.security.Authorities.of;

import java.util.List;
import org.factorysharing.api.shared.Groups;
import org.factorysharing.web.security.PagePolicy;
import org.factorysharing.web.shared.NavigationItem;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

/**
 * Production job pages, as the job API allows: members (for their own member), officers and admins book and cancel;
 * readers see every job, a member's login its own member's jobs, factory staff their factories' jobs (each page
 * narrows the list; the command side decides whose job may be booked or cancelled).
 */
@Configuration(proxyBeanMethods = false)
class JobPages {

    static final String[] BOOKERS = {Groups.MEMBERS, Groups.OFFICERS, Groups.ADMINS};

    @Bean
    PagePolicy jobPagePolicy() {
        return rules -> rules.requestMatchers("/jobs/new", "/jobs/new/**")
                .hasAnyAuthority(of(BOOKERS))
                .requestMatchers(HttpMethod.POST, "/jobs", "/jobs/*/cancel")
                .hasAnyAuthority(of(BOOKERS))
                .requestMatchers(HttpMethod.GET, "/jobs/*/cancel")
                .hasAnyAuthority(of(BOOKERS))
                .requestMatchers(HttpMethod.GET, "/jobs", "/jobs/*")
                .access(anyOfOrFactoryStaff(
                        Groups.OFFICERS, Groups.SUPERVISORS, Groups.AUDITORS, Groups.ADMINS, Groups.MEMBERS))
                .requestMatchers("/jobs", "/jobs/**")
                .denyAll();
    }

    @Bean
    NavigationItem jobNavigation() {
        return new NavigationItem(
                "job.nav",
                "/jobs",
                25,
                List.of(
                        Groups.MEMBERS,
                        Groups.OFFICERS,
                        Groups.SUPERVISORS,
                        Groups.AUDITORS,
                        Groups.ADMINS,
                        Groups.FACTORY_STAFF));
    }
}
