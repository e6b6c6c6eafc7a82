package org.factorysharing.web.admin;

import java.util.List;
import org.factorysharing.api.shared.Groups;
import org.factorysharing.web.security.Authorities;
import org.factorysharing.web.security.PagePolicy;
import org.factorysharing.web.shared.NavigationItem;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Projections and dead letters are administration: admins only, as with the admin API. */
@Configuration(proxyBeanMethods = false)
class AdminPages {

    @Bean
    PagePolicy adminPagePolicy() {
        return rules -> rules.requestMatchers("/admin", "/admin/**").hasAuthority(Authorities.of(Groups.ADMINS));
    }

    @Bean
    NavigationItem adminNavigation() {
        return new NavigationItem("admin.nav", "/admin", 90, List.of(Groups.ADMINS));
    }
}
