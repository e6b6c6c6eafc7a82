package org.factorysharing.server;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** Rules on test code too; sees the main code of all modules and the tests of this module. */
@AnalyzeClasses(packages = "org.factorysharing")
class TestCodeArchitectureTest {

    @ArchTest
    static final ArchRule noJUnit4 = noClasses()
            .should().dependOnClassesThat(resideInAPackage("org.junit..")
                    .and(DescribedPredicate.not(resideInAnyPackage("org.junit.jupiter..", "org.junit.platform..")))
                    .or(resideInAPackage("junit.."))
                    .as("belong to JUnit 4 or 3"))
            .as("tests use JUnit 5 only");
}
