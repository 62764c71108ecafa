package org.carbonsink.registry;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.carbonsink.testsupport.ApiClient;
import org.carbonsink.testsupport.TestInfrastructure;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/** The registry on real PostgreSQL and Kafka; every IT of this module shares this one context. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.config.name=" + RegistryApplication.CONFIG_NAME)
abstract class RegistryIT {

    static final UUID ADMINISTRATOR = UUID.fromString("00000000-0000-0000-0000-00000000a001");
    static final Duration EVENTUALLY = Duration.ofSeconds(30);

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        TestInfrastructure.springProperties("registry").forEach((key, value) -> registry.add(key, () -> value));
    }

    @LocalServerPort
    int port;

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

    /** An owner's project, registered by the administrator. */
    JsonNode registeredProject(UUID ownerId) {
        JsonNode applied = api().as(ownerId, "PROJECT_OWNER").post("/projects", Map.of("name", "Qiandongnan fir afforestation",
                "methodologyCode", "CCER-14-001-V01", "ecosystemType", "FOREST", "province", "Guizhou",
                "areaHectares", 100)).expect(201);
        return admin().post("/projects/" + applied.get("id").asString() + "/registration", null)
                .expect(200);
    }

    static UUID id(JsonNode node) {
        return UUID.fromString(node.get("id").asString());
    }
}
