package org.factorysharing.query;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/**
 * The read models on the embedded PostgreSQL with the command side that feeds them: no workflows, no web server.
 * One shared context for all tests that use it.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(classes = QueryTest.ReadModels.class, webEnvironment = SpringBootTest.WebEnvironment.NONE)
@ActiveProfiles("test")
public @interface QueryTest {

    /** The modules these tests need, as the server wires them. */
    @SpringBootApplication(
            scanBasePackages = {
                "org.factorysharing.platform",
                "org.factorysharing.command",
                "org.factorysharing.query",
                "org.factorysharing.testing"
            })
    class ReadModels {}
}
