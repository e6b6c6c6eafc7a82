package org.factorysharing.query;

import org.springframework.boot.autoconfigure.domain.EntityScan;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.jpa.repository.config.EnableJpaRepositories;

/** The read models' JPA entities and repositories live in this module; the schema is Flyway's (V3, V4, V7, V11, V20). */
@Configuration(proxyBeanMethods = false)
@EntityScan("org.factorysharing.query")
@EnableJpaRepositories("org.factorysharing.query")
class QueryConfiguration {}
