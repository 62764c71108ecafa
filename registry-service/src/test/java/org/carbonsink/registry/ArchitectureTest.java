package org.carbonsink.registry;

import java.util.stream.Stream;
import org.carbonsink.testsupport.ServiceArchitecture;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** The package boundaries every service is held to (test-support's ServiceArchitecture), on this service. */
class ArchitectureTest {

    @TestFactory
    Stream<DynamicTest> boundaries() {
        return ServiceArchitecture.of("org.carbonsink.registry").withPlainJavaCore("ledger.core").tests();
    }
}
