package org.factorysharing.web.audit;

import java.util.List;
import org.factorysharing.api.shared.Groups;
import org.factorysharing.web.security.Authorities;
import org.factorysharing.web.security.PagePolicy;
import org.factorysharing.web.shared.NavigationItem;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The auditors' pages only read the event store, and only auditors and admins open them, as with the audit API. */
@Configuration(proxyBeanMethods = false)
class AuditPages {

    @Bean
    PagePolicy auditPagePolicy() {
        return rules -> rules.requestMatchers("/audit", "/audit/**")
                .hasAnyAuthority(Authorities.of(Groups.AUDITORS, Groups.ADMINS));
    }

    @Bean
    NavigationItem auditNavigation() {
        return new NavigationItem("audit.nav", "/audit", 80, List.of(Groups.AUDITORS, Groups.ADMINS));
    }
}
