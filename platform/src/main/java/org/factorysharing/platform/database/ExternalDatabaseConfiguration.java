package org.factorysharing.platform.database;

import org.springframework.boot.autoconfigure.jdbc.DataSourceProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;

/** With FS_DB_URL (spring.datasource.url) set, Spring Boot builds the pool; we only record the mode. */
@Configuration(proxyBeanMethods = false)
@Conditional(ExternalDatabaseConfiguration.External.class)
class ExternalDatabaseConfiguration {

    @Bean
    DatabaseMode databaseMode(DataSourceProperties properties) {
        return new DatabaseMode(false, properties.getUrl());
    }

    static class External extends EmbeddedDatabaseCondition {
        @Override
        public boolean matches(
                org.springframework.context.annotation.ConditionContext context,
                org.springframework.core.type.AnnotatedTypeMetadata metadata) {
            return !super.matches(context, metadata);
        }
    }
}
