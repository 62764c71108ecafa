package org.carbonsink.verification;

import static org.awaitility.Awaitility.await;
import static org.springframework.boot.test.context.SpringBootTest.WebEnvironment.RANDOM_PORT;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.carbonsink.contracts.ProjectRegistered;
import org.carbonsink.contracts.Topics;
import org.carbonsink.testsupport.ApiClient;
import org.carbonsink.testsupport.TestEvents;
import org.carbonsink.testsupport.TestInfrastructure;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The one context configuration of every *IT here: the service on a random port, a fresh database
 * on real PostgreSQL, and the test Kafka broker.
 */
@SpringBootTest(webEnvironment = RANDOM_PORT, properties = "spring.config.name=" + VerificationApplication.CONFIG_NAME)
public abstract class ServiceIntegration {

    protected static final Duration PATIENCE = Duration.ofSeconds(30);

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        TestInfrastructure.springProperties("verification").forEach((key, value) -> registry.add(key, () -> value));
    }

    @LocalServerPort
    int port;

    protected ApiClient api() {
        return new ApiClient("http://127.0.0.1:" + port);
    }

    /** A project as the registry announces it: 100 ha of forest, 10% to the buffer, validated by its own validator. */
    protected static ProjectRegistered projectRegistered() {
        UUID projectId = UUID.randomUUID();
        return new ProjectRegistered(UUID.randomUUID(), Instant.parse("2026-03-02T08:15:30Z"), projectId,
                "CCER-P-" + projectId.toString().substring(0, 8), "Qiandongnan Chinese fir afforestation",
                UUID.randomUUID(), "CCER-14-001-V01", "FOREST", "Guizhou", new BigDecimal("100.00"),
                new BigDecimal("0.10"), UUID.randomUUID());
    }

    /** Puts the event on the registry's topic and waits until verification shows the project. */
    protected ProjectRegistered registered(ProjectRegistered event) {
        TestEvents.send(Topics.REGISTRY_PROJECTS, event.projectId().toString(), event);
        await().atMost(PATIENCE).until(() -> api().get("/projects/" + event.projectId()).status() == 200);
        return event;
    }
}
