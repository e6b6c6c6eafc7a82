package org.factorysharing.workflows;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/**
 * The processes on the real engine with the command side and read models they talk to, on the embedded PostgreSQL,
 * in one transaction manager: no web server, no webapps. One shared context for all tests that use it.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(classes = WorkflowTest.Engine.class, webEnvironment = SpringBootTest.WebEnvironment.NONE)
@ActiveProfiles("test")
public @interface WorkflowTest {

    /** The modules the processes need, as the server wires them. */
    @SpringBootApplication(
            scanBasePackages = {
                "org.factorysharing.platform",
                "org.factorysharing.command",
                "org.factorysharing.query",
                "org.factorysharing.audit",
                "org.factorysharing.workflows",
                "org.factorysharing.privacy",
                "org.factorysharing.testing"
            })
    class Engine {}
}
