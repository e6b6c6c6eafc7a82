package org.factorysharing.server;

import static com.tngtech.archunit.base.DescribedPredicate.describe;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.conditions.ArchConditions.be;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.GeneralCodingRules;
import org.axonframework.serialization.Revision;

/** The module rules of docs/architecture.md, checked on the main code of all modules. */
@AnalyzeClasses(packages = "org.factorysharing", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    private static final String API = "org.factorysharing.api..";
    private static final String COMMAND = "org.factorysharing.command..";
    private static final String QUERY = "org.factorysharing.query..";
    private static final String WORKFLOWS = "org.factorysharing.workflows..";
    private static final String SERVER = "org.factorysharing.server..";
    private static final String PLATFORM = "org.factorysharing.platform..";
    private static final String AUDIT = "org.factorysharing.audit..";
    private static final String PRIVACY = "org.factorysharing.privacy..";
    private static final String OPERATIONS = "org.factorysharing.operations..";
    /** The pages: a controller per feature, on the same gateways as the API. */
    private static final String WEB = "org.factorysharing.web..";
    /** Where the workflow engine's classes may be used: the processes, and the webapps' wiring in the server. */
    private static final String ENGINE_WIRING = "org.factorysharing.server.engine..";
    /** The server's feature packages: HTTP for one feature each, talking to the domain through the gateways. */
    private static final String[] SERVER_FEATURES = {
        "org.factorysharing.server.member..",
        "org.factorysharing.server.factory..",
        "org.factorysharing.server.job..",
        "org.factorysharing.server.programme..",
        "org.factorysharing.server.region..",
        "org.factorysharing.server.audit..",
        "org.factorysharing.server.admin..",
        "org.factorysharing.server.task..",
        "org.factorysharing.server.web..",
        "org.factorysharing.server.demo..",
        WEB
    };

    // --- api: the published language ---

    @ArchTest
    static final ArchRule apiDependsOnNoFramework = noClasses()
            .that()
            .resideInAPackage(API)
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(
                    "org.springframework..",
                    "org.camunda..",
                    "jakarta.persistence..",
                    "javax.persistence..",
                    "com.fasterxml.jackson.databind..",
                    "org.hibernate..")
            .as("api depends on no Spring, Camunda, JPA or Jackson databind");

    @ArchTest
    static final ArchRule apiUsesAxonOnlyForMessageAnnotations = classes()
            .that()
            .resideInAPackage(API)
            .should()
            .onlyDependOnClassesThat(resideInAnyPackage("java..", API)
                    .or(axonAnnotationsIn("org.axonframework.modelling..", "org.axonframework.serialization..")))
            .as("api depends only on the JDK, itself and Axon's modelling and serialization annotations");

    @ArchTest
    static final ArchRule apiTypesAreMessagesEnumsInterfacesOrExceptions = classes()
            .that()
            .resideInAPackage(API)
            .should(be(describe("a record", JavaClass::isRecord)
                    .or(describe("an enum", JavaClass::isEnum))
                    .or(describe("an interface", JavaClass::isInterface))
                    .or(describe(
                            "an exception in api.shared",
                            (JavaClass c) -> c.isAssignableTo(Exception.class)
                                    && c.getPackageName().equals("org.factorysharing.api.shared")))
                    .or(staticHolder())))
            .as("api types are records, enums, interfaces, exceptions in api.shared, or final static holders");

    @ArchTest
    static final ArchRule eventInterfacesAreSealed = classes()
            .that()
            .resideInAPackage(API)
            .and()
            .areInterfaces()
            .and()
            .haveSimpleNameEndingWith("Event")
            .should(be(describe("sealed", (JavaClass c) -> c.reflect().isSealed())))
            .as("each aggregate's event interface in api is sealed");

    @ArchTest
    static final ArchRule eventsCarryARevision = classes()
            .that()
            .resideInAPackage(API)
            .and(implementASealedEventInterface())
            .should()
            .beAnnotatedWith(Revision.class)
            .andShould()
            .beRecords()
            .as("events carry @Revision so that upcasters have a place");

    // --- dependencies between modules ---

    @ArchTest
    static final ArchRule queryDoesNotUseTheCommandSide = noClasses()
            .that()
            .resideInAPackage(QUERY)
            .should()
            .dependOnClassesThat()
            .resideInAPackage(COMMAND);

    @ArchTest
    static final ArchRule workflowsTalkToTheCommandSideOnlyThroughMessages = noClasses()
            .that()
            .resideInAPackage(WORKFLOWS)
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(COMMAND, QUERY);

    @ArchTest
    static final ArchRule commandDoesNotUseQueryOrWorkflows = noClasses()
            .that()
            .resideInAPackage(COMMAND)
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(QUERY, WORKFLOWS);

    @ArchTest
    static final ArchRule onlyServerUsesServer = noClasses()
            .that()
            .resideOutsideOfPackage(SERVER)
            .should()
            .dependOnClassesThat()
            .resideInAPackage(SERVER);

    @ArchTest
    static final ArchRule theDomainModulesUseNoneOfTheSupportingOnes = noClasses()
            .that()
            .resideInAnyPackage(API, COMMAND, QUERY)
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(AUDIT, PRIVACY, OPERATIONS)
            .as("api, command and query know nothing of audit, privacy and operations");

    @ArchTest
    static final ArchRule supportingModulesStayOutOfTheDomain = noClasses()
            .that()
            .resideInAnyPackage(AUDIT, PRIVACY, OPERATIONS, PLATFORM)
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(COMMAND, QUERY, WORKFLOWS)
            .as("platform, audit, privacy and operations talk to the domain only through api messages");

    @ArchTest
    static final ArchRule theEngineStaysInWorkflows = noClasses()
            .that()
            .resideOutsideOfPackages(WORKFLOWS, ENGINE_WIRING)
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("org.camunda..")
            .as("org.camunda is used only in workflows and the server's engine wiring (a later move to a Camunda 7 "
                    + "fork stays mechanical)");

    @ArchTest
    static final ArchRule controllersTalkOnlyThroughTheGateways = classes()
            .that()
            .areAnnotatedWith(org.springframework.web.bind.annotation.RestController.class)
            .or()
            .areAnnotatedWith(org.springframework.stereotype.Controller.class)
            .should()
            .onlyDependOnClassesThat(resideInAnyPackage(
                            "java..",
                            "jakarta..",
                            API,
                            "org.factorysharing.web.shared..",
                            "org.factorysharing.web.security..",
                            "org.factorysharing.server.web..",
                            "org.factorysharing.server.security..",
                            "org.axonframework.commandhandling.gateway..",
                            "org.axonframework.queryhandling..",
                            "org.axonframework.messaging.responsetypes..",
                            "org.springframework..",
                            "com.fasterxml.jackson..",
                            "io.swagger.v3.oas.annotations..",
                            "org.slf4j..",
                            "org.axonframework.common..")
                    .or(describe(
                            "in the controller's own feature package",
                            (JavaClass c) -> c.getPackageName().startsWith("org.factorysharing.server.")
                                    || c.getPackageName().startsWith("org.factorysharing.web."))))
            .as("a controller depends only on api, the command and query gateways, and the web and security "
                    + "packages (and its own feature's request and policy classes)");

    @ArchTest
    static final ArchRule pagesTalkToTheDomainOnlyThroughMessages = noClasses()
            .that()
            .resideInAPackage(WEB)
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(COMMAND, QUERY, WORKFLOWS, AUDIT, PRIVACY, OPERATIONS)
            .as("the pages are a second door to the same commands and queries, not a second path to the domain");

    @ArchTest
    static final ArchRule serverFeaturesReachNoStoreDirectly = noClasses()
            .that()
            .resideInAnyPackage(SERVER_FEATURES)
            .should()
            .dependOnClassesThat()
            .haveFullyQualifiedName("org.axonframework.eventsourcing.eventstore.EventStore")
            .orShould()
            .dependOnClassesThat()
            .haveFullyQualifiedName("org.camunda.bpm.engine.RepositoryService")
            .orShould()
            .dependOnClassesThat()
            .haveFullyQualifiedName("org.camunda.bpm.engine.IdentityService")
            .orShould()
            .dependOnClassesThat()
            .haveFullyQualifiedName("org.springframework.jdbc.core.JdbcTemplate")
            .as("no EventStore, RepositoryService, IdentityService or JdbcTemplate in the server's feature packages");

    @ArchTest
    static final ArchRule bridgesAreNamedAsSuch = classes()
            .that()
            .resideInAPackage(WORKFLOWS)
            .and()
            .areAnnotatedWith(org.axonframework.config.ProcessingGroup.class)
            .should()
            .haveSimpleNameEndingWith("Bridge")
            .as("an event-to-process bridge is named *Bridge");

    @ArchTest
    static final ArchRule featurePackagesShareOneVocabulary = classes()
            .that()
            .resideInAnyPackage(API, COMMAND, QUERY, WORKFLOWS, WEB)
            .should(be(describe(
                    "in a package named after a feature (member, factory, job, programme, region) or a "
                            + "shared concern",
                    (JavaClass c) -> {
                        String[] parts = c.getPackageName().split("\\.");
                        return parts.length < 4
                                || java.util.Set.of(
                                                "member",
                                                "factory",
                                                "job",
                                                "programme",
                                                "region",
                                                "shared",
                                                "task",
                                                "audit",
                                                "operations",
                                                "identity",
                                                "home",
                                                "security",
                                                "admin",
                                                "staff")
                                        .contains(parts[3]);
                    })))
            .as("one name per feature in every module");

    // --- style ---

    @ArchTest
    static final ArchRule noFieldInjection = GeneralCodingRules.NO_CLASSES_SHOULD_USE_FIELD_INJECTION;

    private static DescribedPredicate<JavaClass> axonAnnotationsIn(String... packages) {
        return describe(
                "Axon annotations in " + String.join(", ", packages),
                (JavaClass c) ->
                        c.isAnnotation() && resideInAnyPackage(packages).test(c));
    }

    /** Like {@code MemberCommands}: final, not instantiable, only static members (nested messages, constants). */
    private static DescribedPredicate<JavaClass> staticHolder() {
        return describe(
                "a final holder with only static members",
                (JavaClass c) -> c.getModifiers().contains(JavaModifier.FINAL)
                        && !c.isAssignableTo(Throwable.class)
                        && c.getConstructors().stream()
                                .allMatch(k -> k.getModifiers().contains(JavaModifier.PRIVATE))
                        && c.getFields().stream().allMatch(f -> f.getModifiers().contains(JavaModifier.STATIC))
                        && c.getMethods().stream()
                                .allMatch(m -> m.getModifiers().contains(JavaModifier.STATIC)));
    }

    private static DescribedPredicate<JavaClass> implementASealedEventInterface() {
        return describe(
                "implement a sealed *Event interface",
                (JavaClass c) -> c.getAllRawInterfaces().stream()
                        .anyMatch(i -> i.getSimpleName().endsWith("Event")
                                && i.reflect().isSealed()));
    }
}
