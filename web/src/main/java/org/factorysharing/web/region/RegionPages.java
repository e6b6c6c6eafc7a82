package org.factorysharing.web.region;

import static org.factorysharing.web.security.Authorities.READERS;
import static org.factorysharing.web.security.Authorities.anyOfOrFactoryStaff;
import static org.factorysharing.web.security.Authorities.of;

import java.util.List;
import java.util.stream.Stream;
import org.factorysharing.api.shared.Groups;
import org.factorysharing.web.security.PagePolicy;
import org.factorysharing.web.shared.NavigationItem;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

/**
 * The regions pages, as the regions API allows (RegionPolicy): readers and factory staff read the reference list,
 * officers and admins change the commodity potentials.
 */
@Configuration(proxyBeanMethods = false)
class RegionPages {

    static final List<String> EDITORS = List.of(Groups.OFFICERS, Groups.ADMINS);

    @Bean
    PagePolicy regionPagePolicy() {
        return rules -> rules.requestMatchers(HttpMethod.GET, "/regions", "/regions/**")
                .access(anyOfOrFactoryStaff(READERS))
                .requestMatchers("/regions", "/regions/**")
                .hasAnyAuthority(of(EDITORS.toArray(String[]::new)));
    }

    @Bean
    NavigationItem regionNavigation() {
        return new NavigationItem(
                "region.nav",
                "/regions",
                45,
                Stream.concat(Stream.of(READERS), Stream.of(Groups.FACTORY_STAFF))
                        .toList());
    }
}
