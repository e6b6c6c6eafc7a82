package org.factorysharing.web.factory;

import static org.factorysharing.web.security.Authorities.READERS;
import static org.factorysharing.web.security.Authorities.STAFF;
import static org.factorysharing.web.security.Authorities.of;

import java.util.List;
import org.factorysharing.api.shared.Groups;
import org.factorysharing.web.security.PagePolicy;
import org.factorysharing.web.shared.NavigationItem;
import org.factorysharing.web.shared.TaskRoute;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

/**
 * The officers' factory pages, as the factory API allows: readers (officers, supervisors, auditors, admins) see the
 * registry, a factory, its capacity and utilisation; officers, supervisors and admins propose; officers and admins
 * name the staff; officers inspect and sign off the commissioning (the task rules decide again, four-eyes included).
 */
@Configuration(proxyBeanMethods = false)
class FactoryPages {

    static final String INSPECTION_TASK = "user_inspect_factory";
    static final String SIGN_OFF_TASK = "user_commissioning_signoff";

    @Bean
    PagePolicy factoryPagePolicy() {
        return rules -> rules.requestMatchers("/factories/new", "/factories/new/**")
                .hasAnyAuthority(of(STAFF))
                .requestMatchers(HttpMethod.POST, "/factories")
                .hasAnyAuthority(of(STAFF))
                .requestMatchers("/factories/*/staff", "/factories/*/staff/**")
                .hasAnyAuthority(of(Groups.OFFICERS, Groups.ADMINS))
                .requestMatchers("/factories/tasks/**")
                .hasAnyAuthority(of(Groups.OFFICERS))
                .requestMatchers(HttpMethod.GET, "/factories", "/factories/**")
                .hasAnyAuthority(of(READERS))
                .requestMatchers("/factories", "/factories/**")
                .denyAll();
    }

    @Bean
    NavigationItem factoryNavigation() {
        return new NavigationItem("factory.nav", "/factories", 30, List.of(READERS));
    }

    @Bean
    TaskRoute factoryInspectionRoute() {
        return new TaskRoute(INSPECTION_TASK, "/factories/tasks/{taskId}");
    }

    @Bean
    TaskRoute factorySignOffRoute() {
        return new TaskRoute(SIGN_OFF_TASK, "/factories/tasks/{taskId}");
    }
}
