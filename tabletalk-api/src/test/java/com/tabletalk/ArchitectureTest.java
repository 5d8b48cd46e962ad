package com.tabletalk;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The service is a one-way house: features meet only in {@code app}, which wires them, and {@code common} serves
 * every feature without knowing any. Only the main classes are checked; test kits may reach anywhere.
 */
class ArchitectureTest {

    private static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("com.tabletalk");

    @Test
    void noFeatureDependsOnTheApp() {
        noClasses()
                .that()
                .resideOutsideOfPackage("com.tabletalk.app..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("com.tabletalk.app..")
                .because("a feature owns its configuration and is wired by the app, never the other way round")
                .check(MAIN);
    }

    @Test
    void sessionsDoNotKnowTheLiveChannel() {
        noClasses()
                .that()
                .resideInAPackage("com.tabletalk.session..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("com.tabletalk.live..")
                .because("the live channel listens to sessions; sessions do not call it")
                .check(MAIN);
    }

    @Test
    void commonDependsOnNoFeature() {
        noClasses()
                .that()
                .resideInAPackage("com.tabletalk.common..")
                .should()
                .dependOnClassesThat(
                        resideInAPackage("com.tabletalk..").and(resideOutsideOfPackage("com.tabletalk.common..")))
                .because("common is shared by every feature")
                .check(MAIN);
    }

    @Test
    void theEventLogDependsOnlyOnCommon() {
        noClasses()
                .that()
                .resideInAPackage("com.tabletalk.event..")
                .should()
                .dependOnClassesThat(resideInAPackage("com.tabletalk..")
                        .and(resideOutsideOfPackage("com.tabletalk.event.."))
                        .and(resideOutsideOfPackage("com.tabletalk.common..")))
                .because("every feature writes to the event log, so the log can know none of them")
                .check(MAIN);
    }

    @Test
    void featuresDependOnEachOtherOneWayOnly() {
        slices().matching("com.tabletalk.(*)..")
                .should()
                .beFreeOfCycles()
                .because("a cycle between two features makes neither understandable on its own")
                .check(MAIN);
    }
}
