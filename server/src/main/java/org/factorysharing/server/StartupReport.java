package org.factorysharing.server;

import org.factorysharing.platform.database.DatabaseMode;
import org.factorysharing.workflows.identity.IdentitySetup;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Tells the operator, once the node is ready, which database it uses and where everything is. */
@Component
class StartupReport {

    private static final Logger log = LoggerFactory.getLogger(StartupReport.class);

    private final DatabaseMode database;
    private final IdentitySetup identity;

    StartupReport(DatabaseMode database, IdentitySetup identity) {
        this.database = database;
        this.identity = identity;
    }

    @EventListener
    void ready(ApplicationReadyEvent event) {
        int port = event.getApplicationContext() instanceof WebServerApplicationContext web
                ? web.getWebServer().getPort()
                : -1;
        String base = "http://localhost:" + port;
        String users = identity.demoUsersEnabled()
                ? String.join(
                                ", ",
                                IdentitySetup.DEMO_USERS.keySet().stream()
                                        .sorted()
                                        .toList()) + " (password: fs.demo-users.password, default umkm-demo)"
                : "none (external database: manage users in Camunda Admin)";
        log.info(
                """

                ==== factory-sharing is ready ====
                  database       : {} PostgreSQL at {}
                  HTTP API       : {}/api   (OpenAPI {}/v3/api-docs, Swagger UI {}/swagger-ui.html)
                  Camunda webapps: {}/camunda/app/   (Cockpit, Tasklist, Admin)
                  engine REST    : {}/engine-rest
                  demo users     : {}
                """,
                database.embedded() ? "embedded" : "external",
                database.jdbcUrl().replaceAll("(?i)(password=)[^&;]*", "$1***"),
                base,
                base,
                base,
                base,
                base,
                users);
    }
}
