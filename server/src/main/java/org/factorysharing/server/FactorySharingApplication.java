package org.factorysharing.server;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** The factory-sharing server: command side, read models, workflows, audit and HTTP in one node. */
@SpringBootApplication(scanBasePackages = "org.factorysharing")
public class FactorySharingApplication {

    public static void main(String[] args) {
        SpringApplication.run(FactorySharingApplication.class, args);
    }
}
