package org.carbonsink.verification;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The boundaries of docs/service-conventions.md, checked on the compiled classes. */
class ArchitectureTest {

    static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.carbonsink.verification");

    @Test
    void onlyMessagingPackagesUseTheEventContracts() {
        noClasses().that().resideOutsideOfPackage("..messaging..")
                .should().dependOnClassesThat().resideInAPackage("org.carbonsink.contracts..")
                .check(CLASSES);
    }

    @Test
    void theCalculationIsPlainJava() {
        noClasses().that().resideInAPackage("..verification.calculation..")
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "java.sql..",
                        "..verification.project..", "..verification.parameters..", "..verification.report..")
                .check(CLASSES);
    }

    @Test
    void featuresDoNotDependOnEachOtherInCycles() {
        slices().matching("org.carbonsink.verification.(*)..").should().beFreeOfCycles().check(CLASSES);
    }

    /** Use cases may throw the shared ProblemException (support.web), but never reach into this service's adapters. */
    @Test
    void featuresDoNotReachIntoTheirAdapters() {
        noClasses().that().resideInAPackage("org.carbonsink.verification.*")
                .should().dependOnClassesThat().resideInAnyPackage("org.carbonsink.verification..web..",
                        "org.carbonsink.verification..messaging..")
                .check(CLASSES);
    }
}
