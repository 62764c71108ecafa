package org.carbonsink.registry;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The boundaries of docs/service-conventions.md, checked on the compiled classes. */
class ArchitectureTest {

    static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.carbonsink.registry");

    @Test
    void onlyMessagingPackagesUseTheEventContracts() {
        noClasses().that().resideOutsideOfPackage("..messaging..")
                .should().dependOnClassesThat().resideInAPackage("org.carbonsink.contracts..")
                .check(CLASSES);
    }

    /** Use cases talk to the outside through interfaces the adapters implement, never to the adapters. */
    @Test
    void featuresDoNotReachIntoTheirAdapters() {
        noClasses().that().resideInAPackage("org.carbonsink.registry.*")
                .should().dependOnClassesThat().resideInAnyPackage("org.carbonsink.registry..web..",
                        "org.carbonsink.registry..messaging..")
                .check(CLASSES);
    }

    @Test
    void adaptersDoNotCallEachOther() {
        noClasses().that().resideInAPackage("..web..")
                .should().dependOnClassesThat().resideInAPackage("org.carbonsink.registry..messaging..")
                .check(CLASSES);
        noClasses().that().resideInAPackage("org.carbonsink.registry..messaging..")
                .should().dependOnClassesThat().resideInAPackage("org.carbonsink.registry..web..")
                .check(CLASSES);
    }

    @Test
    void namesFollowTheStyle() {
        classes().should().haveSimpleNameNotEndingWith("Service").andShould().haveSimpleNameNotEndingWith("Impl")
                .check(CLASSES);
    }
}
