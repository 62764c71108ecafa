package org.carbonsink.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class ProjectRegistrationIT extends RegistryIT {

    @Test
    void anOwnerAppliesAndOnlyTheAdministratorRegisters() {
        UUID owner = id(registerParticipant("Heilongjiang Forest Group", "PROJECT_OWNER"));
        JsonNode applied = api().as(owner, "PROJECT_OWNER").post("/projects", project()).expect(201);
        assertThat(applied.get("status").asString()).isEqualTo("REGISTRATION_APPLIED");
        assertThat(applied.get("code").asString()).matches("P\\d{6}");
        assertThat(applied.get("bufferRate").decimalValue()).isEqualByComparingTo("0.10");
        String path = "/projects/" + applied.get("id").asString();

        var byOwner = api().as(owner, "PROJECT_OWNER").post(path + "/registration", null);
        assertThat(byOwner.status()).isEqualTo(403);
        assertThat(api().get(path).expect(200).get("status").asString()).isEqualTo("REGISTRATION_APPLIED");

        assertThat(admin().post(path + "/registration", null).expect(200).get("status").asString())
                .isEqualTo("REGISTERED");
        var twice = admin().post(path + "/registration", null);
        assertThat(twice.status()).isEqualTo(409);
        assertThat(api().get("/projects?status=REGISTERED&ownerId=" + owner).expect(200).get("total").asLong())
                .isEqualTo(1);
    }

    @Test
    void refusesInvalidApplicationsNamingTheFieldAndSavesNothing() {
        UUID owner = id(registerParticipant("Sichuan Grassland Co-op", "PROJECT_OWNER"));
        long before = api().get("/projects?ownerId=" + owner).expect(200).get("total").asLong();

        Map<String, Object> missing = new HashMap<>(project());
        missing.remove("name");
        missing.put("areaHectares", -3);
        var invalid = api().as(owner, "PROJECT_OWNER").post("/projects", missing);
        assertThat(invalid.status()).isEqualTo(400);
        assertThat(invalid.header("Content-Type")).startsWith("application/problem+json");
        assertThat(invalid.json().has("errors")).as(invalid.body()).isTrue();
        assertThat(invalid.json().get("errors").findValuesAsString("field")).contains("name", "areaHectares");

        Map<String, Object> badEnum = new HashMap<>(project());
        badEnum.put("ecosystemType", "DESERT");
        var unreadable = api().as(owner, "PROJECT_OWNER").post("/projects", badEnum);
        assertThat(unreadable.status()).isEqualTo(400);
        assertThat(unreadable.json().get("errors").get(0).get("field").asString()).isEqualTo("ecosystemType");

        Map<String, Object> pilot = new HashMap<>(project());
        pilot.put("methodologyCode", "PILOT-GRASSLAND-V01");
        pilot.put("ecosystemType", "GRASSLAND");
        var notActive = api().as(owner, "PROJECT_OWNER").post("/projects", pilot);
        assertThat(notActive.status()).isEqualTo(422);
        assertThat(notActive.json().get("type").asString()).isEqualTo("urn:carbonsink:problem:methodology-not-active");

        Map<String, Object> wrongEcosystem = new HashMap<>(project());
        wrongEcosystem.put("ecosystemType", "WETLAND");
        assertThat(api().as(owner, "PROJECT_OWNER").post("/projects", wrongEcosystem).status()).isEqualTo(422);

        assertThat(api().post("/projects", project()).status()).isEqualTo(401);
        UUID trader = id(registerParticipant("A trader", "TRADER"));
        assertThat(api().as(trader, "TRADER").post("/projects", project()).status()).isEqualTo(403);
        // a token that claims the owner role does not make a trader an owner in the registry
        assertThat(api().as(trader, "PROJECT_OWNER").post("/projects", project()).status()).isEqualTo(403);

        assertThat(api().get("/projects?ownerId=" + owner).expect(200).get("total").asLong()).isEqualTo(before);
    }

    @Test
    void aRoleGatedActIsRefusedBeforeItsBodyIsRead() {
        UUID trader = id(registerParticipant("A curious trader", "TRADER"));

        var register = api().as(trader, "TRADER").post("/participants", Map.of("nonsense", true));
        var reject = api().as(trader, "TRADER").post("/projects/" + UUID.randomUUID() + "/rejection", Map.of());
        var edit = api().as(trader, "TRADER").put("/methodologies/CCER-14-001-V01", Map.of("status", "DRAFT"));

        assertThat(register.status()).isEqualTo(403);
        assertThat(register.json().get("type").asString()).isEqualTo("urn:carbonsink:problem:forbidden");
        assertThat(reject.status()).isEqualTo(403);
        assertThat(edit.status()).isEqualTo(403);
        assertThat(api().get("/methodologies/CCER-14-001-V01").expect(200).get("status").asString()).isEqualTo("ACTIVE");
    }

    @Test
    void theCatalogueHoldsCcerAndPilotSinkMethodologies() {
        JsonNode afforestation = api().get("/methodologies/CCER-14-001-V01").expect(200);
        assertThat(afforestation.get("status").asString()).isEqualTo("ACTIVE");
        assertThat(afforestation.get("nameZh").asString()).isEqualTo("造林碳汇");
        assertThat(api().get("/methodologies?status=PILOT").expect(200).findValuesAsString("code"))
                .contains("PILOT-GRASSLAND-V01", "PILOT-WETLAND-V01");
        assertThat(api().get("/methodologies/NOPE").status()).isEqualTo(404);
        UUID someone = UUID.randomUUID();
        assertThat(api().as(someone, "TRADER").post("/participants",
                Map.of("subject", someone, "name", "Me", "role", "REGISTRY_ADMINISTRATOR")).status()).isEqualTo(403);
    }

    private static Map<String, Object> project() {
        return Map.of("name", "Greater Khingan afforestation", "methodologyCode", "CCER-14-001-V01",
                "ecosystemType", "FOREST", "province", "Heilongjiang", "areaHectares", 250.5);
    }
}
