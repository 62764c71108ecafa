package org.carbonsink.trading;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The boundaries of the service's packages. */
class ArchitectureTest {

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("org.carbonsink.trading");

    @Test
    void onlyMessagingPackagesKnowTheEventContracts() {
        noClasses().that().resideOutsideOfPackage("..messaging..")
                .should().dependOnClassesThat().resideInAPackage("org.carbonsink.contracts..")
                .check(CLASSES);
    }

    @Test
    void theMatchingEngineIsPlainJava() {
        classes().that().resideInAPackage("..trading.matching..")
                .should().onlyDependOnClassesThat().resideInAnyPackage("..trading.matching..", "java..")
                .check(CLASSES);
    }

    @Test
    void featuresDoNotDependOnEachOtherInACycle() {
        slices().matching("org.carbonsink.trading.(*)..").should().beFreeOfCycles().check(CLASSES);
    }

    @Test
    void noServiceGrabBagsOrImplementationSuffixes() {
        noClasses().should().haveSimpleNameEndingWith("Service").orShould().haveSimpleNameEndingWith("Impl")
                .check(CLASSES);
    }
}
