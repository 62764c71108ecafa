package org.carbonsink.verification;

import static org.awaitility.Awaitility.await;
import static org.springframework.boot.test.context.SpringBootTest.WebEnvironment.RANDOM_PORT;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.carbonsink.contracts.ParticipantRegistered;
import org.carbonsink.contracts.ProjectRegistered;
import org.carbonsink.contracts.Topics;
import org.carbonsink.testsupport.ApiClient;
import org.carbonsink.testsupport.TestEvents;
import org.carbonsink.testsupport.TestInfrastructure;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * The one context configuration of every *IT here: the service on a random port, a fresh database
 * on real PostgreSQL, the test Kafka broker, and a clock the tests set (reset before each test to
 * {@link TestClock#START}, 2026-01-01 in China).
 */
@SpringBootTest(webEnvironment = RANDOM_PORT, properties = "spring.config.name=" + VerificationApplication.CONFIG_NAME)
@Import(ServiceIntegration.Clocks.class)
public abstract class ServiceIntegration {

    protected static final Duration PATIENCE = Duration.ofSeconds(30);
    protected static final TestClock CLOCK = new TestClock();

    @TestConfiguration
    static class Clocks {

        @Bean
        @Primary
        Clock testClock() {
            return CLOCK;
        }
    }

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        TestInfrastructure.springProperties("verification").forEach((key, value) -> registry.add(key, () -> value));
    }

    @LocalServerPort
    int port;

    @Autowired
    protected JdbcClient jdbc;

    @BeforeEach
    void resetClock() {
        CLOCK.set(TestClock.START);
    }

    protected ApiClient api() {
        return new ApiClient("http://127.0.0.1:" + port);
    }

    /**
     * A project as the registry announces it: 100 ha of forest (CCER-14-001, FOREST_STOCK_DIFFERENCE),
     * crediting period 2021-01-01 to 2060-12-31, 10% to the buffer, validated by its own validator.
     */
    protected static ProjectRegistered projectRegistered() {
        return projectRegistered("CCER-14-001-V01", "FOREST", "FOREST_STOCK_DIFFERENCE", "100.00");
    }

    protected static ProjectRegistered projectRegistered(String methodology, String ecosystem, String method,
            String area) {
        UUID projectId = UUID.randomUUID();
        return new ProjectRegistered(UUID.randomUUID(), Instant.parse("2025-03-02T08:15:30Z"), projectId,
                "CCER-P-" + projectId.toString().substring(0, 8), "Qiandongnan " + ecosystem.toLowerCase() + " project",
                UUID.randomUUID(), methodology, ecosystem, "Guizhou", new BigDecimal(area), new BigDecimal("0.10"),
                UUID.randomUUID(), methodology.substring(methodology.lastIndexOf('-') + 1), method,
                LocalDate.of(2021, 1, 1), LocalDate.of(2060, 12, 31));
    }

    /** Puts the event on the registry's topic and waits until verification shows the project. */
    protected ProjectRegistered registered(ProjectRegistered event) {
        TestEvents.send(Topics.REGISTRY_PROJECTS, event.projectId().toString(), event);
        await().atMost(PATIENCE).until(() -> api().get("/projects/" + event.projectId()).status() == 200);
        return event;
    }

    /** A participant the registry registered as a VERIFIER, known to verification. */
    protected UUID verifier() {
        return participant("VERIFIER");
    }

    protected UUID participant(String role) {
        UUID id = UUID.randomUUID();
        TestEvents.send(Topics.REGISTRY_PARTICIPANTS, id.toString(), new ParticipantRegistered(UUID.randomUUID(),
                Instant.parse("2025-01-02T00:00:00Z"), id, "Participant " + id.toString().substring(0, 8), role));
        await().atMost(PATIENCE).until(() -> jdbc.sql("select count(*) from participant where id = :id")
                .param("id", id).query(Long.class).single() == 1);
        return id;
    }

    /** A report body with tree strata by stand volume and a stated uncertainty. */
    protected static Map<String, Object> volumeReport(ProjectRegistered project, UUID verifier, String start,
            String end, String uncertainty, Map<?, ?>... strata) {
        Map<String, Object> body = new java.util.LinkedHashMap<>();
        body.put("projectId", project.projectId().toString());
        body.put("periodStart", start);
        body.put("periodEnd", end);
        body.put("verifierId", verifier.toString());
        body.put("relativeUncertaintyPercent", uncertainty == null ? null : new BigDecimal(uncertainty));
        body.put("strata", List.of(strata));
        return body;
    }

    protected static Map<String, Object> stand(String species, String area, String start, String end) {
        return Map.of("species", species, "areaHectares", new BigDecimal(area),
                "volumeStartPerHectare", new BigDecimal(start), "volumeEndPerHectare", new BigDecimal(end));
    }

    /**
     * Submits, discloses, takes up and (after the disclosure window) approves the report: answers the
     * approved report.
     */
    protected JsonNode verified(ProjectRegistered project, UUID verifier, Map<String, Object> body) {
        String id = underVerification(project, verifier, body);
        afterDisclosure();
        return api().as(verifier, "VERIFIER").post("/reports/" + id + "/decision", Map.of("decision", "APPROVE"))
                .expect(200);
    }

    /** Submits, discloses and takes up the report: answers its id. */
    protected String underVerification(ProjectRegistered project, UUID verifier, Map<String, Object> body) {
        String id = api().as(project.ownerId(), "PROJECT_OWNER").post("/reports", body).expect(201).get("id").asString();
        api().as(project.ownerId(), "PROJECT_OWNER").post("/reports/" + id + "/disclosure", Map.of()).expect(200);
        api().as(verifier, "VERIFIER").post("/reports/" + id + "/verification", Map.of()).expect(200);
        return id;
    }

    /** Moves the clock past any disclosure window opened at its start (20 working days fit in 45 days). */
    protected static void afterDisclosure() {
        CLOCK.advance(Duration.ofDays(45));
    }
}
