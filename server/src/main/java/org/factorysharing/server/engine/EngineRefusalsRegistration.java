package org.factorysharing.server.engine;

import java.util.LinkedHashSet;
import java.util.Set;
import org.glassfish.jersey.server.ServerProperties;
import org.springframework.boot.autoconfigure.jersey.ResourceConfigCustomizer;
import org.springframework.boot.web.servlet.ServletContextInitializer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.StringUtils;

/**
 * Registers {@link DomainRefusals} in the two JAX-RS applications that reach the engine: engine REST
 * ({@code /engine-rest}, Spring Boot's Jersey application, which applies every {@link ResourceConfigCustomizer}) and
 * the webapps' REST API ({@code /camunda/api/...}, Jersey servlets the webapps register themselves; Jersey adds the
 * provider classes named by the servlet context attribute {@value ServerProperties#PROVIDER_CLASSNAMES}, which also
 * reaches the Cockpit, Admin and Tasklist plugin APIs, where the mappers decline everything that is not ours).
 */
@Configuration(proxyBeanMethods = false)
class EngineRefusalsRegistration {

    @Bean
    ResourceConfigCustomizer domainRefusalsForEngineRest() {
        return config -> DomainRefusals.MAPPERS.forEach(config::register);
    }

    @Bean
    ServletContextInitializer domainRefusalsForWebapps() {
        return context -> {
            Set<String> classes = new LinkedHashSet<>();
            Object present = context.getAttribute(ServerProperties.PROVIDER_CLASSNAMES);
            if (present instanceof String names && StringUtils.hasText(names)) {
                classes.addAll(StringUtils.commaDelimitedListToSet(names));
            }
            DomainRefusals.MAPPERS.forEach(mapper -> classes.add(mapper.getName()));
            context.setAttribute(ServerProperties.PROVIDER_CLASSNAMES, String.join(",", classes));
        };
    }
}
