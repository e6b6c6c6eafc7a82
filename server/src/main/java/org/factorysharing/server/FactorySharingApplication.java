package org.factorysharing.server;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.autoconfigure.domain.EntityScan;
import org.springframework.data.jpa.repository.config.EnableJpaRepositories;

/** The factory-sharing server: command side, read models, workflows and HTTP API in one node. */
@SpringBootApplication(scanBasePackages = "org.factorysharing")
@EntityScan("org.factorysharing.query")
@EnableJpaRepositories("org.factorysharing.query")
public class FactorySharingApplication {

    public static void main(String[] args) {
        SpringApplication.run(FactorySharingApplication.class, args);
    }
}
