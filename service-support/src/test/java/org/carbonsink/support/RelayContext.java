package org.carbonsink.support;

import org.carbonsink.testsupport.TestInfrastructure;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * One context for the relay and the administrator's endpoints. The fallback poll is ten minutes,
 * so an event that arrives within seconds was brought by the commit's wake-up, not by the poll.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = { "carbonsink.outbox.poll-interval=10m", "carbonsink.admin.role=EXCHANGE_OPERATOR" })
abstract class RelayContext {

    static final String PURPOSE = "support_relay";

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        TestInfrastructure.springProperties(PURPOSE).forEach((key, value) -> registry.add(key, () -> value));
    }
}
