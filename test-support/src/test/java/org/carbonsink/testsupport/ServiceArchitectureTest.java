package org.carbonsink.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import org.junit.jupiter.api.Test;

class ServiceArchitectureTest {

    static final String FIXTURE = "org.carbonsink.testsupport.archfixture";

    @Test
    void eachRuleCatchesItsBreach() {
        JavaClasses fixture = new ClassFileImporter().importPackages(FIXTURE);

        assertThat(ServiceArchitecture.of(FIXTURE).withPlainJavaCore("core").brokenRules(fixture))
                .containsExactlyInAnyOrder(
                        "features reach each other only through their top-level package",
                        "features do not reach into their own adapters",
                        "web adapters do not call messaging adapters",
                        "features depend on each other without cycles",
                        FIXTURE + ".core is plain Java",
                        "no Service grab-bags or Impl suffixes");
    }

    @Test
    void aServiceWithinTheRulesBreaksNone() {
        JavaClasses beta = new ClassFileImporter().importPackages(FIXTURE + ".alpha.messaging");

        assertThat(ServiceArchitecture.of(FIXTURE).brokenRules(beta)).isEmpty();
    }
}
