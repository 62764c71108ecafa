package org.carbonsink.registry;

import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.carbonsink.contracts.MonitoringReportVerified;
import org.carbonsink.contracts.Topics;
import org.carbonsink.registry.project.ClosingDisclosures;
import org.carbonsink.testsupport.ApiClient;
import org.carbonsink.testsupport.SimulatedCrash;
import org.carbonsink.testsupport.TestEvents;
import org.carbonsink.testsupport.TestInfrastructure;
import org.junit.jupiter.api.AfterEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/** The registry on real PostgreSQL and Kafka; every IT of this module shares this one context. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = { "spring.config.name=" + RegistryApplication.CONFIG_NAME,
                // the tests close disclosures themselves (ClosingDisclosures.closeDue), not on a schedule
                "carbonsink.projects.disclosure-check=PT24H",
                // the public ledger check's summary is recomputed only when a test moves the clock past this
                "carbonsink.ledger.public-check-interval=PT1H" })
@Import({ RegistryIT.Clocks.class, SimulatedCrash.class })
abstract class RegistryIT {

    static final UUID ADMINISTRATOR = UUID.fromString("00000000-0000-0000-0000-00000000a001");
    static final Duration EVENTUALLY = Duration.ofSeconds(30);
    /** Longer than any 20-working-day window, Spring Festival and National Day included. */
    static final Duration PAST_ANY_DISCLOSURE = Duration.ofDays(60);
    private static final AtomicInteger PARCELS = new AtomicInteger();

    @TestConfiguration(proxyBeanMethods = false)
    static class Clocks {

        @Bean
        TestClock testClock() {
            return new TestClock();
        }
    }

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        TestInfrastructure.springProperties("registry").forEach((key, value) -> registry.add(key, () -> value));
    }

    @LocalServerPort
    int port;

    @Autowired
    TestClock clock;

    @Autowired
    ClosingDisclosures closingDisclosures;

    @AfterEach
    void backToTheRealTime() {
        clock.reset();
    }

    ApiClient api() {
        return new ApiClient("http://127.0.0.1:" + port);
    }

    static final String ADMINISTRATOR_ROLE = "REGISTRY_ADMINISTRATOR";

    /** The administrator registers a participant for a fresh token subject. */
    JsonNode registerParticipant(String name, String role) {
        return admin().post("/participants", Map.of("subject", UUID.randomUUID(), "name", name, "role", role))
                .expect(201);
    }

    ApiClient admin() {
        return api().as(ADMINISTRATOR, ADMINISTRATOR_ROLE);
    }

    ApiClient owner(UUID ownerId) {
        return api().as(ownerId, "PROJECT_OWNER");
    }

    /** A square parcel of {@code side} degrees at (lon, lat), as a GeoJSON Polygon. */
    static Map<String, Object> square(double lon, double lat, double side) {
        return Map.of("type", "Polygon", "coordinates", List.of(List.of(List.of(lon, lat), List.of(lon + side, lat),
                List.of(lon + side, lat + side), List.of(lon, lat + side), List.of(lon, lat))));
    }

    /** A parcel of about 25 ha in Guizhou that no other test's project claims. */
    static Map<String, Object> freshParcel() {
        int n = PARCELS.incrementAndGet();
        return square(106.0 + (n % 200) * 0.01, 26.0 + (n / 200) * 0.01, 0.005);
    }

    /** An eligible afforestation design under CCER-14-001-V01 with {@code validatorId}, on fresh land. */
    static Map<String, Object> design(UUID validatorId) {
        Map<String, Object> design = new HashMap<>();
        design.put("name", "Qiandongnan fir afforestation");
        design.put("methodologyCode", "CCER-14-001-V01");
        design.put("methodologyVersion", "V01");
        design.put("ecosystemType", "FOREST");
        design.put("province", "Guizhou");
        design.put("county", "Liping");
        design.put("areaHectares", 25);
        design.put("constructionStart", "2021-03-01");
        design.put("creditingPeriodStart", "2021-03-01");
        design.put("creditingPeriodEnd", "2051-02-28");
        design.put("validatorId", validatorId);
        design.put("risk", Map.of("internal", 4, "external", 3, "natural", 3));
        design.put("boundary", freshParcel());
        return design;
    }

    UUID verifier() {
        return id(registerParticipant("Guizhou Validation Centre", "VERIFIER"));
    }

    JsonNode draftedProject(UUID ownerId, UUID validatorId) {
        return owner(ownerId).post("/projects", design(validatorId)).expect(201);
    }

    /** A project through its disclosure, now in VALIDATION (the clock stays real). */
    UUID inValidation(UUID ownerId, UUID validatorId) {
        UUID project = id(draftedProject(ownerId, validatorId));
        owner(ownerId).post("/projects/" + project + "/disclosure", null).expect(200);
        clock.advance(PAST_ANY_DISCLOSURE);
        closingDisclosures.closeDue();
        clock.reset();
        return project;
    }

    /** A positively validated project whose owner applied for registration. */
    UUID applied(UUID ownerId) {
        UUID validator = verifier();
        UUID project = inValidation(ownerId, validator);
        api().as(validator, "VERIFIER").post("/projects/" + project + "/validation-report",
                Map.of("positive", true, "summary", "Design conforms to CCER-14-001-V01")).expect(201);
        owner(ownerId).post("/projects/" + project + "/application", null).expect(200);
        return project;
    }

    /** An owner's project through the whole lifecycle, registered by the administrator. */
    JsonNode registeredProject(UUID ownerId) {
        return admin().post("/projects/" + applied(ownerId) + "/registration", null).expect(200);
    }

    record Holder(UUID id, UUID account) {
    }

    Holder holder(String name, String role) {
        JsonNode node = registerParticipant(name, role);
        return new Holder(id(node), UUID.fromString(node.get("accountId").asString()));
    }

    /** A registered project of {@code owner} with {@code credits} issued for {@code vintage} (a tenth to the buffer). */
    UUID projectWithCredits(Holder owner, int vintage, long credits) {
        UUID projectId = id(registeredProject(owner.id()));
        TestEvents.send(Topics.VERIFICATION_REPORTS, projectId.toString(), new MonitoringReportVerified(
                UUID.randomUUID(), Instant.now(), UUID.randomUUID(), projectId, owner.id(), UUID.randomUUID(),
                LocalDate.of(vintage, 1, 1), LocalDate.of(vintage, 12, 31), vintage,
                new BigDecimal(credits + ".0000"), credits, credits / 10));
        await().atMost(EVENTUALLY).until(() -> holding(owner, "available") == credits - credits / 10);
        return projectId;
    }

    long holding(Holder holder, String state) {
        long total = 0;
        for (JsonNode h : api().as(holder.id()).get("/accounts/" + holder.account()).expect(200).get("holdings")) {
            total += h.get(state).asLong();
        }
        return total;
    }

    static UUID id(JsonNode node) {
        return UUID.fromString(node.get("id").asString());
    }
}
