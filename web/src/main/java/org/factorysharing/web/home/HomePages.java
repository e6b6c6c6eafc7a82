package org.factorysharing.web.home;

import org.factorysharing.web.security.PagePolicy;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The home page is for every signed-in user; the login page and the assets for everyone. */
@Configuration(proxyBeanMethods = false)
class HomePages {

    @Bean
    PagePolicy homePagePolicy() {
        return rules -> rules.requestMatchers("/login", "/assets/**", "/webjars/**", "/favicon.ico")
                .permitAll()
                .requestMatchers("/")
                .authenticated();
    }
}
